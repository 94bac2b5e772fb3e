/**
 * Parsing of décret dates (`AAAA-MM-JJ`) and year-months (`AAAA-MM`) without regular
 * expressions on the common path. Unknown parts follow domain.md §2: `99` day → precision month
 * (imputed 15th), `99` month → precision year (imputed 1 July), `9999-99-99`/`0000-00-00` → unknown.
 */
import type { DatePrecision } from '../dictionary/index.js';

export const MIN_YEAR = 1920;
export const MAX_YEAR = 2100;

export type DateParse =
  | {
      readonly ok: true;
      readonly date: string | null;
      readonly precision: DatePrecision;
      readonly converted: boolean;
    }
  | { readonly ok: false };

const INVALID: DateParse = Object.freeze({ ok: false });
const UNKNOWN: DateParse = Object.freeze({ ok: true, date: null, precision: 'unknown', converted: false });
const UNKNOWN_CONVERTED: DateParse = Object.freeze({
  ok: true,
  date: null,
  precision: 'unknown',
  converted: true,
});

/** Integer value of `s[from, from+len)` when every character is a digit, else -1. */
export function digits(s: string, from: number, len: number): number {
  let n = 0;
  for (let i = from; i < from + len; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

/** Builds the result from numeric parts (day -1 for a year-month). */
function fromParts(y: number, m: number, d: number, converted: boolean): DateParse {
  if (y < 0 || m < 0) return INVALID;
  if (y === 9999)
    return m === 99 && (d === 99 || d === -1) ? (converted ? UNKNOWN_CONVERTED : UNKNOWN) : INVALID;
  if (y === 0) return m === 0 && (d === 0 || d === -1) ? (converted ? UNKNOWN_CONVERTED : UNKNOWN) : INVALID;
  if (y < MIN_YEAR || y > MAX_YEAR) return INVALID;
  if (m === 99) {
    if (d !== 99 && d !== -1) return INVALID;
    return { ok: true, date: `${y}-07-01`, precision: 'year', converted };
  }
  if (m < 1 || m > 12) return INVALID;
  if (d === 99 || d === -1) return { ok: true, date: `${y}-${pad2(m)}-15`, precision: 'month', converted };
  if (d < 1 || d > daysInMonth(y, m)) return INVALID;
  return { ok: true, date: `${y}-${pad2(m)}-${pad2(d)}`, precision: 'day', converted };
}

const SLASH = 47;
const DASH = 45;

/** A full date in any accepted writing: `AAAA-MM-JJ`, `JJ/MM/AAAA`, `JJ-MM-AAAA`, `AAAA/MM/JJ`, `AAAAMMJJ`. */
function parseFullDate(raw: string, converted: boolean): DateParse {
  if (raw.length === 10) {
    const c4 = raw.charCodeAt(4);
    const c7 = raw.charCodeAt(7);
    if ((c4 === DASH && c7 === DASH) || (c4 === SLASH && c7 === SLASH)) {
      return fromParts(digits(raw, 0, 4), digits(raw, 5, 2), digits(raw, 8, 2), converted || c4 === SLASH);
    }
    const c2 = raw.charCodeAt(2);
    const c5 = raw.charCodeAt(5);
    if ((c2 === SLASH && c5 === SLASH) || (c2 === DASH && c5 === DASH)) {
      return fromParts(digits(raw, 6, 4), digits(raw, 3, 2), digits(raw, 0, 2), true);
    }
    return INVALID;
  }
  if (raw.length === 8) return fromParts(digits(raw, 0, 4), digits(raw, 4, 2), digits(raw, 6, 2), true);
  // A timestamp written by some software: `AAAA-MM-JJTHH:MM:SS` or `AAAA-MM-JJ HH:MM…`.
  if (raw.length > 10 && (raw[10] === 'T' || raw[10] === ' ')) return parseFullDate(raw.slice(0, 10), true);
  return INVALID;
}

export function parseDate(raw: string): DateParse {
  return parseFullDate(raw, false);
}

/** A year-month `AAAA-MM`; also `MM/AAAA` and full dates (truncated to the month), reported as converted. */
export function parseYearMonth(raw: string): DateParse {
  if (raw.length === 7) {
    const c4 = raw.charCodeAt(4);
    if (c4 === DASH || c4 === SLASH) return fromParts(digits(raw, 0, 4), digits(raw, 5, 2), -1, c4 === SLASH);
    const c2 = raw.charCodeAt(2);
    if (c2 === SLASH || c2 === DASH) return fromParts(digits(raw, 3, 4), digits(raw, 0, 2), -1, true);
    return INVALID;
  }
  if (raw.length === 6) return fromParts(digits(raw, 0, 4), digits(raw, 4, 2), -1, true);
  const full = parseFullDate(raw, true);
  if (!full.ok || full.date === null) return full;
  if (full.precision === 'day') return { ...full, date: `${full.date.slice(0, 8)}15`, precision: 'month' };
  return full;
}

/** Outcome of `writeDate`: the value was invalid, written as is, or written after a conversion. */
export const DateWrite = Object.freeze({ Invalid: -1, Written: 0, Converted: 1 } as const);
export type DateWrite = (typeof DateWrite)[keyof typeof DateWrite];

/**
 * Fast path of the typer: writes the date and its precision at `out[pos]`, `out[pos + 1]`
 * without allocating a result object for a well-formed `AAAA-MM-JJ` (or `AAAA-MM`).
 */
export function writeDate(raw: string, yearMonth: boolean, out: (string | null)[], pos: number): DateWrite {
  const expected = yearMonth ? 7 : 10;
  if (raw.length === expected && raw.charCodeAt(4) === DASH && (yearMonth || raw.charCodeAt(7) === DASH)) {
    const y = digits(raw, 0, 4);
    const m = digits(raw, 5, 2);
    const d = yearMonth ? -1 : digits(raw, 8, 2);
    if (y >= MIN_YEAR && y <= MAX_YEAR && m >= 1 && m <= 12) {
      if (d === -1 || d === 99) {
        out[pos] = `${raw.slice(0, 7)}-15`;
        out[pos + 1] = 'month';
        return DateWrite.Written;
      }
      if (d >= 1 && d <= daysInMonth(y, m)) {
        out[pos] = raw;
        out[pos + 1] = 'day';
        return DateWrite.Written;
      }
    }
  }
  const p = yearMonth ? parseYearMonth(raw) : parseDate(raw);
  if (!p.ok) return DateWrite.Invalid;
  out[pos] = p.date;
  out[pos + 1] = p.precision;
  return p.converted ? DateWrite.Converted : DateWrite.Written;
}
