/**
 * A few inline rows of the national tables (contract columns) for the paths: seven children,
 * active files 2019–2021 (reference date 2021-12-31). Expected answers are in the tests.
 */
import type { DuckDBConnection } from '@duckdb/node-api';

export const MEASURE_ROWS = [
  // measure_id, child, dep, decision, nature, category, decision_date, start_date, end_date, end_imputed, left-censored
  ['A1', 'A', '59', '2', '15', 'aemo', '2020-01-01', '2020-01-01', '2020-03-01', null, false],
  ['A2', 'A', '59', '1', '18', 'hors_perimetre', '2020-03-31', '2020-03-31', '2020-06-30', null, false],
  ['B1', 'B', '59', '2', '15', 'aemo', '2020-01-01', '2020-01-01', '2020-03-01', null, false],
  ['B2', 'B', '59', '2', '15', 'aemo', '2020-04-01', '2020-04-01', '2020-09-30', null, false],
  ['C1', 'C', '62', '2', '17', 'placement_ase', '2020-01-01', '2020-01-01', '2020-06-30', null, false],
  ['C2', 'C', '62', '1', '14', 'accueil_provisoire_mineur', '2020-07-07', '2020-07-07', null, null, false],
  ['D1', 'D', '62', '2', '17', 'placement_ase', '2020-01-01', '2020-01-01', '2020-06-30', null, false],
  ['D2', 'D', '62', '1', '16', 'hors_perimetre', '2020-07-08', '2020-07-08', '2033-12-01', 'majorite-18-ans', false],
  ['E1', 'E', '59', '2', '17', 'placement_ase', '2019-01-01', '2019-01-01', '2020-05-31', null, false],
  ['E2', 'E', '75', '2', '17', 'placement_ase', '2020-06-15', '2020-06-15', '2021-03-31', null, false],
  ['F1', 'F', '93', '1', '10', 'hors_perimetre', '2021-02-01', '2021-02-01', '2021-04-30', null, false],
  ['G1', 'G', '59', '2', '15', 'aemo', null, '2019-03-01', '2020-12-31', null, true],
  ['H1', 'H', '59', '2', '15', 'aemo', null, null, '2020-05-01', null, true],
] as const;

const CHILD_ROWS = [
  ['A', '1', 2010, 3],
  ['B', '2', 2012, 99],
  ['C', '1', 2008, 1],
  ['D', '2', 2015, 12],
  ['E', '1', 2005, 6],
  ['F', '9', 9999, 99],
  ['G', '1', 2006, 5],
] as const;

const sqlValue = (v: string | number | boolean | null): string =>
  v === null ? 'null' : typeof v === 'string' ? `'${v}'` : String(v);

const valuesList = (rows: readonly (readonly (string | number | boolean | null)[])[]): string =>
  rows.map((r) => `(${r.map(sqlValue).join(', ')})`).join(',\n');

export async function createPathInputs(conn: DuckDBConnection): Promise<void> {
  await conn.run(`create table measures (measure_id VARCHAR, child_id VARCHAR, departement VARCHAR, decision VARCHAR,
    nature VARCHAR, drees_category VARCHAR, block VARCHAR, decision_date DATE, start_date DATE, end_date DATE,
    end_imputed VARCHAR, n_periods INTEGER, is_left_censored BOOLEAN)`);
  await conn.run(`insert into measures
    select m, c, d, dec, nat, cat, null, dd::date, sd::date, ed::date, imp, 1, lc
    from (values ${valuesList(MEASURE_ROWS)}) t(m, c, d, dec, nat, cat, dd, sd, ed, imp, lc)`);
  await conn.run(`create table periods (period_id VARCHAR, measure_id VARCHAR, child_id VARCHAR, departement VARCHAR,
    decision VARCHAR, nature VARCHAR, typev VARCHAR, datdecpe DATE, datdeb DATE, datfin DATE, motfinint VARCHAR)`);
  await conn.run(`insert into periods values
    ('pE1', 'E1', 'E', '59', '2', '17', '3', '2019-01-01', '2019-01-01', '2020-05-31', '3'),
    ('pE2', 'E2', 'E', '75', '2', '17', '1', '2020-06-15', '2020-06-15', null, null),
    ('pF1', 'F1', 'F', '93', '1', '10', '3', '2021-02-01', '2021-02-01', '2021-04-30', '3'),
    ('pA1', 'A1', 'A', '59', '2', '15', '3', '2020-01-01', '2020-01-01', '2020-03-01', '1')`);
  await conn.run(`create table children (child_id VARCHAR, sexe VARCHAR, anais SMALLINT, mnais SMALLINT,
    first_departement VARCHAR, n_departements INTEGER, first_event_date DATE)`);
  await conn.run(`insert into children select c, s, y, m, null, 1, null from (values ${valuesList(CHILD_ROWS)}) t(c, s, y, m)`);
  await conn.run(`create table receipts (file_id VARCHAR, sha256 VARCHAR, departement VARCHAR, annee SMALLINT,
    status VARCHAR)`);
  await conn.run(`insert into receipts values
    ('f1', '${'a'.repeat(64)}', '59', 2019, 'active'),
    ('f2', '${'b'.repeat(64)}', '59', 2021, 'active'),
    ('f3', '${'c'.repeat(64)}', '62', 2022, 'superseded'),
    ('f4', '${'d'.repeat(64)}', '62', 2020, 'active')`);
}
