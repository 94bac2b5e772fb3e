/**
 * Data-quality rules: typed diagnostics with a stable kebab-case code, a severity and a French
 * message, declared once in `catalogue/` (one file per family).
 */
export type Severity = 'error' | 'warning' | 'info';
export type RuleFamily = 'file' | 'value' | 'record' | 'duplicate' | 'longitudinal' | 'identity';

export interface Rule {
  /** Stable kebab-case code (`datfin-avant-datdeb`…). */
  readonly code: string;
  readonly family: RuleFamily;
  readonly severity: Severity;
  /** What the département reads, in French. */
  readonly messageFr: string;
  /** What to correct in the département's software, in French (shown in the livret). */
  readonly fixFr: string;
  /** Décret variables the rule concerns (upper case). */
  readonly variables: readonly string[];
}

export function defineRules<const T extends readonly Rule[]>(rules: T): T {
  for (const r of rules) {
    if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(r.code)) throw new Error(`rule code not kebab-case: ${r.code}`);
  }
  return Object.freeze(rules);
}

/** A finding as stored (contract table `findings`). */
export interface Finding {
  readonly file_id: string;
  readonly departement: string | null;
  readonly annee: number | null;
  /** Null for a file-level or longitudinal finding that concerns no single record. */
  readonly record_no: number | null;
  readonly rule: string;
  readonly severity: Severity;
  readonly variable: string | null;
  readonly value: string | null;
  readonly message: string;
}
