/**
 * The files waiting in the inbox, in the order they are received: by export date (DATEXPORT of
 * the XML INTRO), then modification time, then name (domain.md §1).
 */
import { openSync, readSync, closeSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export interface InboxFile {
  readonly path: string;
  readonly name: string;
  readonly datexport: string | null;
  readonly mtimeMs: number;
}

const IGNORED = new Set(['manifest.json', 'README.md']);

/** DATEXPORT found in the first 64 KiB of an XML file, else null. */
export function peekDatexport(path: string): string | null {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(65_536);
    const n = readSync(fd, buf, 0, buf.length, 0);
    const m = /<DATEXPORT>\s*([^<]*?)\s*<\/DATEXPORT>/i.exec(buf.subarray(0, n).toString('latin1'));
    return m?.[1] ? m[1] : null;
  } finally {
    closeSync(fd);
  }
}

export function compareReceiptOrder(a: InboxFile, b: InboxFile): number {
  const da = a.datexport ?? '';
  const db = b.datexport ?? '';
  if (da !== db) return da < db ? -1 : 1;
  if (a.mtimeMs !== b.mtimeMs) return a.mtimeMs - b.mtimeMs;
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

export function describeFile(path: string, name = path.split('/').pop() ?? path): InboxFile {
  return { path, name, datexport: peekDatexport(path), mtimeMs: statSync(path).mtimeMs };
}

export function listInbox(dir: string): InboxFile[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .filter((n) => !n.startsWith('.') && !IGNORED.has(n))
    .map((n) => join(dir, n))
    .filter((p) => statSync(p).isFile())
    .map((p) => describeFile(p))
    .sort(compareReceiptOrder);
}
