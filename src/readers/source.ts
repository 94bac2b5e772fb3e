/** Reading a received file by blocks, and locating a byte offset (line number) for messages. */
import { open, type FileHandle } from 'node:fs/promises';
import { FileRejectedError } from '../errors.js';

export interface Source {
  readonly path: string;
  readonly handle: FileHandle;
  readonly size: number;
}

export async function openSource(path: string): Promise<Source> {
  let handle: FileHandle | undefined;
  try {
    handle = await open(path, 'r');
    const stat = await handle.stat();
    if (!stat.isFile()) throw new Error('not a regular file');
    return { path, handle, size: stat.size };
  } catch (e) {
    await handle?.close().catch(() => undefined);
    const reason = e instanceof Error ? e.message : String(e);
    throw new FileRejectedError('fichier-illisible', `Fichier illisible (${reason}).`, { cause: e });
  }
}

/** Reads up to `length` bytes at `position` into `target` from `offset`; fewer only at the end of the file. */
export async function readFully(
  source: Source,
  target: Uint8Array,
  offset: number,
  length: number,
  position: number,
): Promise<number> {
  let total = 0;
  try {
    while (total < length) {
      const { bytesRead } = await source.handle.read(
        target,
        offset + total,
        length - total,
        position + total,
      );
      if (bytesRead === 0) break;
      total += bytesRead;
    }
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    throw new FileRejectedError(
      'fichier-illisible',
      `Fichier illisible à l'octet ${position + total} (${reason}).`,
      {
        cause: e,
      },
    );
  }
  return total;
}

/** 1-based line number of a byte offset (counts LF before it; read again only when a message needs it). */
export async function lineAt(source: Source, byteOffset: number): Promise<number> {
  const block = Buffer.allocUnsafe(1 << 20);
  let lines = 1;
  for (let pos = 0; pos < byteOffset;) {
    const n = await readFully(source, block, 0, Math.min(block.length, byteOffset - pos), pos);
    if (n === 0) break;
    for (let i = block.indexOf(10, 0); i >= 0 && i < n; i = block.indexOf(10, i + 1)) lines++;
    pos += n;
  }
  return lines;
}
