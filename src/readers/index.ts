/**
 * `openReader(path)`: the one entry point of the readers. The format is recognised from the
 * content, not the extension: XML when the first byte after a BOM and white space is `<`,
 * delimited text otherwise. See docs/readers.md.
 */
import { availableParallelism } from 'node:os';
import { FileRejectedError } from '../errors.js';
import { looksUtf16 } from './encoding.js';
import { openCsvReader } from './csv-reader.js';
import { openSource, readFully } from './source.js';
import { openXmlReader } from './xml-reader.js';
import type { FileReader, OpenReader } from './types.js';

export type * from './types.js';

const SNIFF_BYTES = 64 << 10;
export const DEFAULT_BATCH_SIZE = 10_000;
export const DEFAULT_CHUNK_BYTES = 4 << 20;
/**
 * XML parsing threads by default: one per core, at most 4 (beyond, the calling thread, which
 * rebuilds the records, is the bottleneck).
 */
export const DEFAULT_WORKERS = Math.max(1, Math.min(4, availableParallelism()));

/**
 * Binary content: a NUL byte, or control bytes (C0 other than tab, LF, FF, CR, SUB, ESC) making
 * more than 1 % of the first bytes (and at least 4). A stray control character in a text file is left to the
 * format's own checks. Returns the offset of the first such byte, or -1.
 */
function binaryByteAt(bytes: Uint8Array): number {
  const nul = bytes.indexOf(0);
  if (nul >= 0) return nul;
  let first = -1;
  let count = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b < 9 || (b > 13 && b < 32 && b !== 26 && b !== 27)) {
      if (first < 0) first = i;
      count++;
    }
  }
  return count >= 4 && count > bytes.length / 100 ? first : -1;
}

export const openReader: OpenReader = async (path, options = {}) => {
  const source = await openSource(path);
  try {
    return await openOpened(source, options);
  } catch (e) {
    await source.handle.close().catch(() => undefined);
    throw e;
  }
};

async function openOpened(
  source: Awaited<ReturnType<typeof openSource>>,
  options: Parameters<OpenReader>[1] = {},
): Promise<FileReader> {
  const batchSize = Math.max(1, options.batchSize ?? DEFAULT_BATCH_SIZE);
  const chunkBytes = Math.max(1024, options.chunkBytes ?? DEFAULT_CHUNK_BYTES);
  const workers = Math.max(1, options.workers ?? DEFAULT_WORKERS);
  const first = Buffer.allocUnsafe(Math.min(SNIFF_BYTES, source.size));
  const n = await readFully(source, first, 0, first.length, 0);
  const head = first.subarray(0, n);
  if (n === 0) throw new FileRejectedError('fichier-vide', 'Fichier vide (0 octet).');
  if (looksUtf16(head)) {
    throw new FileRejectedError(
      'fichier-illisible',
      'Fichier encodé en UTF-16 : encodage non pris en charge (UTF-8 ou ISO-8859-1/Windows-1252 attendu).',
    );
  }
  const binary = binaryByteAt(head);
  if (binary >= 0) {
    throw new FileRejectedError(
      'fichier-illisible',
      `Fichier binaire (octet de contrôle 0x${head[binary]!.toString(16).padStart(2, '0')} à l'octet ${binary}) : ni XML ni texte délimité.`,
    );
  }
  let p = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
  while (p < n && (head[p] === 32 || head[p] === 9 || head[p] === 10 || head[p] === 13)) p++;
  if (p >= n && n === source.size)
    throw new FileRejectedError('fichier-vide', 'Fichier vide (blancs seulement).');
  if (head[p] === 60) return openXmlReader(source, head, { workers, batchSize, chunkBytes });
  return openCsvReader(source, head, { batchSize, chunkBytes: Math.max(chunkBytes >> 2, 1024) });
}
