import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { VARIABLES } from '../../../src/dictionary/index.js';
import {
  DUPLICATE_RULES,
  FILE_RULES,
  RECORD_RULES,
  RULES,
  VALUE_RULES,
  hasRule,
  rule,
} from '../../../src/rules/catalogue/index.js';
import { FILE_SQL_CHECKS, RECORD_CHECKS } from '../../../src/rules/run-checks.js';
import { PROJECT_ROOT, SQL_DIR } from '../../../src/warehouse/sql-files.js';

const sqlFiles = (dir: string): string[] =>
  readdirSync(join(SQL_DIR, 'checks', dir))
    .filter((f) => f.endsWith('.sql'))
    .map((f) => f.slice(0, -4))
    .sort();
const variablesIn = (file: string): string[] =>
  [
    ...readFileSync(join(SQL_DIR, 'checks', 'record', `${file}.sql`), 'utf8').matchAll(
      /'([A-Z0-9]+)' as variable/g,
    ),
  ]
    .map((m) => m[1] as string)
    .sort();
const names = (pred: (v: (typeof VARIABLES)[number]) => boolean): string[] =>
  VARIABLES.filter(pred)
    .map((v) => v.name)
    .sort();

describe('rule catalogue', () => {
  it('declares each rule once, in its family, with French message and fix', () => {
    expect(new Set(RULES.map((r) => r.code)).size).toBe(RULES.length);
    for (const [family, rules] of [
      ['file', FILE_RULES],
      ['value', VALUE_RULES],
      ['record', RECORD_RULES],
      ['duplicate', DUPLICATE_RULES],
    ] as const) {
      for (const r of rules) {
        expect(r.family).toBe(family);
        expect(r.messageFr.length).toBeGreaterThan(20);
        expect(r.fixFr.length).toBeGreaterThan(20);
        for (const v of r.variables) expect(VARIABLES.some((x) => x.name === v)).toBe(true);
      }
    }
    expect(rule('hors-perimetre').severity).toBe('warning');
    expect(rule('numanonym-inutilisable').severity).toBe('error');
    expect(() => rule('inexistante')).toThrow();
  });

  it('has the file-level codes the readers and the ingestion emit', () => {
    for (const code of [
      'fichier-illisible',
      'fichier-vide',
      'numanonym-absent-du-fichier',
      'encodage-non-conforme',
      'xml-mal-forme',
      'annee-incoherente',
      'decret-2011',
      'numdep-melange',
      'numdep-absent',
      'variable-absente-du-fichier',
      'variable-inattendue',
      'aucun-enregistrement-exploitable',
      'departement-inconnu',
      'annee-inconnue',
      'intro-absente',
      'nombre-de-colonnes-incorrect',
      'variable-repetee',
    ]) {
      expect(hasRule(code), code).toBe(true);
    }
  });

  it('has every rule code the typer emits', () => {
    const typer = readFileSync(join(PROJECT_ROOT, 'src', 'values', 'typer.ts'), 'utf8');
    const codes = [...typer.matchAll(/rule: '([a-z0-9-]+)'/g)].map((m) => m[1] as string);
    expect(codes.length).toBeGreaterThan(8);
    for (const c of codes) expect(hasRule(c), c).toBe(true);
  });

  it('has one SQL check per record rule and per SQL file rule, and no stray file', () => {
    expect(sqlFiles('record')).toEqual([...RECORD_CHECKS].sort());
    expect(sqlFiles('file')).toEqual([...FILE_SQL_CHECKS].sort());
    for (const code of FILE_SQL_CHECKS) expect(rule(code).family).toBe('file');
    expect(sqlFiles('duplicates')).toEqual(['dropped_duplicates']);
  });

  it('keeps the dictionary-derived checks in step with the dictionary', () => {
    expect(variablesIn('fin-hors-typev-3')).toEqual(names((v) => v.typev?.join() === '3'));
    expect(variablesIn('chglieu-hors-renouvellement')).toEqual(names((v) => v.typev?.join() === '2'));
    expect(variablesIn('information-initiale-hors-typev-1')).toEqual(names((v) => v.typev?.join() === '1'));
    expect(variablesIn('evaluation-sur-renouvellement')).toEqual(names((v) => v.typev?.join() === '1,3'));
    expect(variablesIn('variable-reservee-mineur')).toEqual(names((v) => v.appliesTo === 'minor'));
    expect(variablesIn('variable-reservee-jeune-majeur')).toEqual(
      names((v) => v.appliesTo === 'young_adult'),
    );
    expect(variablesIn('date-posterieure-export')).toEqual(
      names((v) => v.kind === 'date' || v.kind === 'yearmonth'),
    );
    const alwaysEmpty = readFileSync(join(SQL_DIR, 'checks', 'file', 'variable-toujours-vide.sql'), 'utf8');
    expect([...alwaysEmpty.matchAll(/as "([A-Z0-9]+)"/g)].map((m) => m[1]).sort()).toEqual(names(() => true));
  });
});

describe('stored findings', () => {
  it('take severity and French message from the catalogue', async () => {
    const { toStoredFinding } = await import('../../../src/rules/describe.js');
    const context = { file_id: 'f1', departement: '59', annee: 2021 };
    expect(
      toStoredFinding({ record_no: 4, rule: 'code-invalide', variable: 'SEXE', value: '7' }, context),
    ).toEqual({
      ...context,
      record_no: 4,
      rule: 'code-invalide',
      variable: 'SEXE',
      value: '7',
      severity: 'warning',
      message: rule('code-invalide').messageFr,
    });
    expect(() =>
      toStoredFinding({ record_no: null, rule: 'inconnue', variable: null, value: null }, context),
    ).toThrow();
  });
});
