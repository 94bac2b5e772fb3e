/**
 * The 31 December stock of one year as rows for `olinpe stock`: each département's nine cells
 * and block totals, then (without a département filter) France's.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { query } from '../warehouse/duckdb.js';
import { DREES_CATEGORIES, TOTAL_BLOCKS, blockLabel, categoryLabel } from './categories.js';

export interface StockRow {
  /** Null for France. */
  readonly departement: string | null;
  readonly annee: number;
  /** Set on a cell; null on a block total. */
  readonly drees_category: string | null;
  /** Set on a block total; null on a cell. */
  readonly block: string | null;
  readonly libelle: string;
  readonly n_measures: number;
  readonly n_children: number;
}

const categoryOrder = new Map(DREES_CATEGORIES.map((c, i) => [c.code, i]));
const blockOrder = new Map<string, number>(TOTAL_BLOCKS.map((b, i) => [b.code, i]));

function sortKey(r: StockRow): number {
  return r.drees_category !== null
    ? (categoryOrder.get(r.drees_category) ?? 99)
    : 100 + (blockOrder.get(r.block ?? '') ?? 99);
}

export async function readStock(
  conn: DuckDBConnection,
  options: { year: number; departement?: string | null },
): Promise<StockRow[]> {
  const dep = options.departement ?? null;
  const raw = await query<Omit<StockRow, 'libelle'>>(
    conn,
    `select departement, annee, drees_category, cast(null as varchar) as block, n_measures, n_children
     from stock_31dec
     where annee = $year and ($dep is null or departement = $dep)
     union all
     select departement, annee, drees_category, block, n_measures, n_children
     from stock_31dec_totals
     where annee = $year
       and ((departement is not null and ($dep is null or departement = $dep))
         or (departement is null and $dep is null))`,
    { year: options.year, dep },
  );
  const rows = raw.map((r) => ({
    departement: r.departement,
    annee: Number(r.annee),
    drees_category: r.drees_category,
    block: r.block,
    libelle: r.drees_category !== null ? categoryLabel(r.drees_category) : blockLabel(r.block ?? ''),
    n_measures: Number(r.n_measures),
    n_children: Number(r.n_children),
  }));
  return rows.sort(
    (a, b) =>
      (a.departement === null ? 1 : 0) - (b.departement === null ? 1 : 0) ||
      (a.departement ?? '').localeCompare(b.departement ?? '') ||
      sortKey(a) - sortKey(b),
  );
}

/** Rows for a human table, with French headers. */
export function stockTableRows(
  rows: readonly (StockRow & { drees?: number | null; ratio?: number | null })[],
): Record<string, unknown>[] {
  return rows.map((r) => ({
    département: r.departement ?? 'France',
    catégorie: r.libelle,
    mesures: r.n_measures,
    enfants: r.n_children,
    ...('drees' in r ? { DREES: r.drees ?? '', ratio: r.ratio ?? '' } : {}),
  }));
}
