/**
 * The figures of the reports, read with the SQL files of `sql/reports/` from the national base
 * (attached read-only) and from the stored Bases Années of superseded files.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { listValue, type DuckDBConnection } from '@duckdb/node-api';
import { VARIABLES } from '../dictionary/index.js';
import { baseDir } from '../ingest/base-store.js';
import type { Logger } from '../log.js';
import { query, selectRows, type Params } from '../warehouse/duckdb.js';
import { quoteIdent, renderSql, sqlText } from '../warehouse/sql-files.js';
import { createVariableScopeTable, VARIABLE_SCOPES } from './expected-use.js';
import { CATEGORY_LABELS } from './labels.js';

export interface ReceiptRow {
  file_id: string;
  sha256: string;
  file_name: string | null;
  departement: string | null;
  annee: number | null;
  decree: string | null;
  format: string | null;
  encoding: string | null;
  datexport: string | null;
  received_at: string;
  status: 'active' | 'superseded' | 'rejected';
  n_records: number;
  n_rejected: number;
  n_duplicates: number;
  superseded_by: string | null;
  rejection: string | null;
}

export interface CoverageRow {
  departement: string;
  annee: number;
  n_active: number;
  n_superseded: number;
  n_rejected: number;
  report_file_id: string;
  status: 'recu' | 'corrige' | 'refuse' | 'remplace';
}

export interface RuleCountRow {
  file_id: string;
  rule: string;
  severity: string;
  family: string | null;
  n_findings: number;
  n_records: number;
  variables: string | null;
  explanation: string;
  fix: string | null;
}

export interface ExampleRow {
  file_id: string;
  rule: string;
  record_no: number | null;
  variable: string | null;
  value: string | null;
  message: string;
}

export interface CompletenessRow {
  file_id: string;
  variable: string;
  num: number;
  n_expected: number;
  n_filled: number;
  n_known: number;
  completeness: number;
}

export interface QualityRow {
  file_id: string;
  departement: string | null;
  annee: number | null;
  status: string;
  n_records: number;
  accepted_share: number | null;
  clean_share: number | null;
  mean_completeness: number;
  score: number | null;
}

export interface StockRow {
  departement: string | null;
  annee: number;
  drees_category: string;
  n_measures: number;
  n_children: number;
}

export interface EntriesRow {
  departement: string | null;
  annee: number;
  n_entries: number;
  n_exits: number;
}

export interface AgeSexRow {
  departement: string | null;
  annee: number;
  age_group: string;
  sexe: string;
  n_children: number;
}

export interface DurationRow {
  departement: string | null;
  drees_category: string;
  n_measures: number;
  median_days: number;
}

export interface PlacementRow {
  departement: string | null;
  annee: number;
  n_placements: number;
  n_measures: number;
  share: number | null;
}

export interface ScoreRow {
  departement: string | null;
  annee: number;
  score: number;
  n_records: number;
}

export interface DreesRow {
  drees_departement: string | null;
  annee: number;
  drees_category: string;
  /** False when the reference has no row for the cell; true with a null n_drees: no answer. */
  in_reference: boolean;
  /** False for Corsica when only one of 2A and 2B is in the stock (then left out of France). */
  is_whole: boolean;
  n_olinpe: number;
  n_drees: number | null;
  ratio: number | null;
}

export interface ReportData {
  readonly receipts: ReceiptRow[];
  readonly coverage: CoverageRow[];
  readonly ruleCounts: RuleCountRow[];
  readonly examples: ExampleRow[];
  readonly completeness: CompletenessRow[];
  readonly quality: QualityRow[];
  readonly stock: StockRow[];
  readonly entries: EntriesRow[];
  readonly ageSex: AgeSexRow[];
  readonly durations: DurationRow[];
  readonly placements: PlacementRow[];
  readonly scores: ScoreRow[];
  /** Null when no DREES reference table was supplied. */
  readonly drees: DreesRow[] | null;
}

/** Variables whose values never appear in a report: pseudonymous numbers and free text. */
export const HIDDEN_VARIABLES: readonly string[] = VARIABLES.filter(
  (v) => v.kind === 'id' || v.isFreeText,
).map((v) => v.name);

/** Examples of affected records shown per rule in a livret. */
export const EXAMPLES_PER_RULE = 5;

const T = {
  scope: 'rpt_variable_scope',
  categories: 'rpt_categories',
  drees: 'rpt_drees',
  fileFindings: 'rpt_file_findings',
  base: 'rpt_base',
  baseView: 'rpt_base_stored',
  completeness: 'rpt_completeness',
  quality: 'rpt_file_quality',
} as const;

/** Relation names of the national base, qualified by the schema it is attached as. */
function warehouseRelations(schema: string | null): Record<string, string> {
  const q = (t: string): string => (schema === null ? t : `${schema}.${t}`);
  return {
    receipts: q('receipts'),
    findings: q('findings'),
    rules: q('rules'),
    base_annee: q('base_annee'),
    children: q('children'),
    measures: q('measures'),
    stock_31dec: q('stock_31dec'),
  };
}

/** The DREES categories of the reports (labels.ts) as table `rpt_categories(drees_category, block, display_order)`. */
export async function createCategoriesTable(conn: DuckDBConnection): Promise<void> {
  await conn.run(
    `create or replace temp table ${quoteIdent(T.categories)} (drees_category VARCHAR, block VARCHAR, display_order INTEGER)`,
  );
  for (const [i, c] of CATEGORY_LABELS.entries()) {
    await conn.run(`insert into ${quoteIdent(T.categories)} values ($code, $block, $order)`, {
      code: c.code,
      block: c.block,
      order: i + 1,
    });
  }
}

async function createDreesTable(conn: DuckDBConnection, path: string | null): Promise<boolean> {
  const table = quoteIdent(T.drees);
  await conn.run(
    `create or replace temp table ${table} (departement VARCHAR, annee INTEGER, drees_category VARCHAR, n_measures INTEGER)`,
  );
  if (path === null) return false;
  await conn.run(
    `insert into ${table}
     select trim(departement), cast(annee as integer), trim(drees_category), try_cast(nullif(trim(n_measures), '') as integer)
     from read_csv($path, header = true, all_varchar = true, delim = ',')`,
    { path },
  );
  return true;
}

/** A path as an SQL string literal (a view cannot hold a bound parameter). */
const sqlString = (s: string): string => `'${s.replaceAll("'", "''")}'`;

function parquetOf(basesDir: string, r: ReceiptRow, table: string): string {
  return join(
    baseDir(basesDir, r.status === 'rejected' ? null : r.departement, r.annee, r.file_id),
    `${table}.parquet`,
  );
}

/** Findings of every file: the national base for files in force or rejected, the stored ones for superseded files. */
async function createFileFindings(
  conn: DuckDBConnection,
  w: Record<string, string>,
  basesDir: string,
  receipts: ReceiptRow[],
): Promise<void> {
  const table = quoteIdent(T.fileFindings);
  await conn.run(`create or replace temp table ${table} as
    select f.file_id, f.departement, f.annee, f.record_no, f.rule, f.severity, f.variable, f.value, f.message
    from ${quoteIdent(w.findings!)} f
    join ${quoteIdent(w.receipts!)} r on r.file_id = f.file_id
    where r.status <> 'superseded'`);
  const stored = receipts
    .filter((r) => r.status === 'superseded')
    .map((r) => parquetOf(basesDir, r, 'findings'))
    .filter((p) => existsSync(p));
  if (stored.length > 0) {
    await conn.run(
      `insert into ${table}
       select file_id, departement, annee, record_no, rule, severity, variable, value, message
       from read_parquet($files, union_by_name = true)`,
      { files: listValue(stored) },
    );
  }
}

/** Completeness of every file with records, one file at a time (the unpivot is wide). */
/** Version of the completeness computation: a cached result is reused only under the same one. */
const COMPLETENESS_VERSION = createHash('sha256')
  .update(sqlText('reports/completeness'))
  .update(JSON.stringify(VARIABLE_SCOPES))
  .digest('hex')
  .slice(0, 12);

/**
 * Completeness of every file with records, one file at a time (the unpivot is wide). A stored
 * Base Année never changes, so its result is cached in `cacheDir` by file and computation version.
 */
async function createCompleteness(
  conn: DuckDBConnection,
  w: Record<string, string>,
  input: ReportSources,
  receipts: ReceiptRow[],
  log: Logger,
): Promise<void> {
  const target = quoteIdent(T.completeness);
  await conn.run(`create or replace temp table ${target} (file_id VARCHAR, variable VARCHAR, num INTEGER,
    n_expected INTEGER, n_filled INTEGER, n_known INTEGER, completeness DOUBLE)`);
  const columns = listValue(VARIABLE_SCOPES.map((s) => s.valueColumn));
  const selectFrom = (base: string): string =>
    renderSql(sqlText('reports/completeness'), { base, variable_scope: T.scope });
  if (input.cacheDir) mkdirSync(input.cacheDir, { recursive: true });
  let cached = 0;
  for (const r of receipts) {
    if (r.status === 'rejected' || r.departement === null) continue;
    const stored = parquetOf(input.basesDir, r, 'base_annee');
    if (existsSync(stored)) {
      const cache = input.cacheDir
        ? join(input.cacheDir, `${r.file_id}-${COMPLETENESS_VERSION}.parquet`)
        : null;
      if (cache !== null && existsSync(cache)) {
        await conn.run(`insert into ${target} select * from read_parquet(${sqlString(cache)})`);
        cached += 1;
        continue;
      }
      // A view: the stored file is read once, by the query, not copied first.
      await conn.run(
        `create or replace temp view ${quoteIdent(T.baseView)} as select * from read_parquet(${sqlString(stored)})`,
      );
      await conn.run(`insert into ${target} ${selectFrom(T.baseView)}`, { columns });
      if (cache !== null) {
        const partial = `${cache}.tmp-${process.pid}`;
        await conn.run(
          `copy (select * from ${target} where file_id = ${sqlString(r.file_id)}) to ${sqlString(partial)} (format parquet)`,
        );
        renameSync(partial, cache);
      }
    } else if (r.status === 'active') {
      await conn.run(
        `create or replace temp table ${quoteIdent(T.base)} as select * from ${quoteIdent(w.base_annee!)} where file_id = $id`,
        { id: r.file_id },
      );
      await conn.run(`insert into ${target} ${selectFrom(T.base)}`, { columns });
    } else {
      log.warn({ file_id: r.file_id }, 'stored Base Année of a superseded file not found: no completeness');
    }
  }
  await conn.run(`drop view if exists ${quoteIdent(T.baseView)}`);
  await conn.run(`drop table if exists ${quoteIdent(T.base)}`);
  log.debug({ cached }, 'completeness read from the cache');
}

/** Reads every figure the pages need. `schema` is where the national base is attached (null: the connection's own). */
export interface ReportSources {
  /** Where the Bases Années are stored (`bases/<dep>/<annee>/<file_id>/…`). */
  readonly basesDir: string;
  /** A DREES reference table (CSV), or null. */
  readonly dreesReference: string | null;
  /** Where completeness results are cached per file; no cache when undefined. */
  readonly cacheDir?: string;
}

export async function loadReportData(
  conn: DuckDBConnection,
  schema: string | null,
  sources: ReportSources,
  log: Logger,
): Promise<ReportData> {
  const w = warehouseRelations(schema);
  const receipts = await query<ReceiptRow>(
    conn,
    `select file_id, sha256, file_name, departement, cast(annee as integer) as annee, decree, format, encoding,
       datexport, strftime(received_at, '%d/%m/%Y à %H:%M') as received_at, status,
       cast(n_records as integer) as n_records, cast(n_rejected as integer) as n_rejected,
       cast(n_duplicates as integer) as n_duplicates, superseded_by, rejection
     from ${quoteIdent(w.receipts!)} order by received_at, file_id`,
  );
  await createVariableScopeTable(conn, T.scope);
  await createCategoriesTable(conn);
  const withDrees = await createDreesTable(conn, sources.dreesReference);
  let t = Date.now();
  await createFileFindings(conn, w, sources.basesDir, receipts);
  log.debug({ ms: Date.now() - t }, 'findings of every file');
  t = Date.now();
  await createCompleteness(conn, w, sources, receipts, log);
  log.debug({ ms: Date.now() - t, files: receipts.length }, 'completeness of every file');
  const rel = {
    ...w,
    file_findings: T.fileFindings,
    completeness: T.completeness,
    categories: T.categories,
    drees: T.drees,
  };
  await conn.run(
    `create or replace temp table ${quoteIdent(T.quality)} as ${renderSql(sqlText('reports/file_quality'), rel)}`,
  );
  const all = { ...rel, file_quality: T.quality };
  const rows = <R>(file: string, params?: Params): Promise<R[]> =>
    selectRows<R>(conn, `reports/${file}`, all, params);
  return {
    receipts,
    coverage: await rows<CoverageRow>('coverage'),
    ruleCounts: await rows<RuleCountRow>('file_rule_counts'),
    examples: await rows<ExampleRow>('file_finding_examples', {
      hidden_variables: listValue([...HIDDEN_VARIABLES]),
      per_rule: EXAMPLES_PER_RULE,
    }),
    completeness: await query<CompletenessRow>(
      conn,
      `select * from ${quoteIdent(T.completeness)} order by file_id, num`,
    ),
    quality: await query<QualityRow>(conn, `select * from ${quoteIdent(T.quality)}`),
    stock: await rows<StockRow>('stock_by_category'),
    entries: await rows<EntriesRow>('entries_exits'),
    ageSex: await rows<AgeSexRow>('children_age_sex'),
    durations: await rows<DurationRow>('durations'),
    placements: await rows<PlacementRow>('placement_share'),
    scores: await rows<ScoreRow>('quality_over_time'),
    drees: withDrees ? await rows<DreesRow>('drees_comparison') : null,
  };
}

export interface CsvFindingRow {
  record_no: number | null;
  rule: string;
  severity: string;
  variable: string | null;
  value: string | null;
  message: string;
  fix: string | null;
}

/** The findings of one file for `findings.csv` (after `loadReportData` on the same connection). */
export function findingsForCsv(
  conn: DuckDBConnection,
  schema: string | null,
  fileId: string,
): Promise<CsvFindingRow[]> {
  const w = warehouseRelations(schema);
  return selectRows<CsvFindingRow>(
    conn,
    'reports/findings_csv',
    { file_findings: T.fileFindings, rules: w.rules! },
    {
      file_id: fileId,
      hidden_variables: listValue([...HIDDEN_VARIABLES]),
    },
  );
}

/**
 * The stock of a connection beside a DREES reference table (`sql/reports/drees_comparison.sql`):
 * for `olinpe stock` and anyone comparing. Works on a read-only base (temporary tables only).
 */
export async function compareWithDrees(
  conn: DuckDBConnection,
  dreesReference: string,
  stock = 'stock_31dec',
): Promise<DreesRow[]> {
  await createCategoriesTable(conn);
  await createDreesTable(conn, dreesReference);
  return selectRows<DreesRow>(conn, 'reports/drees_comparison', {
    stock_31dec: stock,
    categories: T.categories,
    drees: T.drees,
  });
}

/** A digest of each file's findings as the reports show them: a livret whose inputs are unchanged is not written again. */
export async function findingsDigests(conn: DuckDBConnection): Promise<Map<string, string>> {
  const rows = await query<{ file_id: string; digest: string }>(
    conn,
    `select file_id, md5(string_agg(md5(cast(f as varchar)), ',' order by cast(f as varchar))) as digest
     from ${quoteIdent(T.fileFindings)} as f
     group by file_id`,
  );
  return new Map(rows.map((r) => [r.file_id, r.digest]));
}
