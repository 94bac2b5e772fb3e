/**
 * The DREES stock of 31 December 2020 per département and category (`drees-ase-2020.csv`, the
 * product's own copy of the published table), split and completed for the OLINPE département codes.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const DREES_CATEGORIES = [
  'pupille',
  'accueil_provisoire_mineur',
  'accueil_provisoire_jeune_majeur',
  'delegation_autorite_parentale',
  'tutelle',
  'placement_ase',
  'placement_direct',
  'aed',
  'aemo',
] as const;
export type DreesCategory = (typeof DREES_CATEGORIES)[number];
export type Category = DreesCategory | 'hors_perimetre';
export const ALL_CATEGORIES: readonly Category[] = [...DREES_CATEGORIES, 'hors_perimetre'];

export type Stock2020 = Readonly<Record<DreesCategory, number>>;

export interface DepartementCalibration {
  readonly code: string;
  readonly label: string;
  readonly stock2020: Stock2020;
  /** How the stock was obtained: published, split from Corsica, or imputed. */
  readonly source: 'drees' | 'split-corse' | 'imputed';
}

/** Share of the DREES Corsica (`20`) stock given to each of 2A and 2B (their populations, about 46/54). */
const CORSICA_SHARES: readonly (readonly [string, string, number])[] = [
  ['2A', 'Corse-du-Sud', 0.46],
  ['2B', 'Haute-Corse', 0.54],
];

/** Départements absent from the DREES table or without answer, and those they are imputed from. */
const IMPUTED: Readonly<Record<string, { label: string; from: readonly string[]; factor: number }>> = {
  '976': { label: 'Mayotte', from: ['971', '972', '973', '974'], factor: 1 },
};

function locateCsv(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [
    join(here, 'drees-ase-2020.csv'),
    // compiled to dist/src/synth: the data file stays in the source tree
    resolve(here, '../../../src/synth/drees-ase-2020.csv'),
  ];
  const found = candidates.find((p) => existsSync(p));
  if (!found)
    throw new Error(`calibration table drees-ase-2020.csv not found (looked in ${candidates.join(', ')})`);
  return found;
}

function emptyStock(): Record<DreesCategory, number> {
  return Object.fromEntries(DREES_CATEGORIES.map((c) => [c, 0])) as Record<DreesCategory, number>;
}

interface ParsedRow {
  code: string;
  label: string;
  stock: Record<DreesCategory, number | null>;
}

function parseTable(text: string): ParsedRow[] {
  const rows = new Map<string, ParsedRow>();
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  for (const line of lines.slice(1)) {
    const [code, label, , category, n] = line.split(',');
    if (code === undefined || category === undefined) continue;
    if (!(DREES_CATEGORIES as readonly string[]).includes(category)) continue;
    let row = rows.get(code);
    if (!row) {
      row = { code, label: label ?? code, stock: { ...emptyStock() } };
      rows.set(code, row);
    }
    row.stock[category as DreesCategory] = n === undefined || n.trim() === '' ? null : Number(n);
  }
  return [...rows.values()];
}

/** Largest-remainder split of a count between shares, so the parts add up exactly. */
function splitCount(n: number, shares: readonly number[]): number[] {
  const raw = shares.map((s) => n * s);
  const parts = raw.map(Math.floor);
  let rest = n - parts.reduce((a, b) => a + b, 0);
  const order = raw.map((r, i) => [r - Math.floor(r), i] as const).sort((a, b) => b[0] - a[0]);
  for (const [, i] of order) {
    if (rest <= 0) break;
    parts[i] = (parts[i] ?? 0) + 1;
    rest--;
  }
  return parts;
}

/**
 * A département that did not answer: its known categories are kept; an empty one is its known
 * total times the national weight of that category relative to the known ones; when nothing is
 * known, each category is the median of the départements that answered.
 */
function imputeMissing(
  row: Readonly<Record<DreesCategory, number | null>>,
  complete: ReadonlyMap<string, Stock2020>,
): Stock2020 {
  const stock = emptyStock();
  const national = emptyStock();
  for (const s of complete.values()) for (const c of DREES_CATEGORIES) national[c] += s[c];
  const known = DREES_CATEGORIES.filter((c) => row[c] !== null);
  const knownTotal = known.reduce((s, c) => s + (row[c] ?? 0), 0);
  const knownWeight = known.reduce((s, c) => s + national[c], 0);
  for (const c of DREES_CATEGORIES) {
    const value = row[c];
    if (value !== null) stock[c] = value;
    else if (knownWeight > 0) stock[c] = Math.round((knownTotal * national[c]) / knownWeight);
    else {
      const values = [...complete.values()].map((s) => s[c]).sort((a, b) => a - b);
      stock[c] = values.length === 0 ? 0 : (values[Math.floor(values.length / 2)] as number);
    }
  }
  return stock;
}

/** Mean of the published stock of similar départements, times a factor. */
function imputeFrom(
  rows: ReadonlyMap<string, Stock2020>,
  from: readonly string[],
  factor: number,
): Stock2020 {
  const stock = emptyStock();
  const known = from.map((c) => rows.get(c)).filter((s): s is Stock2020 => s !== undefined);
  for (const cat of DREES_CATEGORIES) {
    const sum = known.reduce((s, k) => s + k[cat], 0);
    stock[cat] = known.length === 0 ? 0 : Math.round((factor * sum) / known.length);
  }
  return stock;
}

let cached: readonly DepartementCalibration[] | undefined;

/** Every département known to the generator, in INSEE order, with its 2020 stock at scale 1. */
export function departements(): readonly DepartementCalibration[] {
  cached ??= calibrationsFromTable(readFileSync(locateCsv(), 'utf8'));
  return cached;
}

/** The calibrations from the text of a DREES table (long format, as `drees-ase-2020.csv`). */
export function calibrationsFromTable(text: string): readonly DepartementCalibration[] {
  const parsed = parseTable(text);
  const complete = new Map<string, Stock2020>();
  for (const row of parsed) {
    if (Object.values(row.stock).every((v) => v !== null)) complete.set(row.code, row.stock as Stock2020);
  }
  const out: DepartementCalibration[] = [];
  for (const row of parsed) {
    if (row.code === '20') {
      const parts = DREES_CATEGORIES.map((c) =>
        splitCount(
          row.stock[c] ?? 0,
          CORSICA_SHARES.map(([, , s]) => s),
        ),
      );
      CORSICA_SHARES.forEach(([code, label], i) => {
        const stock = emptyStock();
        DREES_CATEGORIES.forEach((c, j) => (stock[c] = parts[j]?.[i] ?? 0));
        out.push({ code, label, stock2020: stock, source: 'split-corse' });
      });
      continue;
    }
    const stock = complete.get(row.code);
    if (stock) {
      out.push({ code: row.code, label: row.label, stock2020: stock, source: 'drees' });
    } else {
      out.push({
        code: row.code,
        label: row.label,
        stock2020: imputeMissing(row.stock, complete),
        source: 'imputed',
      });
    }
  }
  for (const [code, spec] of Object.entries(IMPUTED)) {
    if (out.some((d) => d.code === code)) continue;
    out.push({
      code,
      label: spec.label,
      stock2020: imputeFrom(complete, spec.from, spec.factor),
      source: 'imputed',
    });
  }
  return Object.freeze(out.sort((a, b) => sortKey(a.code).localeCompare(sortKey(b.code))));
}

function sortKey(code: string): string {
  return code.length === 2 ? `${code}0` : code;
}

export function total(stock: Stock2020): number {
  return DREES_CATEGORIES.reduce((s, c) => s + stock[c], 0);
}

export function departementCalibration(code: string): DepartementCalibration {
  const found = departements().find((d) => d.code === code);
  if (!found) throw new Error(`unknown département ${code}`);
  return found;
}

/** National trend of the stock: about +2 % a year (DREES series 2016–2022). */
export const YEARLY_GROWTH = 1.02;
