/**
 * The typed columns of `base_annee`, derived from the dictionary: one column per variable
 * (décret name in lower case), plus `<column>_precision` beside every date and year-month.
 */
import { VARIABLES, type Variable } from './index.js';

export type SqlType = 'VARCHAR' | 'DATE' | 'SMALLINT';

export interface TypedColumn {
  readonly name: string;
  readonly type: SqlType;
  /** The variable the column comes from. */
  readonly variable: Variable;
  /** True for the `_precision` companion of a date. */
  readonly isPrecision: boolean;
}

export function sqlTypeOf(v: Variable): SqlType {
  switch (v.kind) {
    case 'date':
    case 'yearmonth':
      return 'DATE';
    case 'year':
    case 'month':
    case 'count':
      return 'SMALLINT';
    default:
      return 'VARCHAR';
  }
}

export const hasPrecision = (v: Variable): boolean => v.kind === 'date' || v.kind === 'yearmonth';

/** The 105 variables as typed columns, in décret order. */
export const VARIABLE_COLUMNS: readonly TypedColumn[] = Object.freeze(
  VARIABLES.flatMap((v) => {
    const main: TypedColumn = { name: v.column, type: sqlTypeOf(v), variable: v, isPrecision: false };
    return hasPrecision(v)
      ? [main, { name: `${v.column}_precision`, type: 'VARCHAR' as const, variable: v, isPrecision: true }]
      : [main];
  }),
);

/** Columns that identify a kept record, before the variables. */
export const BASE_ANNEE_KEY_COLUMNS = Object.freeze([
  { name: 'file_id', type: 'VARCHAR' },
  { name: 'departement', type: 'VARCHAR' },
  { name: 'annee', type: 'SMALLINT' },
  { name: 'record_no', type: 'INTEGER' },
  { name: 'child_id', type: 'VARCHAR' },
] as const);
