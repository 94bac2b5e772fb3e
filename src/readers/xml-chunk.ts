/**
 * Parsing of one chunk of the XML body: a run of `DONNEE` elements (children of the root `DECRET`),
 * cut by the reader just after a `</DONNEE>`; the last chunk also holds `</DECRET>`.
 *
 * A specialised scanner handles the exchange format (elements, empty elements, entities, CRLF)
 * and checks well-formedness (tag names match, nothing truncated, no forbidden character). On a
 * construct it does not handle (comment, CDATA, processing instruction, attributes, nested
 * element, text between elements) the whole chunk is parsed again with saxes, a conforming parser,
 * with the same result. Runs in a worker thread or in the calling thread.
 */
import { SaxesParser } from 'saxes';
import type { FileNote, RawRecord } from './types.js';
import { byteOffsetOf, decodeChunk, type TextEncoding } from './encoding.js';

export interface ChunkTask {
  readonly seq: number;
  readonly bytes: Uint8Array;
  readonly encoding: TextEncoding;
  /** The last chunk of the file: must close the root. */
  readonly final: boolean;
  /** Name of the root element as opened in the head (`DECRET`). */
  readonly root: string;
}

export interface ChunkError {
  readonly rule: string;
  readonly message: string;
  /** Byte offset of the problem in the chunk. */
  readonly byteOffset: number;
  /** 0-based index in the chunk of the record being read. */
  readonly recordIndex: number;
}

export interface ChunkOutcome {
  readonly seq: number;
  readonly records: RawRecord[];
  /** Indices of the dictionary variables met as elements (even empty). */
  readonly seen: number[];
  /** Upper-case names that are not dictionary variables, in order of first appearance. */
  readonly unexpected: string[];
  readonly notes: FileNote[];
  readonly error: ChunkError | null;
}

/** Thrown by the fast scanner on a construct it leaves to saxes. */
const UNSUPPORTED = Symbol('unsupported');

class ScanError extends Error {
  constructor(
    message: string,
    readonly at: number,
  ) {
    super(message);
  }
}

const LT = 60;
const GT = 62;
const SLASH = 47;
const BANG = 33;
const QMARK = 63;
const isWs = (c: number): boolean => c === 32 || c === 10 || c === 13 || c === 9;

/** Characters XML 1.0 forbids anywhere (also guarantees the packing separators never occur). */
const FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/;
const NAME = /^[A-Za-z_:\u00c0-\uffef][-A-Za-z0-9_:.\u00b7\u00c0-\uffef]*$/;

/** Collects the records and what was seen in one chunk. */
class ChunkCollector {
  records: RawRecord[] = [];
  readonly seen: Uint8Array;
  readonly unexpected: string[] = [];
  readonly unexpectedSet = new Set<string>();
  readonly notes: FileNote[] = [];
  private readonly noteKeys = new Set<string>();
  /** Stamp (record count + 1) of the last record each variable was met in, to spot repeats. */
  private readonly stamp: Int32Array;
  current: RawRecord | null = null;
  closed = false;

  constructor(
    readonly index: ReadonlyMap<string, number>,
    readonly nVariables: number,
  ) {
    this.seen = new Uint8Array(nVariables);
    this.stamp = new Int32Array(nVariables);
  }

  startRecord(): RawRecord {
    this.current = new Array<string | null>(this.nVariables).fill(null);
    return this.current;
  }

  endRecord(): void {
    if (this.current) this.records.push(this.current);
    this.current = null;
  }

  note(rule: string, value: string | null): void {
    const key = `${rule}\u0000${value ?? ''}`;
    if (this.noteKeys.has(key)) return;
    this.noteKeys.add(key);
    this.notes.push({ rule, value });
  }

  /** Stores one variable of the current record; the first non-empty value of a repeated element wins. */
  assign(rec: RawRecord, name: string, value: string | null, at: number): void {
    let idx = this.index.get(name);
    if (idx === undefined) {
      const upper = name.toUpperCase();
      idx = this.index.get(upper);
      if (idx === undefined) {
        if (!NAME.test(name)) throw new ScanError(`nom d'élément invalide <${name}>`, at);
        if (!this.unexpectedSet.has(upper)) {
          this.unexpectedSet.add(upper);
          this.unexpected.push(upper);
        }
        return;
      }
    }
    this.seen[idx] = 1;
    const stamp = this.records.length + 1;
    if (this.stamp[idx] === stamp) {
      this.note('variable-repetee', this.variableName(idx));
      if (rec[idx] === null) rec[idx] = value;
      return;
    }
    this.stamp[idx] = stamp;
    rec[idx] = value;
  }

  private variableName(idx: number): string {
    for (const [name, i] of this.index) if (i === idx) return name;
    return String(idx);
  }

  seenList(): number[] {
    const out: number[] = [];
    this.seen.forEach((v, i) => {
      if (v) out.push(i);
    });
    return out;
  }
}

const PREDEFINED: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function isXmlChar(cp: number): boolean {
  return (
    cp === 0x9 ||
    cp === 0xa ||
    cp === 0xd ||
    (cp >= 0x20 && cp <= 0xd7ff) ||
    (cp >= 0xe000 && cp <= 0xfffd) ||
    (cp >= 0x10000 && cp <= 0x10ffff)
  );
}

function decodeEntities(raw: string, at: number): string {
  let out = '';
  let from = 0;
  for (let amp = raw.indexOf('&'); amp >= 0; amp = raw.indexOf('&', from)) {
    const semi = raw.indexOf(';', amp);
    const ref = semi < 0 ? '' : raw.slice(amp + 1, semi);
    let char: string | undefined = PREDEFINED[ref];
    if (char === undefined && /^#[0-9]+$|^#x[0-9A-Fa-f]+$/.test(ref)) {
      const cp = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      if (isXmlChar(cp)) char = String.fromCodePoint(cp);
    }
    if (char === undefined) {
      const shown = raw.slice(amp, semi < 0 ? amp + 10 : semi + 1);
      throw new ScanError(`référence d'entité invalide « ${shown} » (écrire &amp; pour le caractère &)`, at + amp);
    }
    out += raw.slice(from, amp) + char;
    from = semi + 1;
  }
  return out + raw.slice(from);
}

/** Raw element text → trimmed value, null when empty. */
function cleanValue(raw: string, at: number): string | null {
  let text = raw.indexOf('&') >= 0 ? decodeEntities(raw, at) : raw;
  text = text.trim();
  if (text.length === 0) return null;
  return text.indexOf('\r') >= 0 ? text.replace(/\r\n?/g, '\n') : text;
}

function closingNameAt(s: string, lt: number): string {
  const gt = s.indexOf('>', lt);
  return s.slice(lt + 2, gt < 0 ? Math.min(s.length, lt + 40) : gt).trim();
}

/** Reads the `<NAME` of an opening tag at `p` (s[p] === '<'); returns the index after the name. */
function nameEnd(s: string, p: number): number {
  const n = s.length;
  let q = p + 1;
  while (q < n) {
    const c = s.charCodeAt(q);
    if (c === GT || c === SLASH || isWs(c)) break;
    q++;
  }
  return q;
}

function truncated(what: string, at: number): ScanError {
  return new ScanError(`${what} : le fichier est tronqué`, at);
}

/** One `<DONNEE>` content from `p` (just after the opening tag); returns the index after `</DONNEE>`. */
function scanRecord(s: string, p: number, donnee: string, start: number, c: ChunkCollector): number {
  const n = s.length;
  const rec = c.startRecord();
  for (;;) {
    while (p < n && isWs(s.charCodeAt(p))) p++;
    if (p >= n) throw truncated(`élément <${donnee}> non fermé`, start);
    if (s.charCodeAt(p) !== LT) throw UNSUPPORTED;
    const c1 = s.charCodeAt(p + 1);
    if (c1 === SLASH) {
      const gt = s.indexOf('>', p);
      if (gt < 0) throw truncated(`élément <${donnee}> non fermé`, start);
      const name = s.slice(p + 2, gt).trimEnd();
      if (name !== donnee) {
        throw new ScanError(`balise fermante </${name}> inattendue dans <${donnee}> (attendu </${donnee}>)`, p);
      }
      c.endRecord();
      return gt + 1;
    }
    if (c1 === BANG || c1 === QMARK) throw UNSUPPORTED;
    let q = nameEnd(s, p);
    if (q >= n) throw truncated(`élément <${donnee}> non fermé`, start);
    const name = s.slice(p + 1, q);
    if (name.length === 0) throw new ScanError('balise sans nom « < »', p);
    while (q < n && isWs(s.charCodeAt(q))) q++;
    const cq = s.charCodeAt(q);
    let value: string | null = null;
    if (cq === SLASH) {
      if (s.charCodeAt(q + 1) !== GT) {
        if (q + 1 >= n) throw truncated(`élément <${donnee}> non fermé`, start);
        throw new ScanError(`balise <${name}> mal formée`, p);
      }
      q += 2;
    } else if (cq === GT) {
      const lt = s.indexOf('<', q + 1);
      if (lt < 0) throw truncated(`élément <${name}> non fermé`, p);
      if (s.charCodeAt(lt + 1) !== SLASH) throw UNSUPPORTED;
      if (!s.startsWith(name, lt + 2)) {
        throw new ScanError(`balise fermante </${closingNameAt(s, lt)}> au lieu de </${name}>`, lt);
      }
      let r = lt + 2 + name.length;
      while (r < n && isWs(s.charCodeAt(r))) r++;
      if (r >= n) throw truncated(`élément <${name}> non fermé`, p);
      if (s.charCodeAt(r) !== GT) {
        throw new ScanError(`balise fermante </${closingNameAt(s, lt)}> au lieu de </${name}>`, lt);
      }
      value = cleanValue(s.slice(q + 1, lt), q + 1);
      q = r + 1;
    } else if (q >= n) {
      throw truncated(`élément <${donnee}> non fermé`, start);
    } else {
      throw UNSUPPORTED; // attributes
    }
    c.assign(rec, name, value, p);
    p = q;
  }
}

/** The fast scanner over the children of the root. */
function scanFast(s: string, task: ChunkTask, c: ChunkCollector): void {
  const bad = FORBIDDEN.exec(s);
  if (bad) {
    const code = bad[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
    throw new ScanError(`caractère interdit en XML (U+${code})`, bad.index);
  }
  const n = s.length;
  let p = 0;
  for (;;) {
    while (p < n && isWs(s.charCodeAt(p))) p++;
    if (p >= n) break;
    if (c.closed || s.charCodeAt(p) !== LT) throw UNSUPPORTED;
    const c1 = s.charCodeAt(p + 1);
    if (c1 === SLASH) {
      const name = closingNameAt(s, p);
      if (s.indexOf('>', p) < 0) throw truncated(`balise </${name}> incomplète`, p);
      if (name !== task.root) throw new ScanError(`balise fermante </${name}> inattendue (attendu </${task.root}>)`, p);
      c.closed = true;
      p = s.indexOf('>', p) + 1;
      continue;
    }
    if (c1 === BANG || c1 === QMARK) throw UNSUPPORTED;
    let q = nameEnd(s, p);
    if (q >= n) throw truncated('balise ouvrante incomplète', p);
    const name = s.slice(p + 1, q);
    if (name.toUpperCase() !== 'DONNEE') throw UNSUPPORTED;
    while (q < n && isWs(s.charCodeAt(q))) q++;
    if (s.charCodeAt(q) === SLASH && s.charCodeAt(q + 1) === GT) {
      c.startRecord();
      c.endRecord();
      p = q + 2;
    } else if (s.charCodeAt(q) === GT) {
      p = scanRecord(s, q + 1, name, p, c);
    } else if (q >= n || q + 1 >= n) {
      throw truncated(`élément <${name}> non fermé`, p);
    } else {
      throw UNSUPPORTED;
    }
  }
  if (task.final && !c.closed) throw truncated(`balise </${task.root}> absente`, n);
}

/** The same reading through saxes, for chunks holding constructs the fast scanner leaves aside. */
function scanWithSaxes(s: string, task: ChunkTask, c: ChunkCollector): void {
  const prefix = `<${task.root}>`;
  const parser = new SaxesParser({ position: true });
  let depth = 0;
  let inRecord = false;
  let varName: string | null = null;
  let varText = '';
  let varAt = 0;
  let closing = false;
  const offset = (): number => Math.max(0, parser.position - prefix.length);
  parser.on('error', (err) => {
    const message = err.message.replace(/^(?:[^:\n]*:)?\d+:\d+: /, '');
    throw closing ? truncated(`XML incomplet (${message})`, s.length) : new ScanError(`XML mal formé : ${message}`, offset());
  });
  parser.on('opentag', (tag) => {
    depth++;
    if (depth === 2 && tag.name.toUpperCase() === 'DONNEE') {
      inRecord = true;
      c.startRecord();
    } else if (depth === 3 && inRecord) {
      varName = tag.name;
      varText = '';
      varAt = offset();
    }
  });
  const onText = (text: string): void => {
    if (varName !== null) varText += text;
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  parser.on('closetag', () => {
    if (depth === 3 && varName !== null && c.current) {
      const value = varText.trim();
      c.assign(c.current, varName, value.length > 0 ? value : null, varAt);
      varName = null;
    } else if (depth === 2 && inRecord) {
      c.endRecord();
      inRecord = false;
    } else if (depth === 1) {
      c.closed = true;
    }
    depth--;
  });
  parser.write(prefix);
  parser.write(s);
  if (!task.final) parser.write(`</${task.root}>`);
  closing = true;
  parser.close();
}

/** Decodes and parses one chunk. Never throws: a broken chunk gives an `error`. */
export function parseChunk(task: ChunkTask, index: ReadonlyMap<string, number>, nVariables: number): ChunkOutcome {
  const { text, fellBack } = decodeChunk(task.bytes, task.encoding);
  let c = new ChunkCollector(index, nVariables);
  if (fellBack) c.note('encodage-non-conforme', null);
  let error: ChunkError | null = null;
  try {
    try {
      scanFast(text, task, c);
    } catch (e) {
      if (e !== UNSUPPORTED) throw e;
      c = new ChunkCollector(index, nVariables);
      if (fellBack) c.note('encodage-non-conforme', null);
      scanWithSaxes(text, task, c);
    }
  } catch (e) {
    if (!(e instanceof ScanError)) throw e;
    error = {
      rule: 'xml-mal-forme',
      message: e.message,
      byteOffset: byteOffsetOf(text, e.at, task.encoding, fellBack),
      recordIndex: c.records.length,
    };
  }
  return { seq: task.seq, records: c.records, seen: c.seenList(), unexpected: c.unexpected, notes: c.notes, error };
}

/** Record fields joined by U+0001, records one after the other (no XML text can hold U+0001). */
export function packRecords(records: readonly RawRecord[]): string {
  return records.map((r) => r.join('\u0001')).join('\u0001');
}

export function unpackRecords(packed: string, nRecords: number, nVariables: number): RawRecord[] {
  if (nRecords === 0) return [];
  const fields = packed.split('\u0001');
  const records: RawRecord[] = new Array<RawRecord>(nRecords);
  for (let r = 0, f = 0; r < nRecords; r++) {
    const rec: RawRecord = new Array<string | null>(nVariables);
    for (let i = 0; i < nVariables; i++, f++) {
      const v = fields[f];
      rec[i] = v === '' || v === undefined ? null : v;
    }
    records[r] = rec;
  }
  return records;
}
