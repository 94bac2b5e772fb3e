import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DREES_CATEGORIES } from '../../src/synth/calibration.js';

/** The nine DREES categories (the generator's list: the test compares against the DREES table). */
export const DREES_PERIMETER = DREES_CATEGORIES;

/** DREES 2020 stock per category summed over the départements (Corsica published as 20). */
export function dreesStock(departements: readonly string[], scale: number): Map<string, number> {
  const wanted = new Set(departements.map((d) => (d === '2A' || d === '2B' ? '20' : d)));
  const out = new Map<string, number>();
  const lines = readFileSync(join(import.meta.dirname, '../../src/synth/drees-ase-2020.csv'), 'utf8')
    .trim()
    .split('\n')
    .slice(1);
  for (const line of lines) {
    const [d, , , category, n] = line.split(',') as [string, string, string, string, string];
    if (wanted.has(d)) out.set(category, (out.get(category) ?? 0) + Number(n) * scale);
  }
  return out;
}

/** The truth's stock of one year per category, summed over départements (optionally one). */
export function truthStock(truthDir: string, year: number, departement?: string): Map<string, number> {
  const out = new Map<string, number>();
  const lines = readFileSync(join(truthDir, 'stock_31dec.csv'), 'utf8').trim().split('\n').slice(1);
  for (const line of lines) {
    const [d, y, category, n] = line.split(',') as [string, string, string, string];
    if (Number(y) === year && (departement === undefined || d === departement))
      out.set(category, (out.get(category) ?? 0) + Number(n));
  }
  return out;
}

export const perimeterTotal = (stock: Map<string, number>): number =>
  DREES_PERIMETER.reduce((s, c) => s + (stock.get(c) ?? 0), 0);
