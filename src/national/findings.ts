/**
 * The longitudinal and identity findings: each rule's check `sql/checks/longitudinal/<code>.sql`
 * selects the offending rows (file_id, departement, annee, record_no, variable, value); the rule's
 * code, severity and French message are added from the catalogue.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Logger } from '../log.js';
import type { Rule } from '../rules/types.js';
import { IDENTITY_RULES } from '../rules/catalogue/identity.js';
import { LONGITUDINAL_RULES } from '../rules/catalogue/longitudinal.js';
import { quoteIdent, renderSql, sqlText } from '../warehouse/sql-files.js';

export const NATIONAL_RULES: readonly Rule[] = Object.freeze([...IDENTITY_RULES, ...LONGITUDINAL_RULES]);

export const FINDINGS_COLUMNS = Object.freeze([
  ['file_id', 'VARCHAR'],
  ['departement', 'VARCHAR'],
  ['annee', 'SMALLINT'],
  ['record_no', 'INTEGER'],
  ['rule', 'VARCHAR'],
  ['severity', 'VARCHAR'],
  ['variable', 'VARCHAR'],
  ['value', 'VARCHAR'],
  ['message', 'VARCHAR'],
] as const);

/** Creates `target` with the contract `findings` columns and fills it from every check. */
export async function buildLongitudinalFindings(
  conn: DuckDBConnection,
  target = 'findings_longitudinal',
  relations: Readonly<Record<string, string>> = {},
  log?: Logger,
): Promise<void> {
  const columns = FINDINGS_COLUMNS.map(([n, t]) => `${n} ${t}`).join(', ');
  await conn.run(`create or replace table ${quoteIdent(target)} (${columns})`);
  for (const rule of NATIONAL_RULES) {
    const started = Date.now();
    const select = renderSql(sqlText(`checks/longitudinal/${rule.code}`), relations);
    await conn.run(
      `insert into ${quoteIdent(target)}
       select file_id, departement, annee, record_no, $rule, $severity, variable, value, $message
       from (${select}) as offending
       order by departement, annee, file_id, record_no`,
      { rule: rule.code, severity: rule.severity, message: rule.messageFr },
    );
    log?.debug({ rule: rule.code, ms: Date.now() - started }, 'check run');
  }
}
