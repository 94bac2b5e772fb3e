/** Rule code → what is stored with a finding (contract table `findings`), for findings made in JS. */
import { rule } from './catalogue/index.js';
import type { Finding } from './types.js';

export interface RaisedFinding {
  readonly record_no: number | null;
  readonly rule: string;
  readonly variable: string | null;
  readonly value: string | null;
}

export interface FindingContext {
  readonly file_id: string;
  readonly departement: string | null;
  readonly annee: number | null;
}

/** Adds the severity and French message of the finding's rule; throws on an unknown code. */
export function toStoredFinding(raised: RaisedFinding, context: FindingContext): Finding {
  const r = rule(raised.rule);
  return { ...context, ...raised, severity: r.severity, message: r.messageFr };
}
