/** The rule catalogue as a DuckDB table `rules(code, family, severity, message, fix)`, for SQL joins. */
import type { DuckDBConnection } from '@duckdb/node-api';
import { RULES } from '../rules/catalogue/index.js';
import { quoteIdent } from './sql-files.js';

export async function createRulesTable(conn: DuckDBConnection, name = 'rules'): Promise<void> {
  const table = quoteIdent(name);
  await conn.run(
    `create or replace table ${table} (code VARCHAR primary key, family VARCHAR, severity VARCHAR, message VARCHAR, fix VARCHAR)`,
  );
  const appender = await conn.createAppender(name);
  for (const r of RULES) {
    appender.appendVarchar(r.code);
    appender.appendVarchar(r.family);
    appender.appendVarchar(r.severity);
    appender.appendVarchar(r.messageFr);
    appender.appendVarchar(r.fixFr);
    appender.endRow();
  }
  appender.closeSync();
}
