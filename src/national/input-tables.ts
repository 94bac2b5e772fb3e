/**
 * The input contract of the national build: `receipts_active` and `base_annee_raw`, as the
 * ingestion prepares them. `createInputTables` makes them empty with their exact types (for tests
 * and for the ingestion); `insertRows` adds a few rows naming only the columns they need.
 */
import type { DuckDBConnection, DuckDBValue } from '@duckdb/node-api';
import { BASE_ANNEE_KEY_COLUMNS, VARIABLE_COLUMNS } from '../dictionary/columns.js';
import { quoteIdent } from '../warehouse/sql-files.js';

export const RECEIPTS_ACTIVE_COLUMNS = Object.freeze([
  { name: 'file_id', type: 'VARCHAR' },
  { name: 'departement', type: 'VARCHAR' },
  { name: 'annee', type: 'SMALLINT' },
  { name: 'datexport', type: 'DATE' },
  { name: 'received_at', type: 'TIMESTAMP' },
] as const);

/** Every column of `base_annee_raw`, in order, with its SQL type. */
export const BASE_ANNEE_RAW_COLUMNS: readonly { readonly name: string; readonly type: string }[] =
  Object.freeze([
    ...BASE_ANNEE_KEY_COLUMNS,
    ...VARIABLE_COLUMNS.map((c) => ({ name: c.name, type: c.type })),
  ]);

const columnsOf = (cols: readonly { name: string; type: string }[]): string =>
  cols.map((c) => `${quoteIdent(c.name)} ${c.type}`).join(', ');

/** Creates (or replaces) the two input tables, empty. */
export async function createInputTables(
  conn: DuckDBConnection,
  names: { receipts?: string; baseAnnee?: string } = {},
): Promise<void> {
  await conn.run(
    `create or replace table ${quoteIdent(names.receipts ?? 'receipts_active')} (${columnsOf(RECEIPTS_ACTIVE_COLUMNS)})`,
  );
  await conn.run(
    `create or replace table ${quoteIdent(names.baseAnnee ?? 'base_annee_raw')} (${columnsOf(BASE_ANNEE_RAW_COLUMNS)})`,
  );
}

export type InputRow = Record<string, DuckDBValue | undefined>;

const DATE_COLUMNS = new Set(VARIABLE_COLUMNS.filter((c) => c.type === 'DATE').map((c) => c.name));

/**
 * Inserts rows into `table`, each naming only the columns it needs (values as bound parameters,
 * cast by DuckDB to the column types: dates as 'YYYY-MM-DD' strings). In `base_annee_raw`, a
 * date given without its `<col>_precision` gets precision 'day'.
 */
export async function insertRows(
  conn: DuckDBConnection,
  table: string,
  rows: readonly InputRow[],
): Promise<void> {
  for (const row of rows) {
    const filled: Record<string, DuckDBValue> = {};
    for (const [k, v] of Object.entries(row)) if (v !== undefined) filled[k] = v;
    if (table === 'base_annee_raw') {
      for (const col of DATE_COLUMNS) {
        if (filled[col] !== undefined && filled[col] !== null && filled[`${col}_precision`] === undefined) {
          filled[`${col}_precision`] = 'day';
        }
      }
    }
    const names = Object.keys(filled);
    if (names.length === 0) continue;
    const params: Record<string, DuckDBValue> = {};
    const placeholders = names.map((n, i) => {
      params[`p${i}`] = filled[n] as DuckDBValue;
      return `$p${i}`;
    });
    await conn.run(
      `insert into ${quoteIdent(table)} (${names.map(quoteIdent).join(', ')}) values (${placeholders.join(', ')})`,
      params,
    );
  }
}
