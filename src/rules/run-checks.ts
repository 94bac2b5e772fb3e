/**
 * The ingestion checks of one file (domain.md §4 "file", "record", "duplicates"): SQL over the
 * typed records, results kept in DuckDB so that findings never cross into JavaScript.
 *
 * Tables written (names in CHECK_TABLES unless overridden):
 * - `dropped_duplicates(record_no INTEGER, rule VARCHAR, kept_record_no INTEGER)`: the duplicates
 *   to leave out of the Base Année, one copy of each group being kept;
 * - `check_findings(record_no INTEGER, rule VARCHAR, variable VARCHAR, value VARCHAR)`: every
 *   finding of the checks (record_no NULL for a file-level one), duplicates included.
 * Findings of a dropped duplicate are removed (its kept copy has the same ones), except the
 * duplicate finding itself. File checks count every record, duplicates included.
 */
import type { DuckDBConnection, DuckDBValue } from '@duckdb/node-api';
import { VARIABLES } from '../dictionary/index.js';
import type { FileDescription, ReadSummary } from '../readers/types.js';
import { parseDate } from '../values/dates.js';
import { createRelation, query } from '../warehouse/duckdb.js';
import { quoteIdent, renderSql, sqlText } from '../warehouse/sql-files.js';
import { RECORD_RULES } from './catalogue/record.js';

export type YearSource = 'option' | 'manifest' | 'filename' | 'dates';

export interface IngestionChecksInput {
  /** Table of typed records: `record_no` and the columns of `VARIABLE_COLUMNS` (kept records only). */
  readonly records: string;
  readonly annee: number;
  /** DATEXPORT as written in the file (parsed here), or null. */
  readonly datexport: string | null;
  readonly yearSource: YearSource;
  readonly summary: ReadSummary;
  readonly description: FileDescription;
  /** The file's profile (sql/ingest/file_profile.sql) when already made; made here otherwise. */
  readonly profile?: string;
  /** Names of the tables written (defaults: CHECK_TABLES). */
  readonly tables?: Partial<typeof CHECK_TABLES>;
}

export interface IngestionChecksResult {
  readonly findingsTable: string;
  readonly droppedTable: string;
  readonly nFindings: number;
  readonly nDuplicates: number;
}

export const CHECK_TABLES = Object.freeze({
  findings: 'check_findings',
  dropped: 'dropped_duplicates',
  /** Variables the reader saw in the file (one row per name). */
  present: 'file_variables_present',
  /** Each record's ages at its decision and event (shared by the age checks). */
  ages: 'record_ages',
  /** The file's main département and the year of most of its event dates. */
  profile: 'file_profile',
});

/** Record rules, each run from `sql/checks/record/<code>.sql`. */
export const RECORD_CHECKS: readonly string[] = RECORD_RULES.map((r) => r.code);

/** File rules computed in SQL, each from `sql/checks/file/<code>.sql`. */
export const FILE_SQL_CHECKS: readonly string[] = [
  'numdep-melange',
  'numdep-absent',
  'annee-incoherente',
  'typev-jamais-present',
  'variable-toujours-vide',
];

/** DATEXPORT as an ISO date when it is a full known date, else null. */
export function exportDate(datexport: string | null): string | null {
  if (datexport === null || datexport.trim() === '') return null;
  const parsed = parseDate(datexport.trim());
  return parsed.ok && parsed.precision === 'day' ? parsed.date : null;
}

/** Only the parameters a SQL text uses: DuckDB refuses unused bound parameters. */
export function usedParams(
  text: string,
  params: Record<string, DuckDBValue>,
): Record<string, DuckDBValue> | undefined {
  const used = Object.entries(params).filter(([name]) => new RegExp(`\\$${name}\\b`).test(text));
  return used.length === 0 ? undefined : Object.fromEntries(used);
}

function sqlLiteral(code: string): string {
  if (!/^[a-z0-9-]+$/.test(code)) throw new Error(`not a rule code: ${code}`);
  return `'${code}'`;
}

async function insertCheck(
  conn: DuckDBConnection,
  findings: string,
  file: string,
  code: string,
  relations: Record<string, string>,
  params: Record<string, DuckDBValue>,
): Promise<void> {
  const text = sqlText(file);
  const select = renderSql(text, relations);
  await conn.run(
    `insert into ${quoteIdent(findings)}
     select record_no::integer, ${sqlLiteral(code)}, variable::varchar, value::varchar from (${select}) as check_rows`,
    usedParams(text, params),
  );
}

/** File-level findings known from the reader's summary and description (no SQL needed). */
export function summaryFindings(
  input: Pick<IngestionChecksInput, 'summary' | 'description' | 'yearSource' | 'datexport'>,
): { rule: string; variable: string | null; value: string | null }[] {
  const out: { rule: string; variable: string | null; value: string | null }[] = [];
  const { summary, description } = input;
  if (summary.decree === '2011') out.push({ rule: 'decret-2011', variable: null, value: 'CODEV' });
  if (summary.decree === 'unknown') out.push({ rule: 'decret-inconnu', variable: null, value: null });
  for (const v of VARIABLES) {
    if (!summary.variablesPresent.has(v.name))
      out.push({ rule: 'variable-absente-du-fichier', variable: v.name, value: null });
  }
  for (const name of summary.unexpectedVariables)
    out.push({ rule: 'variable-inattendue', variable: null, value: name });
  if (input.yearSource === 'dates')
    out.push({ rule: 'annee-deduite-des-dates', variable: null, value: null });
  const introMissing = summary.notes.some((n) => n.rule === 'intro-absente'); // already said by the reader
  if (description.format === 'xml' && !introMissing && exportDate(input.datexport) === null) {
    out.push({ rule: 'date-export-invalide', variable: null, value: input.datexport });
  }
  return out;
}

export async function runIngestionChecks(
  conn: DuckDBConnection,
  input: IngestionChecksInput,
): Promise<IngestionChecksResult> {
  const tables = { ...CHECK_TABLES, ...input.tables };
  const findings = quoteIdent(tables.findings);
  await conn.run(
    `create or replace table ${findings} (record_no INTEGER, rule VARCHAR, variable VARCHAR, value VARCHAR)`,
  );

  await createRelation(conn, 'checks/duplicates/dropped_duplicates', tables.dropped, {
    records: input.records,
  });
  const dropped = quoteIdent(tables.dropped);

  const params: Record<string, DuckDBValue> = { annee: input.annee, datexport: exportDate(input.datexport) };
  const profile = input.profile ?? tables.profile;
  if (input.profile === undefined) {
    await createRelation(conn, 'ingest/file_profile', profile, { records: input.records });
  }
  const relations = {
    records: input.records,
    present: tables.present,
    record_ages: tables.ages,
    file_profile: profile,
  };
  await createRelation(conn, 'checks/record_ages', tables.ages, { records: input.records });
  for (const code of RECORD_CHECKS) {
    await insertCheck(conn, tables.findings, `checks/record/${code}`, code, relations, params);
  }
  // A dropped duplicate would repeat its kept copy's findings: only its duplicate finding stays.
  // (Deleting afterwards is cheaper than running every check on an anti-joined view.)
  await conn.run(`delete from ${findings} where record_no in (select record_no from ${dropped})`);
  await conn.run(
    `insert into ${findings}
     select record_no, rule, null, 'copie de l''enregistrement ' || kept_record_no from ${dropped}`,
  );

  await conn.run(`create or replace table ${quoteIdent(tables.present)} (variable VARCHAR)`);
  const present = await conn.createAppender(tables.present);
  for (const name of input.summary.variablesPresent) {
    present.appendVarchar(name);
    present.endRow();
  }
  present.closeSync();
  for (const code of FILE_SQL_CHECKS) {
    if (code === 'annee-incoherente' && input.yearSource === 'dates') continue;
    await insertCheck(conn, tables.findings, `checks/file/${code}`, code, relations, params);
  }

  const fromSummary = summaryFindings(input);
  if (fromSummary.length > 0) {
    const appender = await conn.createAppender(tables.findings);
    for (const f of fromSummary) {
      appender.appendNull();
      appender.appendVarchar(f.rule);
      if (f.variable === null) appender.appendNull();
      else appender.appendVarchar(f.variable);
      if (f.value === null) appender.appendNull();
      else appender.appendVarchar(f.value);
      appender.endRow();
    }
    appender.closeSync();
  }

  const [counts] = await query<{ n_findings: number; n_duplicates: number }>(
    conn,
    `select (select count(*) from ${findings})::integer as n_findings,
            (select count(*) from ${quoteIdent(tables.dropped)})::integer as n_duplicates`,
  );
  return {
    findingsTable: tables.findings,
    droppedTable: tables.dropped,
    nFindings: counts?.n_findings ?? 0,
    nDuplicates: counts?.n_duplicates ?? 0,
  };
}
