/**
 * Parsing of one chunk of the XML body: a run of `DONNEE` elements (children of the root `DECRET`),
 * cut by the reader just after a `</DONNEE>`; the last chunk also holds `</DECRET>`.
 *
 * A specialised scanner reads the chunk byte for byte (Latin-1), handles the exchange format
 * (elements, empty elements, entities, CRLF), decodes only the values holding non-ASCII bytes,
 * and checks well-formedness (tag names match, nothing truncated, no forbidden character). On a
 * construct it does not handle (comment, CDATA, processing instruction, attributes, nested
 * element, text between elements) the whole chunk is parsed again with saxes, a conforming parser,
 * with the same result. Runs in a worker thread or in the calling thread.
 */
import { isAscii, isUtf8 } from 'node:buffer';
import { SaxesParser } from 'saxes';
import type { FileNote, RawRecord } from './types.js';
import {
  byteOffsetOf,
  decodeChunk,
  decodeUtf8OrWindows1252,
  decodeWindows1252,
  detach,
  emptyRecord,
  latin1String,
  type TextEncoding,
} from './encoding.js';

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

export interface ChunkOutcome extends ChunkFacts {
  readonly records: RawRecord[];
}

/** What parsing a chunk found besides its records. */
export interface ChunkFacts {
  readonly seq: number;
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
const NAME_TABLE_MASK = 1023;
const isWs = (c: number): boolean => c === 32 || c === 10 || c === 13 || c === 9;

const NAME = /^[A-Za-z_:\u00c0-\uffef][-A-Za-z0-9_:.\u00b7\u00c0-\uffef]*$/;

/**
 * Where the records of a chunk go: arrays (parsing in the calling thread) or a packed form
 * (in a worker: offsets into the chunk text, cheap to send back).
 */
export interface RecordSink {
  readonly nRecords: number;
  startRecord(): void;
  endRecord(): void;
  /** Whether the current record already holds a value for this variable. */
  has(idx: number): boolean;
  /** A value that is `text.slice(start, end)` of the chunk text. */
  setRange(idx: number, start: number, end: number): void;
  setString(idx: number, value: string): void;
}

export class ArraySink implements RecordSink {
  readonly records: RawRecord[] = [];
  private current: RawRecord = [];
  constructor(
    private readonly text: string,
    private readonly nVariables: number,
  ) {}
  get nRecords(): number {
    return this.records.length;
  }
  startRecord(): void {
    this.current = emptyRecord(this.nVariables);
  }
  endRecord(): void {
    this.records.push(this.current);
  }
  has(idx: number): boolean {
    return this.current[idx] !== null;
  }
  setRange(idx: number, start: number, end: number): void {
    this.current[idx] = detach(this.text.slice(start, end));
  }
  setString(idx: number, value: string): void {
    this.current[idx] = detach(value);
  }
}

/**
 * Records packed for a cheap copy between threads: the chunk text itself, a side string for the
 * values that differ from their source text (entities, CR LF), and in `meta` per record its number
 * of values then (variable index, start, length) triples; a negative start `-1 - k` points into `side`.
 */
export interface PackedRecords {
  readonly nRecords: number;
  readonly text: string;
  readonly side: string;
  readonly meta: Int32Array;
}

export class PackedSink implements RecordSink {
  nRecords = 0;
  private meta: Int32Array;
  private m = 0;
  private countAt = 0;
  private readonly side: string[] = [];
  private sideLength = 0;
  /** Stamp (record number + 1) of the variables set in the current record. */
  private readonly setStamp: Int32Array;

  constructor(
    private readonly text: string,
    nVariables: number,
  ) {
    this.meta = new Int32Array(Math.max(1024, text.length >> 3));
    this.setStamp = new Int32Array(nVariables);
  }
  private ensure(n: number): void {
    if (this.m + n <= this.meta.length) return;
    const bigger = new Int32Array(Math.max(this.meta.length * 2, this.m + n));
    bigger.set(this.meta.subarray(0, this.m));
    this.meta = bigger;
  }
  startRecord(): void {
    this.ensure(1);
    this.countAt = this.m++;
    this.meta[this.countAt] = 0;
  }
  endRecord(): void {
    this.nRecords++;
  }
  has(idx: number): boolean {
    return this.setStamp[idx] === this.nRecords + 1;
  }
  setRange(idx: number, start: number, end: number): void {
    this.push(idx, start, end - start);
  }
  setString(idx: number, value: string): void {
    this.side.push(value);
    this.push(idx, -1 - this.sideLength, value.length);
    this.sideLength += value.length;
  }
  private push(idx: number, start: number, length: number): void {
    this.ensure(3);
    this.setStamp[idx] = this.nRecords + 1;
    this.meta[this.m++] = idx;
    this.meta[this.m++] = start;
    this.meta[this.m++] = length;
    this.meta[this.countAt]!++;
  }
  packed(): PackedRecords {
    return {
      nRecords: this.nRecords,
      text: this.text,
      side: this.side.join(''),
      meta: this.meta.slice(0, this.m),
    };
  }
}

export function unpackRecords(packed: PackedRecords, nVariables: number): RawRecord[] {
  const { nRecords, text, side, meta } = packed;
  const records: RawRecord[] = new Array<RawRecord>(nRecords);
  let m = 0;
  for (let r = 0; r < nRecords; r++) {
    const rec: RawRecord = emptyRecord(nVariables);
    const count = meta[m++]!;
    for (let k = 0; k < count; k++) {
      const idx = meta[m++]!;
      const start = meta[m++]!;
      const len = meta[m++]!;
      rec[idx] = detach(
        start >= 0 ? text.slice(start, start + len) : side.slice(-1 - start, -1 - start + len),
      );
    }
    records[r] = rec;
  }
  return records;
}

/** What was seen in one chunk, and the records through a sink. */
class ChunkCollector {
  readonly seen: Uint8Array;
  readonly unexpected: string[] = [];
  readonly unexpectedSet = new Set<string>();
  readonly notes: FileNote[] = [];
  private readonly noteKeys = new Set<string>();
  /** Stamp (record count + 1) of the last record each variable was met in, to spot repeats. */
  private readonly stamp: Int32Array;
  inRecord = false;
  closed = false;
  /**
   * Decodes the bytes of a range of a text that is the chunk read byte for byte (Latin-1), for the
   * few values that hold non-ASCII bytes; null when the text is already decoded (saxes path).
   */
  decodeRange: ((start: number, end: number) => string) | null = null;

  constructor(
    readonly sink: RecordSink,
    readonly index: ReadonlyMap<string, number>,
    nVariables: number,
  ) {
    this.seen = new Uint8Array(nVariables);
    this.stamp = new Int32Array(nVariables);
  }

  startRecord(): void {
    this.sink.startRecord();
    this.inRecord = true;
  }

  endRecord(): void {
    this.sink.endRecord();
    this.inRecord = false;
  }

  note(rule: string, value: string | null): void {
    const key = `${rule}\u0000${value ?? ''}`;
    if (this.noteKeys.has(key)) return;
    this.noteKeys.add(key);
    this.notes.push({ rule, value });
  }

  /**
   * The variable index of an element of the current record, or -1 (not a dictionary variable).
   * A repeated element is noted; its first non-empty value is kept (`has`).
   */
  variable(name: string, at: number): number {
    return this.met(this.lookup(name, at));
  }

  /** Element names at each position of the previous record: the next one usually repeats them. */
  /** Open-addressing table of the element names met in the chunk (as written) and their index. */
  readonly names: (string | undefined)[] = new Array<string | undefined>(NAME_TABLE_MASK + 1);
  readonly nameIdx = new Int32Array(NAME_TABLE_MASK + 1);
  namesCount = 0;

  /** Index of a name (-1 when not a dictionary variable, recorded as unexpected). */
  lookup(written: string, at: number): number {
    let idx = this.index.get(written);
    if (idx === undefined) {
      // Dictionary names are ASCII: a name with other bytes is an unexpected one, decoded to report it.
      const name =
        this.decodeRange && /[\u0080-\u00ff]/.test(written)
          ? this.decodeRange(at + 1, at + 1 + written.length)
          : written;
      const upper = name.toUpperCase();
      idx = this.index.get(upper);
      if (idx === undefined) {
        if (!NAME.test(name)) throw new ScanError(`nom d'élément invalide <${name}>`, at);
        if (!this.unexpectedSet.has(upper)) {
          this.unexpectedSet.add(upper);
          this.unexpected.push(upper);
        }
        return -1;
      }
    }
    return idx;
  }

  /** Bookkeeping of a variable met in the current record. */
  met(idx: number): number {
    if (idx < 0) return idx;
    this.seen[idx] = 1;
    const stamp = this.sink.nRecords + 1;
    if (this.stamp[idx] === stamp) this.note('variable-repetee', this.variableName(idx));
    this.stamp[idx] = stamp;
    return idx;
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
      throw new ScanError(
        `référence d'entité invalide « ${shown} » (écrire &amp; pour le caractère &)`,
        at + amp,
      );
    }
    out += raw.slice(from, amp) + char;
    from = semi + 1;
  }
  return out + raw.slice(from);
}

/** Trims XML white space (space, tab, CR, LF) at both ends. */
export function trimXml(text: string): string {
  let a = 0;
  let b = text.length;
  while (a < b && isWs(text.charCodeAt(a))) a++;
  while (b > a && isWs(text.charCodeAt(b - 1))) b--;
  return a === 0 && b === text.length ? text : text.slice(a, b);
}

/** Stores the text `s[a, b)` of an element of the current record (entities resolved, trimmed). */
function storeText(s: string, a: number, b: number, idx: number, c: ChunkCollector): void {
  while (a < b && isWs(s.charCodeAt(a))) a++;
  while (b > a && isWs(s.charCodeAt(b - 1))) b--;
  let plain = true;
  let ascii = true;
  for (let k = a; k < b; k++) {
    const ch = s.charCodeAt(k);
    if (ch < 32 || ch === 38 || ch >= 0x7f) {
      if (ch === 38 || ch === 13) plain = false;
      else if (ch >= 0x80) ascii = false;
      else if (ch !== 9 && ch !== 10 && ch !== 0x7f) throw forbidden(ch, k);
    }
  }
  if (a === b || idx < 0 || c.sink.has(idx)) {
    if (!plain) decodeEntities(s.slice(a, b), a); // still checks the references
    return;
  }
  if (plain && (ascii || c.decodeRange === null)) {
    c.sink.setRange(idx, a, b);
    return;
  }
  let text = ascii || c.decodeRange === null ? s.slice(a, b) : c.decodeRange(a, b);
  if (text.indexOf('&') >= 0) text = trimXml(decodeEntities(text, a));
  if (text.indexOf('\r') >= 0) text = text.replace(/\r\n?/g, '\n');
  if (text.length > 0) c.sink.setString(idx, text);
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

/** `s.startsWith(word, at)` as an inlined loop: faster for the short names compared here. */
function matchAt(s: string, at: number, word: string): boolean {
  const len = word.length;
  if (at + len > s.length) return false;
  for (let k = 0; k < len; k++) if (s.charCodeAt(at + k) !== word.charCodeAt(k)) return false;
  return true;
}

function truncated(what: string, at: number): ScanError {
  return new ScanError(`${what} : le fichier est tronqué`, at);
}

/** One `<DONNEE>` content from `p` (just after the opening tag); returns the index after `</DONNEE>`. */
function scanRecord(s: string, p: number, donnee: string, start: number, c: ChunkCollector): number {
  const n = s.length;
  c.startRecord();
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
        throw new ScanError(
          `balise fermante </${name}> inattendue dans <${donnee}> (attendu </${donnee}>)`,
          p,
        );
      }
      c.endRecord();
      return gt + 1;
    }
    if (c1 === BANG || c1 === QMARK) throw UNSUPPORTED;
    // The name is hashed while scanning it, and found in the chunk's table of names already met
    // without cutting a substring (a string per element and its hashing cost more than the scan).
    let q = p + 1;
    let h = 0;
    for (; q < n; q++) {
      const ch = s.charCodeAt(q);
      if (ch === GT || ch === SLASH || isWs(ch)) break;
      h = (Math.imul(h, 31) + ch) | 0;
    }
    if (q >= n) throw truncated(`élément <${donnee}> non fermé`, start);
    if (q === p + 1) throw new ScanError('balise sans nom « < »', p);
    const names = c.names;
    let slot = h & NAME_TABLE_MASK;
    let name = names[slot];
    while (name !== undefined && !(name.length === q - p - 1 && matchAt(s, p + 1, name))) {
      slot = (slot + 1) & NAME_TABLE_MASK;
      name = names[slot];
    }
    let idx: number;
    if (name === undefined) {
      name = s.slice(p + 1, q);
      idx = c.lookup(name, p);
      if (c.namesCount < NAME_TABLE_MASK >> 1) {
        names[slot] = name;
        c.nameIdx[slot] = idx;
        c.namesCount++;
      }
    } else {
      idx = c.nameIdx[slot]!;
    }
    while (q < n && isWs(s.charCodeAt(q))) q++;
    const cq = s.charCodeAt(q);
    if (cq === SLASH) {
      if (s.charCodeAt(q + 1) !== GT) {
        if (q + 1 >= n) throw truncated(`élément <${donnee}> non fermé`, start);
        throw new ScanError(`balise <${name}> mal formée`, p);
      }
      c.met(idx);
      q += 2;
    } else if (cq === GT) {
      let lt = q + 1;
      while (lt < n && s.charCodeAt(lt) !== LT) lt++;
      if (lt >= n) throw truncated(`élément <${name}> non fermé`, p);
      if (s.charCodeAt(lt + 1) !== SLASH) throw UNSUPPORTED;
      if (!matchAt(s, lt + 2, name)) {
        throw new ScanError(`balise fermante </${closingNameAt(s, lt)}> au lieu de </${name}>`, lt);
      }
      let r = lt + 2 + name.length;
      while (r < n && isWs(s.charCodeAt(r))) r++;
      if (r >= n) throw truncated(`élément <${name}> non fermé`, p);
      if (s.charCodeAt(r) !== GT) {
        throw new ScanError(`balise fermante </${closingNameAt(s, lt)}> au lieu de </${name}>`, lt);
      }
      storeText(s, q + 1, lt, c.met(idx), c);
      q = r + 1;
    } else if (q >= n) {
      throw truncated(`élément <${donnee}> non fermé`, start);
    } else {
      throw UNSUPPORTED; // attributes
    }
    p = q;
  }
}

function forbidden(ch: number, at: number): ScanError {
  return new ScanError(`caractère interdit en XML (U+${ch.toString(16).toUpperCase().padStart(4, '0')})`, at);
}

/**
 * The fast scanner over the children of the root. Characters XML forbids are checked in the
 * values; anywhere else (between tags) any non-blank text sends the chunk to saxes, which checks them.
 */
function scanFast(s: string, task: ChunkTask, c: ChunkCollector): void {
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
      if (name !== task.root)
        throw new ScanError(`balise fermante </${name}> inattendue (attendu </${task.root}>)`, p);
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
  let varName: string | null = null;
  let varText = '';
  let varAt = 0;
  let closing = false;
  const offset = (): number => Math.max(0, parser.position - prefix.length);
  parser.on('error', (err) => {
    const message = err.message.replace(/^(?:[^:\n]*:)?\d+:\d+: /, '').replace(/\.$/, '');
    throw closing
      ? truncated(`XML incomplet (${message})`, s.length)
      : new ScanError(`XML mal formé : ${message}`, offset());
  });
  parser.on('opentag', (tag) => {
    depth++;
    if (depth === 2 && tag.name.toUpperCase() === 'DONNEE') {
      c.startRecord();
    } else if (depth === 3 && c.inRecord) {
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
    if (depth === 3 && varName !== null) {
      const idx = c.variable(varName, varAt);
      const value = trimXml(varText).replace(/\r\n?/g, '\n');
      if (idx >= 0 && value.length > 0 && !c.sink.has(idx)) c.sink.setString(idx, value);
      varName = null;
    } else if (depth === 2 && c.inRecord) {
      c.endRecord();
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

/**
 * Decodes and parses one chunk into a sink made for its text (`ArraySink` or `PackedSink`).
 * The fast scanner reads the chunk byte for byte (a Latin-1 string: offsets are byte offsets, and
 * no decoding of the whole chunk); only values holding non-ASCII bytes are decoded, from their
 * bytes. The saxes fallback reads the decoded chunk. Never throws for a broken chunk: it gives an
 * `error`.
 */
export function parseChunk<S extends RecordSink>(
  task: ChunkTask,
  index: ReadonlyMap<string, number>,
  nVariables: number,
  makeSink: (text: string) => S,
): ChunkFacts & { sink: S } {
  const bytes = Buffer.from(task.bytes.buffer, task.bytes.byteOffset, task.bytes.byteLength);
  const raw = latin1String(bytes);
  const ascii = isAscii(bytes);
  const invalidUtf8 = !ascii && task.encoding === 'utf-8' && !isUtf8(bytes);
  let c = new ChunkCollector(makeSink(raw), index, nVariables);
  if (!ascii) {
    const decode =
      task.encoding === 'windows-1252'
        ? decodeWindows1252
        : invalidUtf8
          ? decodeUtf8OrWindows1252
          : (b: Uint8Array) => b.toString();
    c.decodeRange = (start, end) => decode(bytes.subarray(start, end));
  }
  if (invalidUtf8) c.note('encodage-non-conforme', null);
  let error: ChunkError | null = null;
  let text = raw;
  try {
    try {
      scanFast(raw, task, c);
    } catch (e) {
      if (e !== UNSUPPORTED) throw e;
      text = decodeChunk(bytes, task.encoding).text;
      c = new ChunkCollector(makeSink(text), index, nVariables);
      if (invalidUtf8) c.note('encodage-non-conforme', null);
      scanWithSaxes(text, task, c);
    }
  } catch (e) {
    if (!(e instanceof ScanError)) throw e;
    error = {
      rule: 'xml-mal-forme',
      message: e.message,
      byteOffset: text === raw ? e.at : byteOffsetOf(text, e.at, task.encoding),
      recordIndex: c.sink.nRecords,
    };
  }
  return {
    seq: task.seq,
    sink: c.sink as S,
    seen: c.seenList(),
    unexpected: c.unexpected,
    notes: c.notes,
    error,
  };
}
