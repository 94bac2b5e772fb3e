/**
 * The product's typed dictionary of the 105 variables of the décret n°2016-1966, made from
 * `variables.json` (a copy of the specification's file). Every other module takes variable
 * names, kinds, code lists and "ne sait pas" codes from here.
 */
import rawVariablesJson from './variables.json' with { type: 'json' };

export type VariableKind = 'code' | 'date' | 'yearmonth' | 'year' | 'month' | 'count' | 'id' | 'text';
export type AppliesTo = 'all' | 'minor' | 'young_adult';
export type DatePrecision = 'day' | 'month' | 'year' | 'unknown';

export interface CodeEntry {
  readonly code: string;
  readonly labelFr: string;
}

export interface Variable {
  /** Number in annexe 2-8 (1…105); also the column order of `base_annee`. */
  readonly num: number;
  /** Décret name, upper case (`NATPDECADM`). */
  readonly name: string;
  /** Column name in the tables: the décret name in lower case. */
  readonly column: string;
  readonly labelFr: string;
  readonly section: string;
  readonly kind: VariableKind;
  /** Closed code list (kind `code`), empty otherwise. */
  readonly codes: readonly CodeEntry[];
  readonly codeSet: ReadonlySet<string>;
  /** The variable's own "ne sait pas" value, or null when it has none. */
  readonly unknown: string | null;
  readonly required: boolean;
  readonly appliesTo: AppliesTo;
  /** TYPEV values the variable is expected on (null: every event). */
  readonly typev: readonly ('1' | '2' | '3')[] | null;
  readonly condition: string;
  readonly name2011: string | null;
  /** Free text that may hold identifying words: never leaves the Base Année. */
  readonly isFreeText: boolean;
}

interface RawVariable {
  num: number;
  name: string;
  label_fr: string;
  section: string;
  kind: string;
  codes?: { code: string; label_fr: string }[];
  unknown?: string | null;
  required: boolean;
  applies_to: string;
  typev?: string | null;
  condition: string;
  name_2011?: string | null;
}

const KINDS: readonly VariableKind[] = ['code', 'date', 'yearmonth', 'year', 'month', 'count', 'id', 'text'];
const APPLIES: readonly AppliesTo[] = ['all', 'minor', 'young_adult'];

function parseTypev(raw: string | null | undefined): Variable['typev'] {
  if (raw === null || raw === undefined || raw === '') return null;
  if (raw.startsWith('≠2')) return ['1', '3'];
  const values = raw.split(/[^123]+/).filter((v) => v !== '') as ('1' | '2' | '3')[];
  return values.length > 0 ? values : null;
}

function toVariable(raw: RawVariable): Variable {
  if (!KINDS.includes(raw.kind as VariableKind)) throw new Error(`variables.json: unknown kind ${raw.kind}`);
  if (!APPLIES.includes(raw.applies_to as AppliesTo)) {
    throw new Error(`variables.json: unknown applies_to ${raw.applies_to}`);
  }
  const codes = (raw.codes ?? []).map((c) => Object.freeze({ code: c.code, labelFr: c.label_fr }));
  return Object.freeze({
    num: raw.num,
    name: raw.name,
    column: raw.name.toLowerCase(),
    labelFr: raw.label_fr,
    section: raw.section,
    kind: raw.kind as VariableKind,
    codes: Object.freeze(codes),
    codeSet: new Set(codes.map((c) => c.code)),
    unknown: raw.unknown ?? null,
    required: raw.required,
    appliesTo: raw.applies_to as AppliesTo,
    typev: parseTypev(raw.typev),
    condition: raw.condition,
    name2011: raw.name_2011 ?? null,
    isFreeText: raw.kind === 'text',
  });
}

const rawVariables = rawVariablesJson as RawVariable[];

/** The 105 variables in décret order. */
export const VARIABLES: readonly Variable[] = Object.freeze(
  rawVariables.map(toVariable).sort((a, b) => a.num - b.num),
);

const byName = new Map(VARIABLES.map((v) => [v.name, v]));

/** Index of each variable in `VARIABLES` (also the position of its raw value in a record). */
export const VARIABLE_INDEX: ReadonlyMap<string, number> = new Map(VARIABLES.map((v, i) => [v.name, i]));

export function variable(name: string): Variable {
  const found = byName.get(name.toUpperCase());
  if (!found) throw new Error(`unknown variable ${name}`);
  return found;
}

export function isVariableName(name: string): boolean {
  return byName.has(name.toUpperCase());
}

/** French label of a code of a variable, or undefined when the code is not in its list. */
export function codeLabel(name: string, code: string): string | undefined {
  return variable(name).codes.find((c) => c.code === code)?.labelFr;
}

/** Variables whose presence identifies the décret of a file. */
export const DECREE_MARKERS = Object.freeze({
  '2016': ['TYPEV', 'DATDEB', 'DATFIN'],
  '2011': ['CODEV', 'DATDEBAD', 'DATDEBACC', 'DATDEBPLAC', 'DATDEBINTER'],
});

/** Names of the variables that may hold identifying free text (never exported, never reported). */
export const FREE_TEXT_COLUMNS: readonly string[] = VARIABLES.filter((v) => v.isFreeText).map(
  (v) => v.column,
);
