import { describe, expect, it } from 'vitest';
import { VARIABLES } from '../../../src/dictionary/index.js';
import type { FileDescription, ReadSummary } from '../../../src/readers/types.js';
import { exportDate, runIngestionChecks, summaryFindings } from '../../../src/rules/run-checks.js';
import { query } from '../../../src/warehouse/duckdb.js';
import { BASE, recordsDb } from './helpers.js';

const present = new Set([...Object.keys(BASE).filter((k) => !k.endsWith('_precision')).map((k) => k.toUpperCase()), 'DATFIN']);
const summary: ReadSummary = {
  nRecords: 3,
  variablesPresent: present,
  unexpectedVariables: ['CODEPOSTAL'],
  decree: '2016',
  notes: [],
};
const description: FileDescription = {
  format: 'xml',
  encoding: 'utf-8',
  delimiter: null,
  datexport: '2022-01-15',
  versionxsd: null,
  notes: [],
};

describe('runIngestionChecks', () => {
  it('keeps findings and dropped duplicates in DuckDB tables, without repeating a dropped copy’s findings', async () => {
    const conn = await recordsDb([{ ...BASE, lieuacc: null }, { ...BASE, lieuacc: null }, { ...BASE, numdep: '62', natpdecadm: '21' }]);
    const input = { records: 'records', annee: 2021, datexport: '2022-01-15', yearSource: 'filename' as const, summary, description };
    const result = await runIngestionChecks(conn, input);
    expect(result).toEqual({ findingsTable: 'check_findings', droppedTable: 'dropped_duplicates', nFindings: 8 + VARIABLES.length - present.size, nDuplicates: 1 });
    const rows = await query(
      conn,
      "select record_no, rule, variable, value from check_findings where rule <> 'variable-absente-du-fichier' order by all",
    );
    expect(rows).toEqual([
      { record_no: 1, rule: 'lieuacc-absent', variable: 'LIEUACC', value: null },
      { record_no: 2, rule: 'doublon-identique', variable: null, value: "copie de l'enregistrement 1" },
      { record_no: 3, rule: 'code-reserve-jeune-majeur', variable: 'NATPDECADM', value: '21' },
      { record_no: null, rule: 'numdep-melange', variable: 'NUMDEP', value: '59 : 2, 62 : 1' },
      { record_no: null, rule: 'typev-jamais-present', variable: 'TYPEV', value: '2' },
      { record_no: null, rule: 'typev-jamais-present', variable: 'TYPEV', value: '3' },
      { record_no: null, rule: 'variable-inattendue', variable: null, value: 'CODEPOSTAL' },
      { record_no: null, rule: 'variable-toujours-vide', variable: 'DATFIN', value: null },
    ]);
    const absent = await query<{ variable: string }>(
      conn,
      "select variable from check_findings where rule = 'variable-absente-du-fichier' and variable in ('MODACC', 'SEXE')",
    );
    expect(absent).toEqual([{ variable: 'MODACC' }]);
    expect(await query(conn, 'select record_no, rule from dropped_duplicates')).toEqual([{ record_no: 2, rule: 'doublon-identique' }]);

    // Run again on the same connection with a year from the dates: tables are replaced.
    const again = await runIngestionChecks(conn, { ...input, annee: 2020, yearSource: 'dates', datexport: null });
    expect(again.nDuplicates).toBe(1);
    const fileRules = await query(
      conn,
      "select rule, count(*)::integer as n from check_findings where rule in ('annee-incoherente', 'annee-deduite-des-dates', 'date-export-invalide', 'hors-perimetre') group by rule order by rule",
    );
    expect(fileRules).toEqual([
      { rule: 'annee-deduite-des-dates', n: 1 },
      { rule: 'date-export-invalide', n: 1 },
      { rule: 'hors-perimetre', n: 2 },
    ]);
  });

  it('reports a declared year that disagrees with the dates', async () => {
    const conn = await recordsDb([BASE]);
    await runIngestionChecks(conn, { records: 'records', annee: 2020, datexport: null, yearSource: 'option', summary, description });
    expect(await query(conn, "select value from check_findings where rule = 'annee-incoherente'")).toEqual([{ value: '2021' }]);
  });
});

describe('summary findings', () => {
  it('flags the 2011 and unknown decrees', () => {
    const rules = (decree: ReadSummary['decree']) =>
      summaryFindings({ summary: { ...summary, decree }, description, yearSource: 'option', datexport: '2022-01-15' })
        .map((f) => f.rule)
        .filter((r) => r.startsWith('decret'));
    expect(rules('2011')).toEqual(['decret-2011']);
    expect(rules('unknown')).toEqual(['decret-inconnu']);
    expect(rules('2016')).toEqual([]);
  });
  it('parses DATEXPORT, only as a full date', () => {
    expect(exportDate('2022-01-15')).toBe('2022-01-15');
    expect(exportDate('15/01/2022')).toBe('2022-01-15');
    expect(exportDate('2022-01-99')).toBeNull();
    expect(exportDate(null)).toBeNull();
  });
});

describe('DATEXPORT findings', () => {
  it('are left to the reader when the XML INTRO is missing', () => {
    const rules = (notes: ReadSummary['notes']) =>
      summaryFindings({ summary: { ...summary, notes }, description, yearSource: 'option', datexport: null }).map((f) => f.rule);
    expect(rules([])).toContain('date-export-invalide');
    expect(rules([{ rule: 'intro-absente', value: null }])).not.toContain('date-export-invalide');
  });
});
