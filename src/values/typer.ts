/**
 * Typing of one raw record (domain.md §2, §3): each raw value becomes the normalised text of its
 * typed column(s), driven only by the dictionary. The per-variable functions are built once.
 */
import { VARIABLES, type Variable } from '../dictionary/index.js';
import { VARIABLE_COLUMNS } from '../dictionary/columns.js';
import type { RawRecord } from '../readers/types.js';
import { DateWrite, digits, MAX_YEAR, MIN_YEAR, writeDate } from './dates.js';
import { describeTransitional, isUsableTransitional } from './pseudonymise.js';
import type { Pseudonymiser, TypedRecord, ValueFinding } from './types.js';

/** Types one value: writes its column(s) at `pos` (and `pos + 1` for a precision) and may push findings. */
type ValueTyper = (raw: string, out: (string | null)[], pos: number, findings: ValueFinding[]) => void;

const NO_FINDINGS: readonly ValueFinding[] = Object.freeze([]);

function codeTyper(v: Variable): ValueTyper {
  const name = v.name;
  const accepted = v.codeSet;
  const isNumdep = name === 'NUMDEP';
  return (raw, out, pos, findings) => {
    if (accepted.has(raw)) {
      out[pos] = raw;
      return;
    }
    const upper = raw.toUpperCase();
    const stripped = upper.length > 1 ? upper.replace(/^0+(?=.)/, '') : upper;
    if (accepted.has(stripped)) {
      out[pos] = stripped;
      findings.push({ rule: 'code-normalise', variable: name, value: raw });
      return;
    }
    if (isNumdep && stripped.length === 1 && accepted.has(`0${stripped}`)) {
      out[pos] = `0${stripped}`;
      findings.push({ rule: 'numdep-format-non-conforme', variable: name, value: raw });
      return;
    }
    findings.push({ rule: 'code-invalide', variable: name, value: raw });
  };
}

function dateTyper(v: Variable, yearMonth: boolean): ValueTyper {
  const name = v.name;
  return (raw, out, pos, findings) => {
    const outcome = writeDate(raw, yearMonth, out, pos);
    if (outcome === DateWrite.Invalid) findings.push({ rule: 'date-invalide', variable: name, value: raw });
    else if (outcome === DateWrite.Converted)
      findings.push({ rule: 'date-format-converti', variable: name, value: raw });
  };
}

function yearTyper(v: Variable): ValueTyper {
  const name = v.name;
  return (raw, out, pos, findings) => {
    const y = raw.length === 4 ? digits(raw, 0, 4) : -1;
    if (y === 9999 || (y >= MIN_YEAR && y <= MAX_YEAR)) out[pos] = String(y);
    else findings.push({ rule: 'annee-invalide', variable: name, value: raw });
  };
}

function monthTyper(v: Variable): ValueTyper {
  const name = v.name;
  return (raw, out, pos, findings) => {
    const m = raw.length === 1 || raw.length === 2 ? digits(raw, 0, raw.length) : -1;
    if (m === 99 || (m >= 1 && m <= 12)) out[pos] = String(m);
    else findings.push({ rule: 'mois-invalide', variable: name, value: raw });
  };
}

function countTyper(v: Variable): ValueTyper {
  const name = v.name;
  return (raw, out, pos, findings) => {
    const n = raw.length >= 1 && raw.length <= 3 ? digits(raw, 0, raw.length) : -1;
    if (n >= 0 && n <= 99) out[pos] = String(n);
    else findings.push({ rule: 'nombre-invalide', variable: name, value: raw });
  };
}

const textTyper: ValueTyper = (raw, out, pos) => {
  out[pos] = raw;
};

function typerOf(v: Variable): ValueTyper | null {
  switch (v.kind) {
    case 'code':
      return codeTyper(v);
    case 'date':
      return dateTyper(v, false);
    case 'yearmonth':
      return dateTyper(v, true);
    case 'year':
      return yearTyper(v);
    case 'month':
      return monthTyper(v);
    case 'count':
      return countTyper(v);
    case 'text':
      return textTyper;
    case 'id':
      return null; // NUMANONYM / NUMANONYMANT: handled apart (pseudonymisation).
  }
}

interface Slot {
  /** Index of the raw value in a RawRecord (= index in VARIABLES). */
  readonly rawIndex: number;
  /** Index of the variable's (first) column in VARIABLE_COLUMNS. */
  readonly pos: number;
  readonly type: ValueTyper;
}

function columnPosition(name: string): number {
  const pos = VARIABLE_COLUMNS.findIndex((c) => c.name === name && !c.isPrecision);
  if (pos < 0) throw new Error(`no column for ${name}`);
  return pos;
}

const NUMANONYM_RAW = VARIABLES.findIndex((v) => v.name === 'NUMANONYM');
const NUMANONYMANT_RAW = VARIABLES.findIndex((v) => v.name === 'NUMANONYMANT');
const TYPEV_RAW = VARIABLES.findIndex((v) => v.name === 'TYPEV');
const NUMANONYM_POS = columnPosition('numanonym');
const NUMANONYMANT_POS = columnPosition('numanonymant');
const TYPEV_POS = columnPosition('typev');
const N_COLUMNS = VARIABLE_COLUMNS.length;

const SLOTS: readonly Slot[] = VARIABLES.flatMap((v, rawIndex) => {
  const type = typerOf(v);
  if (type === null || v.name === 'TYPEV') return [];
  return [{ rawIndex, pos: columnPosition(v.column), type }];
});

const TYPEV_CODES = new Set(VARIABLES[TYPEV_RAW]?.codes.map((c) => c.code) ?? []);

/** TYPEV: `1`, `2`, `3` (also `01`…); absent or anything else rejects the record. */
function typeTypev(
  raw: string | null | undefined,
  out: (string | null)[],
  findings: ValueFinding[],
): boolean {
  if (raw === null || raw === undefined) {
    findings.push({ rule: 'typev-absent', variable: 'TYPEV', value: null });
    return false;
  }
  if (TYPEV_CODES.has(raw)) {
    out[TYPEV_POS] = raw;
    return true;
  }
  const stripped = raw.replace(/^0+(?=.)/, '');
  if (TYPEV_CODES.has(stripped)) {
    out[TYPEV_POS] = stripped;
    findings.push({ rule: 'code-normalise', variable: 'TYPEV', value: raw });
    return true;
  }
  findings.push({ rule: 'typev-invalide', variable: 'TYPEV', value: raw });
  return false;
}

/**
 * Returns the function typing one raw record. NUMANONYM and NUMANONYMANT leave it as definitive
 * numbers only; a finding about them never carries the number (a description instead).
 */
export function createRecordTyper(pseudonymise: Pseudonymiser): (raw: RawRecord) => TypedRecord {
  return (raw) => {
    const out: (string | null)[] = new Array<string | null>(N_COLUMNS).fill(null);
    const findings: ValueFinding[] = [];
    let rejected = false;

    const num = raw[NUMANONYM_RAW];
    let definitive: string | null = null;
    if (isUsableTransitional(num)) {
      definitive = pseudonymise(num);
      out[NUMANONYM_POS] = definitive;
    } else {
      rejected = true;
      findings.push({
        rule: 'numanonym-inutilisable',
        variable: 'NUMANONYM',
        value: describeTransitional(num),
      });
    }
    const ant = raw[NUMANONYMANT_RAW];
    if (isUsableTransitional(ant)) {
      out[NUMANONYMANT_POS] = ant === num ? definitive : pseudonymise(ant);
    } else {
      out[NUMANONYMANT_POS] = definitive;
      findings.push({
        rule: 'numanonymant-inutilisable',
        variable: 'NUMANONYMANT',
        value: describeTransitional(ant),
      });
    }

    if (!typeTypev(raw[TYPEV_RAW], out, findings)) rejected = true;

    for (let i = 0; i < SLOTS.length; i++) {
      const slot = SLOTS[i] as Slot;
      const value = raw[slot.rawIndex];
      if (value !== null && value !== undefined && value !== '') slot.type(value, out, slot.pos, findings);
    }
    return { values: out, findings: findings.length === 0 ? NO_FINDINGS : findings, rejected };
  };
}
