/**
 * Cell-by-cell comparison of the built `stock_31dec` with an expected stock (the synthetic
 * generator's truth, or any reference): for end-to-end tests and checks.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { query } from '../warehouse/duckdb.js';
import { quoteIdent } from '../warehouse/sql-files.js';

export interface StockCell {
  readonly departement: string;
  readonly annee: number;
  readonly drees_category: string;
  readonly n_measures: number;
  readonly n_children: number;
}

export interface StockDifference {
  readonly departement: string;
  readonly annee: number;
  readonly drees_category: string;
  /** [n_measures, n_children] expected, or null when the cell is not expected. */
  readonly expected: readonly [number, number] | null;
  /** [n_measures, n_children] built, or null when the cell is absent. */
  readonly actual: readonly [number, number] | null;
}

const keyOf = (c: { departement: string; annee: number; drees_category: string }): string =>
  `${c.departement}|${c.annee}|${c.drees_category}`;

/** Every cell that differs (counts, or present on one side only); empty when the stocks agree. */
export async function compareStock(
  conn: DuckDBConnection,
  expected: readonly StockCell[],
  table = 'stock_31dec',
): Promise<StockDifference[]> {
  const built = await query<StockCell>(
    conn,
    `select departement, cast(annee as integer) as annee, drees_category, n_measures, n_children from ${quoteIdent(table)}`,
  );
  const actual = new Map(built.map((c) => [keyOf(c), c]));
  const wanted = new Map(expected.map((c) => [keyOf(c), c]));
  const out: StockDifference[] = [];
  for (const key of new Set([...actual.keys(), ...wanted.keys()])) {
    const a = actual.get(key);
    const e = wanted.get(key);
    if (a && e && Number(a.n_measures) === e.n_measures && Number(a.n_children) === e.n_children) continue;
    const ref = (a ?? e) as StockCell;
    out.push({
      departement: ref.departement,
      annee: Number(ref.annee),
      drees_category: ref.drees_category,
      expected: e ? [e.n_measures, e.n_children] : null,
      actual: a ? [Number(a.n_measures), Number(a.n_children)] : null,
    });
  }
  return out.sort((x, y) => keyOf(x).localeCompare(keyOf(y)));
}
