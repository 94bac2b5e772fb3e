/** The columns of a source table as exported: free text never, identifying finding values neither. */
import type { DuckDBConnection } from '@duckdb/node-api';
import { FREE_TEXT_COLUMNS } from '../dictionary/index.js';
import { query } from '../warehouse/duckdb.js';
import { quoteIdent } from '../warehouse/sql-files.js';

export interface SourceColumn {
  readonly name: string;
  readonly type: string;
}

/**
 * Variables whose raw value a finding must not carry out of the base: the free text, and the
 * anonymisation numbers (a malformed received number may be the transitional one).
 */
export const WITHHELD_FINDING_VARIABLES: readonly string[] = Object.freeze([
  ...FREE_TEXT_COLUMNS,
  'numanonym',
  'numanonymant',
]);

export async function sourceColumns(
  conn: DuckDBConnection,
  database: string,
  table: string,
): Promise<SourceColumn[]> {
  const rows = await query<{ name: string; type: string }>(
    conn,
    `select column_name as name, data_type as type from duckdb_columns()
     where database_name = $database and schema_name = 'main' and table_name = $table order by column_index`,
    { database, table },
  );
  return rows.filter((c) => !FREE_TEXT_COLUMNS.includes(c.name.toLowerCase()));
}

export function sqlList(values: readonly string[]): string {
  return values.map((v) => `'${v.replaceAll("'", "''")}'`).join(', ');
}

/** The select expression of an exported column. */
export function exportExpression(table: string, column: string): string {
  const id = quoteIdent(column);
  if (table === 'findings' && column === 'value') {
    return `case when lower(variable) in (${sqlList(WITHHELD_FINDING_VARIABLES)}) then null else ${id} end as ${id}`;
  }
  return id;
}
