/**
 * The delimited-text reader: header of variable names (any case), separator `;` `,` or tab
 * detected on the header line, UTF-8 (BOM or not) or Windows-1252, quoted fields (`DelimitedParser`,
 * streaming). Blocks are cut at a line feed so that each decodes on its own.
 */
import { isUtf8 } from 'node:buffer';
import { DelimitedParser, UnclosedQuoteError } from './delimited.js';
import { VARIABLES, VARIABLE_INDEX } from '../dictionary/index.js';
import { FileRejectedError } from '../errors.js';
import { decodeChunk, detach, emptyRecord, hasUtf8Bom, type TextEncoding } from './encoding.js';
import { readFully, type Source } from './source.js';
import { SummaryBuilder } from './summary.js';
import type { FileDescription, FileReader, RawRecord, RecordBatch } from './types.js';

export interface CsvReaderOptions {
  readonly batchSize: number;
  readonly chunkBytes: number;
}

type Delimiter = ';' | ',' | '\t';

/** The candidate that occurs most often outside quotes in the header line; `;` on a tie or none. */
export function detectDelimiter(headerLine: string): Delimiter {
  const counts: Record<Delimiter, number> = { ';': 0, '\t': 0, ',': 0 };
  let quoted = false;
  for (const ch of headerLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === ';' || ch === ',' || ch === '\t')) counts[ch]++;
  }
  let best: Delimiter = ';';
  for (const d of ['\t', ','] as const) if (counts[d] > counts[best]) best = d;
  return best;
}

/** Valid UTF-8 once an incomplete sequence at the very end (cut by the block) is set aside. */
function isUtf8Prefix(bytes: Uint8Array): boolean {
  const nl = bytes.lastIndexOf(10);
  return isUtf8(nl >= 0 && bytes.length > 4096 ? bytes.subarray(0, nl) : bytes);
}

export async function openCsvReader(
  source: Source,
  first: Buffer,
  options: CsvReaderOptions,
): Promise<FileReader> {
  const summary = new SummaryBuilder();
  const bom = hasUtf8Bom(first);
  const start = bom ? 3 : 0;
  const encoding: TextEncoding = bom || isUtf8Prefix(first.subarray(start)) ? 'utf-8' : 'windows-1252';
  if (bom && !isUtf8Prefix(first.subarray(start))) summary.note('encodage-non-conforme', null);
  const headerEnd = first.indexOf(10, start);
  if (headerEnd < 0 && source.size > first.length) {
    throw new FileRejectedError(
      'fichier-illisible',
      `Fichier texte sans fin de ligne dans les ${first.length} premiers octets : ni XML ni texte délimité lisible.`,
    );
  }
  const headerLine = decodeChunk(
    first.subarray(start, headerEnd < 0 ? first.length : headerEnd),
    encoding,
  ).text;
  const delimiter = detectDelimiter(headerLine);
  const header = new DelimitedParser(delimiter).push(headerLine, true)[0]?.fields;
  if (!header) throw new FileRejectedError('fichier-vide', 'Fichier texte vide : aucune ligne d’en-tête.');
  const columns = headerColumns(header, summary);
  const width = header.length;

  const description: FileDescription = Object.freeze({
    format: 'csv',
    encoding,
    delimiter,
    datexport: null,
    versionxsd: null,
    notes: summary.notes,
  });

  async function* texts(): AsyncGenerator<string> {
    let carry = Buffer.from(first.subarray(start));
    let pos = first.length;
    for (;;) {
      const block = Buffer.allocUnsafe(carry.length + options.chunkBytes);
      carry.copy(block, 0);
      const n = await readFully(source, block, carry.length, options.chunkBytes, pos);
      pos += n;
      const len = carry.length + n;
      const eof = n < options.chunkBytes;
      const cut = eof ? len : block.lastIndexOf(10, len - 1) + 1;
      if (cut === 0) {
        carry = block.subarray(0, len);
        continue;
      }
      const { text, fellBack } = decodeChunk(block.subarray(0, cut), encoding);
      if (fellBack) summary.note('encodage-non-conforme', null);
      yield text;
      if (eof) return;
      carry = Buffer.from(block.subarray(cut, len));
    }
  }

  let consumed = false;
  async function* batches(): AsyncGenerator<RecordBatch> {
    if (consumed) throw new Error('batches() can be iterated only once');
    consumed = true;
    const parser = new DelimitedParser(delimiter);
    let headerSkipped = false;
    let widthNoted = false;
    let batch: RawRecord[] = [];
    let nextRecordNo = 1;
    try {
      const blocks = texts();
      for (let next = await blocks.next(); ; next = await blocks.next()) {
        const rows = parser.push(next.done ? '' : next.value, next.done === true);
        for (const { fields } of rows) {
          if (!headerSkipped) {
            headerSkipped = true;
            continue;
          }
          const rec: RawRecord = emptyRecord(VARIABLES.length);
          let filled = false;
          for (let c = 0; c < fields.length; c++) {
            const idx = c < columns.length ? columns[c]! : -1;
            const value = fields[c]!.trim();
            if (value.length === 0) continue;
            filled = true;
            if (idx >= 0) rec[idx] = detach(value);
          }
          if (!filled) continue; // empty line, or separators only
          if (
            !widthNoted &&
            fields.length !== width &&
            !(fields.length > width && fields.slice(width).every((v) => v.trim() === ''))
          ) {
            // Once per file: the value is the number of the first record of the wrong width.
            summary.note('nombre-de-colonnes-incorrect', String(nextRecordNo + batch.length));
            widthNoted = true;
          }
          batch.push(rec);
          if (batch.length >= options.batchSize) {
            summary.nRecords += batch.length;
            yield { firstRecordNo: nextRecordNo, records: batch };
            nextRecordNo += batch.length;
            batch = [];
          }
        }
        if (next.done) break;
      }
      if (batch.length > 0) {
        summary.nRecords += batch.length;
        yield { firstRecordNo: nextRecordNo, records: batch };
      }
      if (summary.nRecords === 0) {
        throw new FileRejectedError(
          'fichier-vide',
          'Fichier texte sans aucun enregistrement après la ligne d’en-tête.',
        );
      }
      summary.finish();
    } catch (e) {
      if (e instanceof UnclosedQuoteError) {
        throw new FileRejectedError('fichier-illisible', `Fichier texte mal formé : ${e.message}.`, {
          cause: e,
        });
      }
      throw e;
    } finally {
      await source.handle.close().catch(() => undefined);
    }
  }

  return { description, batches, summary: () => summary.summary() };
}

/** Column → variable index (-1: ignored). Rejects a header without NUMANONYM. */
function headerColumns(header: string[], summary: SummaryBuilder): number[] {
  const used = new Set<number>();
  const columns = header.map((raw) => {
    const name = raw
      .trim()
      .replace(/^\uFEFF/, '')
      .toUpperCase();
    if (name === '') return -1;
    const idx = VARIABLE_INDEX.get(name);
    if (idx === undefined) {
      summary.unexpectedName(name);
      return -1;
    }
    if (used.has(idx)) {
      summary.note('variable-repetee', name);
      return -1;
    }
    used.add(idx);
    return idx;
  });
  summary.see(used);
  if (!VARIABLE_INDEX.has('NUMANONYM') || !used.has(VARIABLE_INDEX.get('NUMANONYM')!)) {
    throw new FileRejectedError(
      'numanonym-absent-du-fichier',
      'Colonne NUMANONYM absente de la ligne d’en-tête du fichier texte : aucun enregistrement ne peut être rattaché à un enfant.',
    );
  }
  return columns;
}
