/**
 * Worker thread of the XML reader: decodes and parses the chunks it is sent (`parseChunk`) and
 * posts back the records packed in one string (much cheaper to copy than arrays of strings).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { PackedSink, parseChunk, type ChunkTask } from './xml-chunk.js';

export interface WorkerReply {
  readonly seq: number;
  readonly packed: import('./xml-chunk.js').PackedRecords;
  readonly seen: number[];
  readonly unexpected: string[];
  readonly notes: { rule: string; value: string | null }[];
  readonly error: import('./xml-chunk.js').ChunkError | null;
}

const names = (workerData as { names: string[] }).names;
const index = new Map(names.map((n, i) => [n, i]));

parentPort?.on('message', (task: ChunkTask) => {
  const out = parseChunk(task, index, names.length, (text) => new PackedSink(text, names.length));
  const packed = out.sink.packed();
  const reply: WorkerReply = {
    seq: out.seq,
    packed,
    seen: out.seen,
    unexpected: out.unexpected,
    notes: out.notes,
    error: out.error,
  };
  parentPort?.postMessage(reply, [packed.meta.buffer as ArrayBuffer]);
});
