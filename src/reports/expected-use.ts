/**
 * When a variable is expected on a record, for completeness (docs/reports.md): from the
 * dictionary's TYPEV list and age scope, and whether its condition depends on other variables
 * (then only the records where the software gave a value count: empty is "not applicable").
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { VARIABLES, type Variable } from '../dictionary/index.js';
import { hasPrecision } from '../dictionary/columns.js';
import { quoteIdent } from '../warehouse/sql-files.js';

/** Phrases saying how "ne sait pas" is written, which are not conditions of use. */
const UNKNOWN_PHRASES = /\b\d+(-\d+)* si (inconnue?|valeur inconnue|pas de [^.;,)]+|année inconnue)/gi;

/** Conditions on other variables or circumstances the records do not carry. */
const CONDITIONAL =
  /(\bsi\b|\bseulement\b|à partir de|^Âge scolaire|pour lesquels|renouvellement d'un placement|UNIQUEMENT (décisions|accueils|interventions|mineur de moins|signalements|informations|saisines|NATDECASSED|TYPEV=3 et si)|vide s'il)/i;

export function isConditional(v: Variable): boolean {
  if (v.required) return false;
  return CONDITIONAL.test(v.condition.replace(UNKNOWN_PHRASES, ''));
}

export interface VariableScope {
  readonly variable: string;
  readonly num: number;
  /** Column of `base_annee` judged: the precision column for a date. */
  readonly valueColumn: string;
  /** The text of "ne sait pas" in that column. */
  readonly unknownValue: string | null;
  readonly typev: readonly string[] | null;
  readonly appliesTo: string;
  readonly conditional: boolean;
}

export function variableScope(v: Variable): VariableScope {
  const dated = hasPrecision(v);
  return {
    variable: v.name,
    num: v.num,
    valueColumn: dated ? `${v.column}_precision` : v.column,
    unknownValue: dated ? 'unknown' : v.unknown,
    typev: v.typev,
    appliesTo: v.appliesTo,
    conditional: isConditional(v),
  };
}

export const VARIABLE_SCOPES: readonly VariableScope[] = Object.freeze(VARIABLES.map(variableScope));

/** Writes the scopes as table `name(variable, num, value_column, unknown_value, typev, applies_to, conditional)`. */
export async function createVariableScopeTable(conn: DuckDBConnection, name: string): Promise<void> {
  await conn.run(`create or replace temp table ${quoteIdent(name)} (variable VARCHAR, num INTEGER,
    value_column VARCHAR, unknown_value VARCHAR, typev VARCHAR[], applies_to VARCHAR, conditional BOOLEAN)`);
  const rows = JSON.stringify(
    VARIABLE_SCOPES.map((s) => ({
      variable: s.variable,
      num: s.num,
      value_column: s.valueColumn,
      unknown_value: s.unknownValue,
      typev: s.typev,
      applies_to: s.appliesTo,
      conditional: s.conditional,
    })),
  );
  await conn.run(
    `insert into ${quoteIdent(name)}
     select variable, num, value_column, unknown_value, typev, applies_to, conditional
     from (select unnest(from_json($rows, '[{"variable":"VARCHAR","num":"INTEGER","value_column":"VARCHAR",
       "unknown_value":"VARCHAR","typev":"VARCHAR[]","applies_to":"VARCHAR","conditional":"BOOLEAN"}]'), recursive := true))`,
    { rows },
  );
}
