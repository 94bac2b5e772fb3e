/**
 * Writing a yearly file to disk as a stream: XML (`<DECRET><INTRO>…</INTRO><DONNEE>…`) or delimited
 * text, in the encodings of domain §1.
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import { utimes } from 'node:fs/promises';
import { VARIABLES } from '../dictionary/index.js';

export type SynthFormat = 'xml' | 'csv';
export type SynthEncoding = 'utf-8' | 'utf-8-bom' | 'iso-8859-1' | 'windows-1252';

export interface FileStyle {
  readonly format: SynthFormat;
  readonly encoding: SynthEncoding;
  readonly delimiter: ';' | ',' | '\t';
  readonly lineEnd: '\n' | '\r\n';
}

export const DEFAULT_STYLE: Readonly<Record<SynthFormat, FileStyle>> = {
  xml: { format: 'xml', encoding: 'utf-8', delimiter: ';', lineEnd: '\r\n' },
  csv: { format: 'csv', encoding: 'utf-8', delimiter: ';', lineEnd: '\r\n' },
};

/** XML elements in the alphabetical order of the XSD; CSV columns in décret order. */
const XML_ORDER = VARIABLES.map((v, i) => [v.name, i] as const).sort((a, b) => (a[0] < b[0] ? -1 : 1));

const SPECIAL = /[&<>]/;
const escapeXml = (s: string): string =>
  SPECIAL.test(s) ? s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;') : s;

function xmlRecord(values: readonly (string | null)[], nl: string): string {
  let out = `<DONNEE>${nl}`;
  for (const [name, i] of XML_ORDER) {
    const v = values[i];
    if (v !== null && v !== undefined) out += `  <${name}>${escapeXml(v)}</${name}>${nl}`;
  }
  return `${out}</DONNEE>${nl}`;
}

function csvField(value: string | null | undefined, delimiter: string): string {
  if (value === null || value === undefined) return '';
  return value.includes(delimiter) || value.includes('"') || value.includes('\n')
    ? `"${value.replace(/"/g, '""')}"`
    : value;
}

function csvRecord(values: readonly (string | null)[], style: FileStyle): string {
  return values.map((v) => csvField(v, style.delimiter)).join(style.delimiter) + style.lineEnd;
}

function encode(text: string, encoding: SynthEncoding): Buffer {
  return encoding === 'iso-8859-1' || encoding === 'windows-1252'
    ? Buffer.from(text, 'latin1')
    : Buffer.from(text, 'utf8');
}

function write(stream: WriteStream, chunk: Buffer): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (e: Error): void => reject(e);
    stream.once('error', onError);
    const ok = stream.write(chunk, () => undefined);
    const done = (): void => {
      stream.off('error', onError);
      resolve();
    };
    if (ok) done();
    else stream.once('drain', done);
  });
}

function header(style: FileStyle, datexport: string): string {
  const nl = style.lineEnd;
  if (style.format === 'xml') {
    const declared =
      style.encoding === 'iso-8859-1' || style.encoding === 'windows-1252' ? 'ISO-8859-1' : 'UTF-8';
    return `<?xml version="1.0" encoding="${declared}"?>${nl}<DECRET>${nl}<INTRO><VERSIONXSD>2.0</VERSIONXSD><DATEXPORT>${datexport}</DATEXPORT></INTRO>${nl}`;
  }
  const bom = style.encoding === 'utf-8-bom' ? '\ufeff' : '';
  return bom + VARIABLES.map((v) => v.name).join(style.delimiter) + nl;
}

/** Streams the records to `path`; the file's modification time is set to its export date. */
export async function writeYearFile(
  path: string,
  style: FileStyle,
  datexport: string,
  records: Iterable<readonly (string | null)[]>,
): Promise<number> {
  const stream = createWriteStream(path);
  const done = new Promise<void>((resolve, reject) => {
    stream.once('finish', resolve);
    stream.once('error', reject);
  });
  let chunk = header(style, datexport);
  let n = 0;
  for (const values of records) {
    chunk += style.format === 'xml' ? xmlRecord(values, style.lineEnd) : csvRecord(values, style);
    n++;
    if (chunk.length > 256 * 1024) {
      await write(stream, encode(chunk, style.encoding));
      chunk = '';
    }
  }
  if (style.format === 'xml') chunk += `</DECRET>${style.lineEnd}`;
  await write(stream, encode(chunk, style.encoding));
  stream.end();
  await done;
  const when = new Date(`${datexport}T12:00:00Z`);
  await utimes(path, when, when);
  return n;
}
