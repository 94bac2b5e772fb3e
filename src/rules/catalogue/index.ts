/**
 * The rule catalogue: every finding the pipeline can emit. Each family lives in its own file.
 * Bump CATALOGUE_VERSION whenever a rule is added, removed or changes meaning.
 */
import type { Rule } from '../types.js';
import { FILE_RULES } from './file.js';
import { VALUE_RULES } from './value.js';
import { RECORD_RULES } from './record.js';
import { DUPLICATE_RULES } from './duplicate.js';
// The longitudinal and identity families are written by another engineer (national stage).
import { LONGITUDINAL_RULES } from './longitudinal.js';
import { IDENTITY_RULES } from './identity.js';

export const CATALOGUE_VERSION = '2';

const families: readonly (readonly Rule[])[] = [
  FILE_RULES,
  VALUE_RULES,
  RECORD_RULES,
  DUPLICATE_RULES,
  LONGITUDINAL_RULES,
  IDENTITY_RULES,
];

export const RULES: readonly Rule[] = Object.freeze(families.flat());

const byCode = new Map(RULES.map((r) => [r.code, r]));
if (byCode.size !== RULES.length) throw new Error('duplicate rule codes in the catalogue');

export function rule(code: string): Rule {
  const found = byCode.get(code);
  if (!found) throw new Error(`unknown rule ${code}`);
  return found;
}

export function hasRule(code: string): boolean {
  return byCode.has(code);
}

export { FILE_RULES, VALUE_RULES, RECORD_RULES, DUPLICATE_RULES, LONGITUDINAL_RULES, IDENTITY_RULES };
