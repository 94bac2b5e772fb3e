/** DuckDB connections and the running of SQL files as relations. */
import { DuckDBInstance, type DuckDBConnection, type DuckDBValue } from '@duckdb/node-api';
import { renderSql, sqlText, quoteIdent } from './sql-files.js';

export type Params = Record<string, DuckDBValue>;

export async function openDuckDB(
  path = ':memory:',
  options: Record<string, string> = {},
): Promise<DuckDBConnection> {
  const instance = await DuckDBInstance.create(path, options);
  return instance.connect();
}

/** Runs `work` on a fresh DuckDB database and closes it afterwards, whatever happens. */
export async function withDuckDB<T>(
  path: string,
  work: (conn: DuckDBConnection) => Promise<T>,
  options: Record<string, string> = {},
): Promise<T> {
  const instance = await DuckDBInstance.create(path, options);
  const conn = await instance.connect();
  try {
    return await work(conn);
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
}

/** Runs `sql/<file>.sql` and materialises its select as table `target` (replacing it). */
export async function createRelation(
  conn: DuckDBConnection,
  file: string,
  target: string,
  relations: Readonly<Record<string, string>> = {},
  params?: Params,
): Promise<void> {
  const select = renderSql(sqlText(file), relations);
  await conn.run(`create or replace table ${quoteIdent(target)} as\n${select}`, params);
}

/** Runs `sql/<file>.sql` and returns its rows as objects. */
export async function selectRows<T = Record<string, unknown>>(
  conn: DuckDBConnection,
  file: string,
  relations: Readonly<Record<string, string>> = {},
  params?: Params,
): Promise<T[]> {
  const reader = await conn.runAndReadAll(renderSql(sqlText(file), relations), params);
  return reader.getRowObjectsJS() as T[];
}

/** Rows of an inline query (tests, small look-ups). */
export async function query<T = Record<string, unknown>>(
  conn: DuckDBConnection,
  text: string,
  params?: Params,
): Promise<T[]> {
  const reader = await conn.runAndReadAll(text, params);
  return reader.getRowObjectsJS() as T[];
}
