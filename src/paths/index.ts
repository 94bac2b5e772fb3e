/**
 * Children's paths (domain §8), built inside the national base once `measures`, `periods` and
 * `children` exist: `parcours` (spells of continuous protection, any measure and accueil only),
 * `mobility` (several départements, transfers), `entries` (one row per child) and
 * `entry_cohorts` (one row per year of first measure).
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Logger } from '../log.js';
import { createRelation, query } from '../warehouse/duckdb.js';
import { quoteIdent } from '../warehouse/sql-files.js';
import { referencePeriod } from './reference-period.js';

export { referencePeriod, type ReferencePeriod } from './reference-period.js';

/** The tables `buildPaths` leaves in the base, in build order. */
export const PATH_TABLES = ['parcours', 'mobility', 'entries', 'entry_cohorts'] as const;

const SPANS = 'paths_measure_spans';

async function countRows(conn: DuckDBConnection, table: string): Promise<number> {
  const [row] = await query<{ n: number }>(
    conn,
    `select cast(count(*) as integer) as n from ${quoteIdent(table)}`,
  );
  return row?.n ?? 0;
}

export async function buildPaths(conn: DuckDBConnection, log: Logger): Promise<Record<string, number>> {
  // With no measure and no receipt, an empty base still gets empty path tables.
  const period = (await referencePeriod(conn)) ?? { firstYear: 0, lastYear: 0, referenceDate: '0001-12-31' };
  const reference = { reference_date: period.referenceDate };
  log.info({ referenceDate: period.referenceDate, firstYear: period.firstYear }, 'building children’s paths');
  await createRelation(conn, 'paths/paths_measure_spans', SPANS, { measures: 'measures' }, reference);
  await createRelation(conn, 'paths/parcours', 'parcours', { paths_measure_spans: SPANS });
  await createRelation(conn, 'paths/mobility', 'mobility', {
    paths_measure_spans: SPANS,
    periods: 'periods',
  });
  await createRelation(
    conn,
    'paths/entries',
    'entries',
    { paths_measure_spans: SPANS, parcours: 'parcours', children: 'children' },
    reference,
  );
  await createRelation(
    conn,
    'paths/entry_cohorts',
    'entry_cohorts',
    { entries: 'entries' },
    {
      first_year: period.firstYear,
      last_year: period.lastYear,
    },
  );
  await conn.run(`drop table ${quoteIdent(SPANS)}`);
  const rows: Record<string, number> = {};
  for (const table of PATH_TABLES) rows[table] = await countRows(conn, table);
  log.info({ rows }, 'children’s paths built');
  return rows;
}
