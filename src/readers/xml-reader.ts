/**
 * The XML reader. The head (prolog, `<DECRET>`, `<INTRO>`) is parsed by saxes in this thread;
 * the body is read in large blocks cut just after the last `</DONNEE>` of each (a byte search, safe
 * in UTF-8 and Latin-1), parsed by `parseChunk` in a pool of worker threads, and handed back in
 * file order. At most `2 × workers` chunks are in flight: memory stays bounded whatever the size.
 */
import { SaxesParser } from 'saxes';
import { FileRejectedError } from '../errors.js';
import { decodeChunk, hasUtf8Bom, xmlDeclaredEncoding, type TextEncoding } from './encoding.js';
import { lineAt, readFully, type Source } from './source.js';
import { SummaryBuilder } from './summary.js';
import { chunkParser } from './xml-pool.js';
import type { ChunkOutcome } from './xml-chunk.js';
import type { FileDescription, FileReader, RecordBatch } from './types.js';

export interface XmlReaderOptions {
  readonly workers: number;
  readonly batchSize: number;
  readonly chunkBytes: number;
}

/** No `<DONNEE` within this many bytes: the file holds no record. */
const MAX_HEAD_BYTES = 16 << 20;
/** A single record larger than this is not a Base Année record. */
const MAX_RECORD_BYTES = 64 << 20;

const lower = (b: number): number => (b >= 65 && b <= 90 ? b + 32 : b);
const isWsByte = (b: number | undefined): boolean => b === 32 || b === 10 || b === 13 || b === 9;

function matchesAt(buf: Uint8Array, at: number, word: string): boolean {
  for (let k = 0; k < word.length; k++) if (lower(buf[at + k] ?? 0) !== word.charCodeAt(k)) return false;
  return true;
}

/** Offset of the first `<DONNEE` opening tag (any case) at or after `from`, or -1. */
export function findDonneeStart(buf: Uint8Array, from: number, end: number): number {
  for (let p = buf.indexOf(60, from); p >= 0 && p + 7 < end; p = buf.indexOf(60, p + 1)) {
    if (matchesAt(buf, p + 1, 'donnee')) {
      const next = buf[p + 7];
      if (next === 62 || next === 47 || isWsByte(next)) return p;
    }
  }
  return -1;
}

/** Offset just after the last `</DONNEE>` (any case, optional spaces before `>`) before `end`, or -1. */
export function findLastDonneeEnd(buf: Uint8Array, end: number): number {
  const view = Buffer.from(buf.buffer, buf.byteOffset, end);
  for (let p = view.lastIndexOf('</', end - 1); p >= 0; p = p > 0 ? view.lastIndexOf('</', p - 1) : -1) {
    if (!matchesAt(view, p + 2, 'donnee')) continue;
    let q = p + 8;
    while (q < end && isWsByte(view[q])) q++;
    if (q < end && view[q] === 62) return q + 1;
  }
  return -1;
}

interface Head {
  root: string;
  versionxsd: string | null;
  datexport: string | null;
  introFound: boolean;
}

/** Parses the head text with saxes; `complete` when it is the whole file (no DONNEE). */
function parseHead(text: string, complete: boolean): Head {
  const parser = new SaxesParser({ position: true });
  const head: Head = { root: '', versionxsd: null, datexport: null, introFound: false };
  const stack: string[] = [];
  let capture: 'versionxsd' | 'datexport' | null = null;
  let captured = '';
  parser.on('error', (err) => {
    const message = err.message.replace(/\.$/, '');
    throw new FileRejectedError('xml-mal-forme', `Fichier XML mal formé dans l'en-tête : ${message}.`);
  });
  parser.on('opentag', (tag) => {
    const upper = tag.name.toUpperCase();
    stack.push(upper);
    if (stack.length === 1) head.root = tag.name;
    if (stack.length === 2 && upper === 'INTRO') head.introFound = true;
    if (stack.length === 3 && stack[1] === 'INTRO' && (upper === 'VERSIONXSD' || upper === 'DATEXPORT')) {
      capture = upper === 'VERSIONXSD' ? 'versionxsd' : 'datexport';
      captured = '';
    }
  });
  parser.on('text', (t) => {
    if (capture) captured += t;
  });
  parser.on('closetag', () => {
    if (capture && stack.length === 3) {
      const value = captured.trim();
      head[capture] = value.length > 0 ? value : null;
      capture = null;
    }
    stack.pop();
  });
  parser.write(text);
  if (complete) parser.close();
  if (head.root !== '' && head.root.toUpperCase() !== 'DECRET') {
    throw new FileRejectedError(
      'fichier-illisible',
      `Élément racine <${head.root}> : ce n'est pas un fichier du décret (racine <DECRET> attendue).`,
    );
  }
  if (!complete && stack.length !== 1) {
    const where = stack.length === 0 ? 'hors de <DECRET>' : `dans <${stack.join('><')}>`;
    throw new FileRejectedError(
      'xml-mal-forme',
      `Fichier XML mal formé : premier élément <DONNEE> ${where}.`,
    );
  }
  return head;
}

export async function openXmlReader(
  source: Source,
  first: Buffer,
  options: XmlReaderOptions,
): Promise<FileReader> {
  const summary = new SummaryBuilder();
  const bom = hasUtf8Bom(first);
  const prolog = first.subarray(bom ? 3 : 0, 1024).toString('latin1');
  const declared = xmlDeclaredEncoding(prolog);
  if (declared.encoding === undefined) {
    throw new FileRejectedError(
      'fichier-illisible',
      `Encodage « ${declared.declared ?? ''} » déclaré dans l'en-tête XML non pris en charge (UTF-8 ou ISO-8859-1 attendu).`,
    );
  }
  const fileEncoding = bom ? 'utf-8' : declared.encoding;
  const encoding: TextEncoding = fileEncoding === 'utf-8' ? 'utf-8' : 'windows-1252';
  if (bom && declared.encoding !== 'utf-8') summary.note('encodage-non-conforme', declared.declared);

  // The head: everything before the first <DONNEE.
  let buf = first;
  let filled = first.length;
  let headEnd = findDonneeStart(buf, 0, filled);
  while (headEnd < 0 && filled < source.size && filled < MAX_HEAD_BYTES) {
    const bigger = Buffer.allocUnsafe(Math.min(source.size, filled * 4, MAX_HEAD_BYTES));
    buf.copy(bigger, 0, 0, filled);
    const searched = filled;
    filled += await readFully(source, bigger, filled, bigger.length - filled, filled);
    buf = bigger;
    headEnd = findDonneeStart(buf, Math.max(0, searched - 8), filled);
  }
  // White space before the XML declaration is not well-formed, but harmless: skipped.
  let headStart = bom ? 3 : 0;
  while (isWsByte(buf[headStart]) && headStart < filled) headStart++;
  const headBytes = buf.subarray(headStart, headEnd < 0 ? filled : headEnd);
  const decodedHead = decodeChunk(headBytes, encoding);
  if (decodedHead.fellBack) summary.note('encodage-non-conforme', null);
  const head = parseHead(decodedHead.text, headEnd < 0 && filled >= source.size);
  if (headEnd < 0) {
    const where = filled >= source.size ? '' : ` dans les ${MAX_HEAD_BYTES >> 20} premiers Mo`;
    throw new FileRejectedError('fichier-vide', `Fichier XML sans aucun enregistrement <DONNEE>${where}.`);
  }
  if (!head.introFound) summary.note('intro-absente', null);

  const description: FileDescription = Object.freeze({
    format: 'xml',
    encoding: fileEncoding,
    delimiter: null,
    datexport: head.datexport,
    versionxsd: head.versionxsd,
    notes: summary.notes,
  });

  const bodyStart = headEnd;
  const initial = Buffer.from(buf.subarray(headEnd, filled));
  const initialEnd = filled;
  let consumed = false;

  async function* batches(): AsyncGenerator<RecordBatch> {
    if (consumed) throw new Error('batches() can be iterated only once');
    consumed = true;
    const small = source.size - bodyStart <= 2 * options.chunkBytes;
    const parser = chunkParser(small ? 1 : options.workers);
    const maxInFlight = small ? 1 : 2 * Math.max(1, options.workers);
    const inFlight: { promise: Promise<ChunkOutcome>; start: number }[] = [];
    let carry: Buffer = initial;
    let carryStart = bodyStart;
    let readPos = initialEnd;
    let eof = false;
    let seq = 0;

    const nextTask = async (): Promise<void> => {
      for (;;) {
        const chunk = Buffer.allocUnsafeSlow(carry.length + options.chunkBytes);
        carry.copy(chunk, 0);
        const n = await readFully(source, chunk, carry.length, options.chunkBytes, readPos);
        readPos += n;
        const len = carry.length + n;
        eof = n < options.chunkBytes;
        let cut = len;
        if (!eof) {
          cut = findLastDonneeEnd(chunk, len);
          if (cut < 0) {
            if (len > MAX_RECORD_BYTES) {
              throw new FileRejectedError(
                'xml-mal-forme',
                `Fichier XML mal formé : aucune balise </DONNEE> sur ${len >> 20} Mo à partir de l'octet ${carryStart}.`,
              );
            }
            carry = chunk.subarray(0, len);
            continue;
          }
        }
        carry = Buffer.from(chunk.subarray(cut, len));
        const task = { seq: seq++, bytes: chunk.subarray(0, cut), encoding, final: eof, root: head.root };
        const promise = parser.parse(task);
        promise.catch(() => undefined);
        inFlight.push({ promise, start: carryStart });
        carryStart += cut;
        return;
      }
    };

    let nextRecordNo = 1;
    try {
      while (!eof || inFlight.length > 0) {
        while (!eof && inFlight.length < maxInFlight) await nextTask();
        const { promise, start } = inFlight.shift()!;
        const out = await promise;
        if (out.error) {
          const at = start + out.error.byteOffset;
          const line = await lineAt(source, at);
          const recordNo = nextRecordNo + out.error.recordIndex;
          throw new FileRejectedError(
            out.error.rule,
            `Fichier XML mal formé, ligne ${line} (octet ${at}), enregistrement n°${recordNo} : ${out.error.message}.`,
          );
        }
        summary.see(out.seen);
        for (const name of out.unexpected) summary.unexpectedName(name);
        for (const n of out.notes) summary.note(n.rule, n.value);
        for (let i = 0; i < out.records.length; i += options.batchSize) {
          const records = out.records.slice(i, i + options.batchSize);
          const batch: RecordBatch = { firstRecordNo: nextRecordNo, records };
          nextRecordNo += records.length;
          summary.nRecords += records.length;
          yield batch;
        }
      }
      if (summary.nRecords === 0)
        throw new FileRejectedError('fichier-vide', 'Fichier XML sans aucun enregistrement <DONNEE>.');
      summary.finish();
    } finally {
      await parser.close();
      await source.handle.close().catch(() => undefined);
    }
  }

  return {
    description,
    batches,
    summary: () => summary.summary(),
  };
}
