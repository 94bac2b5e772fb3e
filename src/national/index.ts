/**
 * The national stage (domain §5–§7): from `receipts_active` and `base_annee_raw` (see
 * input-tables.ts) to the children, the Bases Départements' events, periods, measures, the
 * 31 December stock and the longitudinal findings, each an SQL file materialised in order.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Logger } from '../log.js';
import { createRelation, query } from '../warehouse/duckdb.js';
import { quoteIdent } from '../warehouse/sql-files.js';
import { createCategoriesTable } from './categories.js';
import { buildIdentity } from './identity.js';
import { buildLongitudinalFindings } from './findings.js';
import { buildPerDepartement, PER_DEPARTEMENT_RELATIONS } from './departement-cache.js';

const PER_DEPARTEMENT_TABLES = new Set(PER_DEPARTEMENT_RELATIONS.map(([, table]) => table));

/** SQL files after the identity graph, in order: [file under sql/, table]. */
const RELATIONS: readonly (readonly [string, string])[] = [
  ['national/base_annee', 'base_annee'],
  ['national/children', 'children'],
  ['department/events', 'events'],
  ['national/period_base', 'period_base'],
  ['national/periods', 'periods'],
  ['national/measures', 'measures'],
  ['national/stock_years', 'stock_years'],
  ['national/stock_in_force', 'stock_in_force'],
  ['national/stock_31dec', 'stock_31dec'],
  ['national/stock_31dec_totals', 'stock_31dec_totals'],
];

/** Tables the stage leaves behind (the others are intermediate and dropped). */
export const NATIONAL_TABLES = [
  'base_annee',
  'children',
  'events',
  'periods',
  'measures',
  'stock_31dec',
  'stock_31dec_totals',
  'drees_categories',
  'findings_longitudinal',
] as const;

const INTERMEDIATE_TABLES = [
  'identity_links',
  'identity_edges',
  'identity_labels',
  'child_map',
  'period_base',
  'stock_years',
  'stock_in_force',
];

export interface BuildNationalOptions {
  /** Keep the intermediate tables (for debugging and tests). */
  readonly keepIntermediate?: boolean;
  /**
   * Where each département's events, periods and measures are kept between builds, to rebuild
   * only the départements whose inputs changed (departement-cache.ts); none: compute them all.
   */
  readonly departementCache?: { readonly dir: string; readonly productVersion: string };
}

/** Builds every national table in `conn`; returns the row count of each table left behind. */
export async function buildNational(
  conn: DuckDBConnection,
  log: Logger,
  options: BuildNationalOptions = {},
): Promise<Record<string, number>> {
  const stageLog = log.child({ stage: 'national' });
  const started = Date.now();
  await createCategoriesTable(conn);
  let t0 = Date.now();
  await buildIdentity(conn, stageLog);
  stageLog.debug({ ms: Date.now() - t0 }, 'identity graph built');
  const cache = options.departementCache;
  let departements: Record<string, number> = {};
  for (const [file, table] of RELATIONS) {
    t0 = Date.now();
    if (cache && PER_DEPARTEMENT_TABLES.has(table)) {
      if (table === 'events') {
        const { rebuilt, reused } = await buildPerDepartement(
          conn,
          cache.dir,
          cache.productVersion,
          stageLog,
        );
        departements = { departements_rebuilt: rebuilt.length, departements_reused: reused.length };
      }
    } else {
      await createRelation(conn, file, table);
    }
    stageLog.debug({ table, ms: Date.now() - t0 }, 'relation built');
  }
  await buildLongitudinalFindings(conn, 'findings_longitudinal', {}, stageLog);
  if (!options.keepIntermediate) {
    for (const table of INTERMEDIATE_TABLES) await conn.run(`drop table if exists ${quoteIdent(table)}`);
  }
  const counts: Record<string, number> = {};
  for (const table of NATIONAL_TABLES) {
    const [row] = await query<{ n: bigint | number }>(conn, `select count(*) as n from ${quoteIdent(table)}`);
    counts[table] = Number(row?.n ?? 0);
  }
  stageLog.info({ ...counts, ...departements, ms: Date.now() - started }, 'national base built');
  return { ...counts, ...departements };
}

export { createInputTables, insertRows } from './input-tables.js';
export { DREES_CATEGORIES, TOTAL_BLOCKS, categoryLabel, blockLabel } from './categories.js';
export { NATIONAL_RULES } from './findings.js';
export { compareStock, type StockCell, type StockDifference } from './compare.js';
