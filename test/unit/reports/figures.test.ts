/** The figure SQL of `sql/reports/` on a few inline rows, with exact answers. */
import { listValue, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openDuckDB, selectRows } from '../../../src/warehouse/duckdb.js';
import { createVariableScopeTable, VARIABLE_SCOPES } from '../../../src/reports/expected-use.js';
import { createCategoriesTable, HIDDEN_VARIABLES } from '../../../src/reports/data.js';
import { createBaseAnneeTable, insertRows, type Row } from '../../fixtures/reports/warehouse.js';

let conn: DuckDBConnection;

beforeAll(async () => {
  conn = await openDuckDB();
  await createCategoriesTable(conn);
});
afterAll(() => conn.closeSync());

const CATEGORIES = { categories: 'rpt_categories' };

describe('completeness', () => {
  test('share of expected values filled in and not "ne sait pas"', async () => {
    await createBaseAnneeTable(conn, 'base');
    await createVariableScopeTable(conn, 'scope');
    const common = {
      file_id: 'f',
      departement: '59',
      annee: 2020,
      child_id: 'x',
      datdecpe: '2020-03-01',
      datdecpe_precision: 'day',
    };
    await insertRows(conn, 'base', [
      { ...common, record_no: 1, typev: '1', sexe: '1', anais: 2010, mnais: 5, titap: '99' },
      {
        ...common,
        record_no: 2,
        typev: '3',
        sexe: '9',
        anais: 2000,
        mnais: 1,
        titap: '1',
        datfin_precision: 'unknown',
        natdecplac: '1',
      },
      {
        ...common,
        record_no: 3,
        typev: '3',
        sexe: null,
        anais: 9999,
        mnais: 99,
        datfin: '2020-06-01',
        datfin_precision: 'day',
        natdecplac: '9',
      },
    ]);
    const rows = await selectRows<{
      variable: string;
      n_expected: number;
      n_filled: number;
      n_known: number;
      completeness: number;
    }>(
      conn,
      'reports/completeness',
      { base: 'base', variable_scope: 'scope' },
      { columns: listValue(VARIABLE_SCOPES.map((s) => s.valueColumn)) },
    );
    const get = (v: string) => {
      const r = rows.find((x) => x.variable === v);
      return r && [r.n_expected, r.n_filled, r.n_known, Math.round(r.completeness * 1000) / 1000];
    };
    expect(get('SEXE')).toEqual([3, 2, 1, 0.333]);
    expect(get('ANAIS')).toEqual([3, 3, 2, 0.667]);
    // Minors only: the 20-year-old is not expected; the child of unknown age is.
    expect(get('TITAP')).toEqual([2, 1, 0, 0]);
    // End records only; a date is unknown by its precision.
    expect(get('DATFIN')).toEqual([2, 2, 1, 0.5]);
    // Conditional on the decision: only the values given are expected.
    expect(get('NATDECPLAC')).toEqual([2, 2, 1, 0.5]);
    expect(get('MODACC')).toBeUndefined();
    expect(get('TRAITINFO')).toEqual([1, 0, 0, 0]);
  });
});

describe('file quality', () => {
  test('40 accepted + 30 without warning + 30 completeness', async () => {
    await conn.run(`create or replace table receipts (file_id VARCHAR, departement VARCHAR, annee INTEGER, status VARCHAR,
      n_records INTEGER, n_rejected INTEGER, n_duplicates INTEGER, received_at TIMESTAMP, superseded_by VARCHAR)`);
    await insertRows(conn, 'receipts', [
      {
        file_id: 'a',
        departement: '59',
        annee: 2020,
        status: 'active',
        n_records: 10,
        n_rejected: 2,
        n_duplicates: 0,
      },
      {
        file_id: 'b',
        departement: '59',
        annee: 2021,
        status: 'rejected',
        n_records: 0,
        n_rejected: 0,
        n_duplicates: 0,
      },
      {
        file_id: 'c',
        departement: '59',
        annee: 2022,
        status: 'active',
        n_records: 0,
        n_rejected: 0,
        n_duplicates: 0,
      },
    ]);
    await conn.run(`create or replace table ff (file_id VARCHAR, departement VARCHAR, annee INTEGER, record_no INTEGER, rule VARCHAR,
      severity VARCHAR, variable VARCHAR, value VARCHAR, message VARCHAR)`);
    const w = (record_no: number | null, severity = 'warning'): Row => ({
      file_id: 'a',
      record_no,
      rule: 'r',
      severity,
      message: 'm',
    });
    await insertRows(conn, 'ff', [w(1), w(1), w(2), w(null), w(3, 'info'), w(5, 'error')]);
    await conn.run(
      `create or replace table comp (file_id VARCHAR, variable VARCHAR, n_expected INTEGER, completeness DOUBLE)`,
    );
    await insertRows(conn, 'comp', [
      { file_id: 'a', variable: 'SEXE', n_expected: 8, completeness: 1 },
      { file_id: 'a', variable: 'ANAIS', n_expected: 8, completeness: 0.5 },
    ]);
    const rows = await selectRows<{
      file_id: string;
      score: number | null;
      accepted_share: number;
      clean_share: number;
      mean_completeness: number;
    }>(conn, 'reports/file_quality', { receipts: 'receipts', file_findings: 'ff', completeness: 'comp' });
    const a = rows.find((r) => r.file_id === 'a')!;
    expect([a.accepted_share, a.clean_share, a.mean_completeness, a.score]).toEqual([0.8, 0.75, 0.75, 77]);
    expect(rows.find((r) => r.file_id === 'b')?.score).toBe(0);
    expect(rows.find((r) => r.file_id === 'c')?.score).toBeNull();
  });
});

describe('coverage', () => {
  test('received, corrected, refused, replaced', async () => {
    await conn.run('delete from receipts');
    await insertRows(conn, 'receipts', [
      { file_id: 'a', departement: '59', annee: 2019, status: 'active', received_at: '2020-01-01' },
      {
        file_id: 'b',
        departement: '59',
        annee: 2020,
        status: 'superseded',
        received_at: '2021-01-01',
        superseded_by: 'c',
      },
      { file_id: 'c', departement: '59', annee: 2020, status: 'active', received_at: '2021-02-01' },
      { file_id: 'd', departement: '48', annee: 2020, status: 'rejected', received_at: '2021-01-01' },
      { file_id: 'e', departement: '13', annee: 2021, status: 'superseded', received_at: '2022-01-01' },
      { file_id: 'g', departement: null, annee: null, status: 'rejected', received_at: '2022-01-01' },
    ]);
    const rows = await selectRows<Record<string, unknown>>(conn, 'reports/coverage', {
      receipts: 'receipts',
    });
    expect(rows.map((r) => [r.departement, r.annee, r.status, r.report_file_id, r.n_superseded])).toEqual([
      ['13', 2021, 'remplace', 'e', 1],
      ['48', 2020, 'refuse', 'd', 0],
      ['59', 2019, 'recu', 'a', 0],
      ['59', 2020, 'corrige', 'c', 1],
    ]);
  });
});

describe('stock figures', () => {
  beforeAll(async () => {
    await conn.run(
      'create or replace table stock (departement VARCHAR, annee INTEGER, drees_category VARCHAR, n_measures INTEGER, n_children INTEGER)',
    );
    const s = (departement: string, annee: number, drees_category: string, n: number): Row => ({
      departement,
      annee,
      drees_category,
      n_measures: n,
      n_children: n,
    });
    await insertRows(conn, 'stock', [
      s('59', 2020, 'placement_ase', 10),
      s('59', 2020, 'aemo', 5),
      s('59', 2020, 'tutelle', 2),
      s('59', 2020, 'hors_perimetre', 99),
      s('75', 2020, 'placement_ase', 20),
      s('75', 2020, 'aed', 10),
      s('2A', 2020, 'placement_ase', 30),
      s('2B', 2020, 'placement_ase', 50),
      s('59', 2019, 'placement_ase', 9),
    ]);
  });

  test('by category with France as the sum', async () => {
    const rows = await selectRows<Record<string, unknown>>(conn, 'reports/stock_by_category', {
      stock_31dec: 'stock',
      ...CATEGORIES,
    });
    expect(
      rows.filter((r) => r.departement === null).map((r) => [r.annee, r.drees_category, r.n_measures]),
    ).toEqual([
      [2019, 'placement_ase', 9],
      [2020, 'aed', 10],
      [2020, 'aemo', 5],
      [2020, 'placement_ase', 110],
      [2020, 'tutelle', 2],
    ]);
  });

  test('share of placements', async () => {
    const rows = await selectRows<Record<string, unknown>>(conn, 'reports/placement_share', {
      stock_31dec: 'stock',
      ...CATEGORIES,
    });
    const get = (d: string | null, y: number) => rows.find((r) => r.departement === d && r.annee === y);
    expect(get('59', 2020)).toMatchObject({ n_placements: 12, n_measures: 17 });
    expect(get('59', 2020)?.share).toBeCloseTo(12 / 17, 12);
    expect(get('75', 2020)).toMatchObject({ n_placements: 20, n_measures: 30 });
    expect(get(null, 2020)).toMatchObject({ n_placements: 112, n_measures: 127 });
  });

  test('DREES comparison: Corsica as one, France over the cells present in both', async () => {
    await conn.run(
      'create or replace table drees (departement VARCHAR, annee INTEGER, drees_category VARCHAR, n_measures INTEGER)',
    );
    await insertRows(conn, 'drees', [
      { departement: '20', annee: 2020, drees_category: 'placement_ase', n_measures: 100 },
      { departement: '59', annee: 2020, drees_category: 'placement_ase', n_measures: 8 },
      { departement: '59', annee: 2020, drees_category: 'aemo', n_measures: null },
      { departement: '59', annee: 2020, drees_category: 'retrait_partiel_autorite_parentale', n_measures: 1 },
    ]);
    const rows = await selectRows<Record<string, unknown>>(conn, 'reports/drees_comparison', {
      stock_31dec: 'stock',
      drees: 'drees',
      ...CATEGORIES,
    });
    expect(
      rows.map((r) => [
        r.drees_departement,
        r.drees_category,
        r.in_reference,
        r.n_olinpe,
        r.n_drees,
        r.ratio,
      ]),
    ).toEqual([
      ['20', 'placement_ase', true, 80, 100, 0.8],
      ['59', 'tutelle', false, 2, null, null],
      ['59', 'placement_ase', true, 10, 8, 1.25],
      ['59', 'aemo', true, 5, null, null],
      ['75', 'placement_ase', false, 20, null, null],
      ['75', 'aed', false, 10, null, null],
      [null, 'placement_ase', true, 90, 108, 90 / 108],
    ]);
    expect(rows.every((r) => r.is_whole === true)).toBe(true);
  });

  test('DREES comparison: half of Corsica stays out of France', async () => {
    await conn.run("create or replace table stock_half as select * from stock where departement <> '2B'");
    const rows = await selectRows<Record<string, unknown>>(conn, 'reports/drees_comparison', {
      stock_31dec: 'stock_half',
      drees: 'drees',
      ...CATEGORIES,
    });
    expect(
      rows.filter((r) => r.drees_departement === '20').map((r) => [r.n_olinpe, r.n_drees, r.is_whole]),
    ).toEqual([[30, 100, false]]);
    expect(
      rows.filter((r) => r.drees_departement === null).map((r) => [r.drees_category, r.n_olinpe, r.n_drees]),
    ).toEqual([['placement_ase', 10, 8]]);
  });
});

describe('measures figures', () => {
  beforeAll(async () => {
    await conn.run(`create or replace table measures (measure_id VARCHAR, child_id VARCHAR, departement VARCHAR, drees_category VARCHAR,
      decision_date DATE, start_date DATE, end_date DATE, end_imputed VARCHAR, is_left_censored BOOLEAN)`);
    await conn.run(
      `create or replace table children (child_id VARCHAR, sexe VARCHAR, anais SMALLINT, mnais SMALLINT)`,
    );
  });

  test('median duration of recorded ends', async () => {
    await conn.run('delete from measures');
    const m = (
      id: string,
      dep: string,
      cat: string,
      start: string,
      end: string | null,
      extra: Row = {},
    ): Row => ({
      measure_id: id,
      child_id: id,
      departement: dep,
      drees_category: cat,
      decision_date: start,
      start_date: start,
      end_date: end,
      end_imputed: null,
      is_left_censored: 0,
      ...extra,
    });
    await insertRows(conn, 'measures', [
      m('1', '59', 'placement_ase', '2020-01-01', '2020-01-11'),
      m('2', '59', 'placement_ase', '2020-01-01', '2020-01-21'),
      m('3', '59', 'placement_ase', '2020-01-01', '2020-01-31'),
      m('4', '59', 'placement_ase', '2020-01-01', '2020-02-10'),
      m('5', '59', 'placement_ase', '2020-01-01', '2020-02-20'),
      m('6', '59', 'placement_ase', '2020-01-01', '2021-01-01', { end_imputed: 'age-21' }),
      m('7', '59', 'placement_ase', '2020-01-01', '2021-01-01', { is_left_censored: 1 }),
      m('8', '59', 'placement_ase', '2020-01-01', null),
      m('9', '75', 'aed', '2020-01-01', '2020-04-10'),
      m('10', '75', 'hors_perimetre', '2020-01-01', '2020-04-10'),
    ]);
    const rows = await selectRows<Record<string, unknown>>(conn, 'reports/durations', {
      measures: 'measures',
      ...CATEGORIES,
    });
    expect(rows.map((r) => [r.departement, r.drees_category, r.n_measures, r.median_days])).toEqual([
      ['59', 'placement_ase', 5, 30],
      ['75', 'aed', 1, 100],
      [null, 'aed', 1, 100],
      [null, 'placement_ase', 5, 30],
    ]);
  });

  test('entries and exits in the years of the files', async () => {
    await conn.run('delete from measures');
    await conn.run('delete from receipts');
    await insertRows(conn, 'receipts', [
      { file_id: 'a', departement: '59', annee: 2019, status: 'active' },
      { file_id: 'b', departement: '59', annee: 2020, status: 'active' },
      { file_id: 'c', departement: '59', annee: 2021, status: 'rejected' },
    ]);
    await insertRows(conn, 'measures', [
      {
        measure_id: '1',
        departement: '59',
        drees_category: 'aemo',
        decision_date: '2019-05-01',
        start_date: '2019-05-01',
        end_date: '2020-02-01',
      },
      {
        measure_id: '2',
        departement: '59',
        drees_category: 'aemo',
        decision_date: '2020-01-01',
        start_date: null,
        end_date: null,
      },
      {
        measure_id: '3',
        departement: '59',
        drees_category: 'aemo',
        decision_date: '2018-12-01',
        start_date: '2018-12-01',
        end_date: '2019-01-10',
      },
      {
        measure_id: '4',
        departement: '59',
        drees_category: 'aemo',
        decision_date: '2019-12-20',
        start_date: '2020-01-05',
        end_date: null,
      },
    ]);
    const rows = await selectRows<Record<string, unknown>>(conn, 'reports/entries_exits', {
      measures: 'measures',
      receipts: 'receipts',
    });
    expect(rows.map((r) => [r.departement, r.annee, r.n_entries, r.n_exits])).toEqual([
      ['59', 2019, 2, 1],
      ['59', 2020, 1, 1],
      [null, 2019, 2, 1],
      [null, 2020, 1, 1],
    ]);
  });

  test('children in force on 31 December by age group and sex', async () => {
    await conn.run('delete from measures');
    await insertRows(conn, 'children', [
      { child_id: 'a', sexe: '1', anais: 2010, mnais: 5 },
      { child_id: 'b', sexe: '2', anais: 2003, mnais: 1 },
      { child_id: 'c', sexe: '1', anais: 2012, mnais: 1 },
      { child_id: 'd', sexe: '2', anais: 2012, mnais: 1 },
      { child_id: 'e', sexe: '1', anais: 1999, mnais: 6 },
    ]);
    const m = (id: string, child: string, cat: string, end: string | null): Row => ({
      measure_id: id,
      child_id: child,
      departement: '59',
      drees_category: cat,
      decision_date: '2019-01-01',
      start_date: '2019-01-01',
      end_date: end,
    });
    await insertRows(conn, 'measures', [
      m('1', 'a', 'aemo', null),
      m('2', 'a', 'placement_ase', null),
      m('3', 'b', 'placement_ase', '2020-12-31'),
      m('4', 'c', 'hors_perimetre', null),
      m('5', 'd', 'aemo', '2020-12-30'),
      m('6', 'e', 'placement_ase', null),
    ]);
    await conn.run("delete from stock where not (departement = '59' and annee = 2020)");
    const rows = await selectRows<Record<string, unknown>>(conn, 'reports/children_age_sex', {
      measures: 'measures',
      children: 'children',
      stock_31dec: 'stock',
      ...CATEGORIES,
    });
    expect(rows.map((r) => [r.departement, r.annee, r.age_group, r.sexe, r.n_children])).toEqual([
      ['59', 2020, '16-17', '2', 1],
      ['59', 2020, '6-10', '1', 1],
      [null, 2020, '16-17', '2', 1],
      [null, 2020, '6-10', '1', 1],
    ]);
  });
});

describe('finding examples', () => {
  test('first records per rule, identifying values masked', async () => {
    await conn.run('delete from ff');
    const hex = 'abcdef0123456789abcdef0123456789abcdef01';
    const f = (record_no: number, rule: string, variable: string, value: string, message = 'm'): Row => ({
      file_id: 'a',
      record_no,
      rule,
      severity: 'warning',
      variable,
      value,
      message,
    });
    await insertRows(conn, 'ff', [
      f(3, 'code-invalide', 'SEXE', '7'),
      f(1, 'code-invalide', 'sexe', '8'),
      f(9, 'code-invalide', 'SEXE', '6'),
      f(2, 'numanonym-inutilisable', 'NUMANONYM', 'court'),
      f(4, 'autre', 'AUTREDA', 'Dupont'),
      f(5, 'autre2', 'NBFRAT', hex, `valeur ${hex} reçue`),
    ]);
    const rows = await selectRows<Record<string, unknown>>(
      conn,
      'reports/file_finding_examples',
      { file_findings: 'ff' },
      {
        hidden_variables: listValue([...HIDDEN_VARIABLES]),
        per_rule: 2,
      },
    );
    expect(rows.map((r) => [r.rule, r.record_no, r.variable, r.value, r.message])).toEqual([
      ['autre', 4, 'AUTREDA', '(masqué)', 'm'],
      ['autre2', 5, 'NBFRAT', '(masqué)', 'valeur (masqué) reçue'],
      ['code-invalide', 1, 'SEXE', '8', 'm'],
      ['code-invalide', 3, 'SEXE', '7', 'm'],
      ['numanonym-inutilisable', 2, 'NUMANONYM', '(masqué)', 'm'],
    ]);
  });
});
