/**
 * Byte → text decoding for the readers: UTF-8 when valid, else Windows-1252 (the superset of
 * ISO-8859-1 that the départements' software actually writes: €, œ, curly quotes…).
 */
import { isAscii, isUtf8 } from 'node:buffer';

/** How a chunk of bytes is decoded. ISO-8859-1 is read as Windows-1252 (as the WHATWG does). */
export type TextEncoding = 'utf-8' | 'windows-1252';

/** Windows-1252 characters of bytes 0x80…0x9F (unassigned bytes keep their C1 control). */
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8d,
  0x017d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a,
  0x0153, 0x9d, 0x017e, 0x0178,
].map((c) => String.fromCharCode(c));

const C1 = /[\u0080-\u009f]/g;
const utf8 = new TextDecoder('utf-8', { ignoreBOM: true });

/** Windows-1252 decoding: Latin-1 (fast, native) then the 32 characters of 0x80…0x9F fixed. */
export function decodeWindows1252(bytes: Uint8Array): string {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  C1.lastIndex = 0;
  return C1.test(text) ? text.replace(C1, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80] ?? c) : text;
}

/**
 * UTF-8 where the bytes are valid UTF-8, Windows-1252 byte by byte where they are not: a file
 * whose software wrote some records in Latin-1 keeps the accents of all its records.
 */
export function decodeUtf8OrWindows1252(bytes: Uint8Array): string {
  const parts: string[] = [];
  let run = 0;
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    const len = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (len > 0 && i + len <= bytes.length && isUtf8(bytes.subarray(i, i + len))) {
      i += len;
      continue;
    }
    parts.push(utf8.decode(bytes.subarray(run, i)), decodeWindows1252(bytes.subarray(i, i + 1)));
    run = ++i;
  }
  parts.push(utf8.decode(bytes.subarray(run)));
  return parts.join('');
}

/**
 * Decodes a chunk cut on an ASCII boundary. In a chunk of a UTF-8 file that is not valid UTF-8,
 * the invalid bytes are read as Windows-1252, and the chunk reported (`fellBack`).
 */
export function decodeChunk(bytes: Uint8Array, encoding: TextEncoding): { text: string; fellBack: boolean } {
  if (isAscii(bytes)) {
    return {
      text: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1'),
      fellBack: false,
    };
  }
  if (encoding === 'windows-1252') return { text: decodeWindows1252(bytes), fellBack: false };
  if (isUtf8(bytes)) return { text: utf8.decode(bytes), fellBack: false };
  return { text: decodeUtf8OrWindows1252(bytes), fellBack: true };
}

/**
 * Byte length of the first `chars` characters of a chunk's text (for error positions); a few
 * bytes too many in a chunk with invalid UTF-8 (each byte read as Windows-1252 counted as UTF-8).
 */
export function byteOffsetOf(text: string, chars: number, encoding: TextEncoding): number {
  return encoding === 'utf-8' ? Buffer.byteLength(text.slice(0, chars), 'utf8') : chars;
}

export const UTF8_BOM = [0xef, 0xbb, 0xbf] as const;

export function hasUtf8Bom(bytes: Uint8Array): boolean {
  return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
}

/** UTF-16/32 by BOM or by the NUL bytes around the first ASCII characters. */
export function looksUtf16(bytes: Uint8Array): boolean {
  const [a, b] = [bytes[0], bytes[1]];
  if ((a === 0xff && b === 0xfe) || (a === 0xfe && b === 0xff)) return true;
  return (
    bytes.length >= 4 && ((a === 0 && b !== 0 && bytes[2] === 0) || (a !== 0 && b === 0 && bytes[3] === 0))
  );
}

/**
 * The encoding named in an XML declaration, mapped to how it is read; `undefined` when the name
 * is not supported (UTF-16, ISO-8859-15…). No declaration means UTF-8 (XML 1.0).
 */
export function xmlDeclaredEncoding(head: string): {
  declared: string | null;
  encoding: 'utf-8' | 'iso-8859-1' | 'windows-1252' | undefined;
} {
  const decl = /^\s*<\?xml\s[^?]*?encoding\s*=\s*["']([^"']*)["']/i.exec(head);
  if (!decl) return { declared: null, encoding: 'utf-8' };
  const declared = decl[1] ?? '';
  const name = declared.trim().toLowerCase().replace(/_/g, '-');
  if (['utf-8', 'utf8', 'us-ascii', 'ascii'].includes(name)) return { declared, encoding: 'utf-8' };
  if (['iso-8859-1', 'iso8859-1', 'latin1', 'latin-1', 'l1', 'iso-ir-100'].includes(name)) {
    return { declared, encoding: 'iso-8859-1' };
  }
  if (['windows-1252', 'cp1252', 'x-cp1252'].includes(name)) return { declared, encoding: 'windows-1252' };
  return { declared, encoding: undefined };
}

/**
 * A substring that does not keep its parent alive. V8 makes substrings of 13 characters or more
 * views into the parent: one NUMANONYM kept by a consumer would pin a whole 4 MiB chunk text. The
 * concatenation is flattened into a fresh string of the value's size by the `slice`.
 */
export function detach(value: string): string {
  return value.length < 13 ? value : (' ' + value).slice(1);
}

const emptyRecords = new Map<number, (string | null)[]>();

/** A fresh all-null record of `n` slots (copying a template is several times faster than `fill`). */
export function emptyRecord(n: number): (string | null)[] {
  let template = emptyRecords.get(n);
  if (!template) {
    template = new Array<string | null>(n).fill(null);
    emptyRecords.set(n, template);
  }
  return template.slice();
}

const PIECE = 1 << 19;

/**
 * The bytes as a Latin-1 string (one character per byte). Node returns strings of more than about
 * 1 MB as external strings, which the garbage collector frees late (RSS grew by 150 MB with
 * 4 MiB chunks): decoded by pieces and joined into one ordinary heap string instead.
 */
export function latin1String(bytes: Buffer): string {
  if (bytes.length <= PIECE) return bytes.toString('latin1');
  const parts: string[] = [];
  for (let i = 0; i < bytes.length; i += PIECE)
    parts.push(bytes.toString('latin1', i, Math.min(bytes.length, i + PIECE)));
  return parts.join('');
}
