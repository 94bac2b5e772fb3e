import type { DuckDBConnection } from '@duckdb/node-api';
import { VARIABLE_COLUMNS } from '../../../src/dictionary/columns.js';
import { createRelation, openDuckDB, query } from '../../../src/warehouse/duckdb.js';
import { quoteIdent, renderSql, sqlText } from '../../../src/warehouse/sql-files.js';
import { usedParams } from '../../../src/rules/run-checks.js';

export type Row = Record<string, string | number | null>;

/** A coherent record that no record check flags: a 10-year-old's accueil provisoire decided in 2021. */
export const BASE: Row = {
  numdep: '59',
  numanonym: 'c0ffee',
  numanonymant: 'c0ffee',
  typev: '1',
  sexe: '1',
  anais: 2010,
  mnais: 5,
  datdecpe: '2021-03-01',
  datdecpe_precision: 'day',
  decision: '1',
  datdeb: '2021-03-02',
  datdeb_precision: 'day',
  natpdecadm: '14',
  lieuacc: '1',
};

const typeOf = new Map(VARIABLE_COLUMNS.map((c) => [c.name, c.type]));

export async function recordsDb(rows: Row[], table = 'records'): Promise<DuckDBConnection> {
  const conn = await openDuckDB();
  const ddl = ['record_no INTEGER', ...VARIABLE_COLUMNS.map((c) => `${quoteIdent(c.name)} ${c.type}`)].join(', ');
  await conn.run(`create table ${quoteIdent(table)} (${ddl})`);
  await insertRows(conn, rows, table);
  return conn;
}

export async function insertRows(conn: DuckDBConnection, rows: Row[], table = 'records'): Promise<void> {
  for (const [i, row] of rows.entries()) {
    const full: Row = { record_no: i + 1, ...row };
    const names = Object.keys(full);
    for (const n of names) if (n !== 'record_no' && !typeOf.has(n)) throw new Error(`no column ${n}`);
    const placeholders = names.map((n) => (n === 'record_no' ? '?::INTEGER' : `?::${typeOf.get(n)}`));
    await conn.run(
      `insert into ${quoteIdent(table)} (${names.map(quoteIdent).join(', ')}) values (${placeholders.join(', ')})`,
      names.map((n) => full[n] ?? null),
    );
  }
}

export interface CheckRow {
  record_no: number | null;
  variable: string | null;
  value: string | null;
}

/** Rows selected by `sql/checks/<file>.sql` over the given records. */
export async function runCheck(
  file: string,
  rows: Row[],
  params: { annee?: number; datexport?: string | null } = {},
  present: string[] = [],
): Promise<CheckRow[]> {
  const conn = await recordsDb(rows);
  await conn.run('create table present (variable VARCHAR)');
  for (const p of present) await conn.run('insert into present values (?)', [p]);
  await createRelation(conn, 'checks/record_ages', 'record_ages', { records: 'records' });
  await createRelation(conn, 'ingest/file_profile', 'file_profile', { records: 'records' });
  const text = sqlText(file);
  const all = { annee: params.annee ?? 2021, datexport: params.datexport ?? null };
  const relations = {
    records: 'records',
    present: 'present',
    record_ages: 'record_ages',
    file_profile: 'file_profile',
  };
  return query<CheckRow>(
    conn,
    `select record_no::integer as record_no, variable, value from (${renderSql(text, relations)}) order by all`,
    usedParams(text, all),
  );
}

/** Shorthand: the check of a record rule over records made from BASE with overrides. */
export const record = (code: string, overrides: Row[], params?: { annee?: number; datexport?: string | null }) =>
  runCheck(`checks/record/${code}`, overrides.map((o) => ({ ...BASE, ...o })), params);
