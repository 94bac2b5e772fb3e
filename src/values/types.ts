/** What the typing of one raw record yields. */

/** A finding about one value of one record, before the file and record are attached. */
export interface ValueFinding {
  /** Rule code of the catalogue (`src/rules/catalogue/`). */
  readonly rule: string;
  /** Décret variable name, upper case; null when the finding is about the whole record. */
  readonly variable: string | null;
  /** The raw text concerned; never a transitional number (use a description instead). */
  readonly value: string | null;
}

export interface TypedRecord {
  /**
   * Normalised text of each column of `VARIABLE_COLUMNS` (same order), cast by SQL afterwards:
   * codes as the décret's code, dates `YYYY-MM-DD` (partial dates imputed: unknown day → 15,
   * unknown month → 07-01; NULL when unknown), precisions `day|month|year|unknown`, years and
   * counts as integers (unknown codes kept), NUMANONYM/NUMANONYMANT as definitive numbers.
   */
  readonly values: (string | null)[];
  readonly findings: readonly ValueFinding[];
  /** True when the record cannot be placed in a child's history (unusable NUMANONYM, TYPEV absent or invalid). */
  readonly rejected: boolean;
}

export type Pseudonymiser = (transitional: string) => string;
