/**
 * The observed period of the national base: from the first to the last year of the active Bases
 * Années. Open measures run to the reference date, 31 December of the last year.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { query } from '../warehouse/duckdb.js';

export interface ReferencePeriod {
  readonly firstYear: number;
  readonly lastYear: number;
  /** `YYYY-12-31` of the last year. */
  readonly referenceDate: string;
}

async function hasTable(conn: DuckDBConnection, name: string): Promise<boolean> {
  const rows = await query(conn, 'select 1 from duckdb_tables() where table_name = $name', { name });
  return rows.length > 0;
}

/** Years of the active receipts; failing those (no catalog copy), the years of the measures. */
export async function referencePeriod(conn: DuckDBConnection): Promise<ReferencePeriod | null> {
  let years: { first: number | null; last: number | null } | undefined;
  if (await hasTable(conn, 'receipts')) {
    [years] = await query<{ first: number | null; last: number | null }>(
      conn,
      `select cast(min(annee) as integer) as first, cast(max(annee) as integer) as last
       from receipts where status = 'active'`,
    );
  }
  if (years?.last === null || years?.last === undefined) {
    [years] = await query<{ first: number | null; last: number | null }>(
      conn,
      `select cast(year(min(least(decision_date, start_date))) as integer) as first,
         cast(year(max(greatest(decision_date, start_date, end_date))) as integer) as last
       from measures`,
    );
  }
  if (years?.first == null || years.last == null) return null;
  return { firstYear: years.first, lastYear: years.last, referenceDate: `${years.last}-12-31` };
}
