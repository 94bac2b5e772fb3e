/**
 * Where XML chunks are parsed: a small pool of worker threads, or the calling thread (one worker
 * asked, small file, or the compiled worker script missing).
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { VARIABLES, VARIABLE_INDEX } from '../dictionary/index.js';
import { ArraySink, parseChunk, unpackRecords, type ChunkOutcome, type ChunkTask } from './xml-chunk.js';
import type { WorkerReply } from './xml-worker.js';

export interface ChunkParser {
  parse(task: ChunkTask): Promise<ChunkOutcome>;
  close(): Promise<void>;
}

/**
 * The compiled worker script: beside this module once compiled (`dist/src/readers/`), or in
 * `dist/` under the project root when this module runs from its `.ts` source (vitest).
 */
export function workerScriptPath(): string {
  const here = fileURLToPath(import.meta.url);
  if (here.endsWith('.js')) return join(dirname(here), 'xml-worker.js');
  return join(dirname(here), '..', '..', 'dist', 'src', 'readers', 'xml-worker.js');
}

export class InThreadParser implements ChunkParser {
  parse(task: ChunkTask): Promise<ChunkOutcome> {
    try {
      const { sink, ...facts } = parseChunk(
        task,
        VARIABLE_INDEX,
        VARIABLES.length,
        (text) => new ArraySink(text, VARIABLES.length),
      );
      return Promise.resolve({ ...facts, records: sink.records });
    } catch (e) {
      return Promise.reject(e instanceof Error ? e : new Error(String(e)));
    }
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}

/**
 * A worker holds one chunk at a time (4 MiB of bytes, its text, the offsets): a smaller heap than
 * V8's default makes it collect sooner and keeps the process RSS lower. Large enough for the
 * largest accepted record (64 MiB).
 */
const WORKER_LIMITS = { maxOldGenerationSizeMb: 256, maxYoungGenerationSizeMb: 16 };

interface Pending {
  resolve: (o: ChunkOutcome) => void;
  reject: (e: Error) => void;
}

export class WorkerPool implements ChunkParser {
  private readonly workers: Worker[];
  /** Each worker answers in the order it was sent tasks. */
  private readonly queues: Pending[][];
  private failure: Error | null = null;

  constructor(size: number, script: string) {
    const names = VARIABLES.map((v) => v.name);
    this.workers = [];
    this.queues = [];
    for (let w = 0; w < size; w++) {
      const worker = new Worker(script, { workerData: { names }, resourceLimits: WORKER_LIMITS });
      const queue: Pending[] = [];
      worker.on('message', (reply: WorkerReply) => {
        const pending = queue.shift();
        pending?.resolve({
          seq: reply.seq,
          records: unpackRecords(reply.packed, names.length),
          seen: reply.seen,
          unexpected: reply.unexpected,
          notes: reply.notes,
          error: reply.error,
        });
      });
      const fail = (err: Error): void => {
        this.failure ??= err;
        for (const p of queue.splice(0)) p.reject(err);
      };
      worker.on('error', fail);
      worker.on('exit', (code) => {
        if (queue.length > 0) fail(new Error(`XML reader worker exited (code ${code})`));
      });
      this.workers.push(worker);
      this.queues.push(queue);
    }
  }

  parse(task: ChunkTask): Promise<ChunkOutcome> {
    if (this.failure) return Promise.reject(this.failure);
    let w = 0;
    for (let i = 1; i < this.queues.length; i++) if (this.queues[i]!.length < this.queues[w]!.length) w = i;
    return new Promise((resolve, reject) => {
      this.queues[w]!.push({ resolve, reject });
      const bytes = task.bytes;
      this.workers[w]!.postMessage(task, [bytes.buffer as ArrayBuffer]);
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

/** A pool of `workers` threads when it is worth it, else the calling thread. */
export function chunkParser(workers: number): ChunkParser {
  const script = workerScriptPath();
  if (workers <= 1 || !existsSync(script)) return new InThreadParser();
  return new WorkerPool(workers, script);
}
