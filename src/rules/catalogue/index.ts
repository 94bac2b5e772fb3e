/**
 * The rule catalogue: every finding the pipeline can emit. Each family lives in its own file.
 * Bump CATALOGUE_VERSION whenever a rule is added, removed or changes meaning.
 */
import type { Rule } from '../types.js';

export const CATALOGUE_VERSION = '1';

const families: readonly (readonly Rule[])[] = [];

export const RULES: readonly Rule[] = Object.freeze(families.flat());

const byCode = new Map(RULES.map((r) => [r.code, r]));
if (byCode.size !== RULES.length) throw new Error('duplicate rule codes in the catalogue');

export function rule(code: string): Rule {
  const found = byCode.get(code);
  if (!found) throw new Error(`unknown rule ${code}`);
  return found;
}
