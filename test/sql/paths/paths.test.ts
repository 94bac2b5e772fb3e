import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { pino } from 'pino';
import { buildPaths, referencePeriod } from '../../../src/paths/index.js';
import { query } from '../../../src/warehouse/duckdb.js';
import { createPathInputs } from './paths-fixture.js';

let instance: DuckDBInstance;
let conn: DuckDBConnection;
let rows: Record<string, number>;

beforeAll(async () => {
  instance = await DuckDBInstance.create(':memory:');
  conn = await instance.connect();
  await createPathInputs(conn);
  rows = await buildPaths(conn, pino({ level: 'silent' }));
});

afterAll(() => {
  conn.closeSync();
  instance.closeSync();
});

describe('reference period', () => {
  it('runs from the first to the last active year; superseded files do not count', async () => {
    expect(await referencePeriod(conn)).toEqual({ firstYear: 2019, lastYear: 2021, referenceDate: '2021-12-31' });
  });
});

describe('parcours', () => {
  const spells = (child: string, kind: string) =>
    query(
      conn,
      `select spell_no, start_date::varchar as start_date, end_date::varchar as end_date, n_measures,
         n_departements, is_right_censored, is_left_censored
       from parcours where child_id = $child and kind = $kind order by spell_no`,
      { child, kind },
    );

  it('merges a gap of 30 days, hors périmètre included', async () => {
    expect(await spells('A', 'any')).toEqual([
      { spell_no: 1, start_date: '2020-01-01', end_date: '2020-06-30', n_measures: 2, n_departements: 1, is_right_censored: false, is_left_censored: false },
    ]);
    expect(await spells('A', 'accueil')).toEqual([]);
  });

  it('splits at a gap of 31 days', async () => {
    expect(await spells('B', 'any')).toEqual([
      { spell_no: 1, start_date: '2020-01-01', end_date: '2020-03-01', n_measures: 1, n_departements: 1, is_right_censored: false, is_left_censored: false },
      { spell_no: 2, start_date: '2020-04-01', end_date: '2020-09-30', n_measures: 1, n_departements: 1, is_right_censored: false, is_left_censored: false },
    ]);
  });

  it('merges an accueil gap of 7 days; an open measure runs to the reference date', async () => {
    const expected = [
      { spell_no: 1, start_date: '2020-01-01', end_date: '2021-12-31', n_measures: 2, n_departements: 1, is_right_censored: true, is_left_censored: false },
    ];
    expect(await spells('C', 'accueil')).toEqual(expected);
    expect(await spells('C', 'any')).toEqual(expected);
  });

  it('splits accueil at a gap of 8 days but not the any-measure spell; an imputed end past the reference date is cut', async () => {
    expect(await spells('D', 'accueil')).toEqual([
      { spell_no: 1, start_date: '2020-01-01', end_date: '2020-06-30', n_measures: 1, n_departements: 1, is_right_censored: false, is_left_censored: false },
      { spell_no: 2, start_date: '2020-07-08', end_date: '2021-12-31', n_measures: 1, n_departements: 1, is_right_censored: true, is_left_censored: false },
    ]);
    expect(await spells('D', 'any')).toEqual([
      { spell_no: 1, start_date: '2020-01-01', end_date: '2021-12-31', n_measures: 2, n_departements: 1, is_right_censored: true, is_left_censored: false },
    ]);
  });

  it('counts the départements of a spell and keeps left censoring', async () => {
    expect(await spells('E', 'any')).toEqual([
      { spell_no: 1, start_date: '2019-01-01', end_date: '2021-03-31', n_measures: 2, n_departements: 2, is_right_censored: false, is_left_censored: false },
    ]);
    expect(await spells('G', 'any')).toEqual([
      { spell_no: 1, start_date: '2019-03-01', end_date: '2020-12-31', n_measures: 1, n_departements: 1, is_right_censored: false, is_left_censored: true },
    ]);
  });

  it('leaves out measures whose beginning is unknown', async () => {
    expect(await spells('H', 'any')).toEqual([]);
    expect(rows.parcours).toBe(13);
  });
});

describe('mobility', () => {
  it('lists children with several départements or a transfer, and whether the transfer was followed', async () => {
    expect(
      await query(
        conn,
        `select child_id, n_departements, departements, first_departement, last_departement, n_transfers,
           n_transfers_followed, first_transfer_date::varchar as first_transfer_date
         from mobility order by child_id`,
      ),
    ).toEqual([
      { child_id: 'E', n_departements: 2, departements: '59,75', first_departement: '59', last_departement: '75', n_transfers: 1, n_transfers_followed: 1, first_transfer_date: '2020-05-31' },
      { child_id: 'F', n_departements: 1, departements: '93', first_departement: '93', last_departement: '93', n_transfers: 1, n_transfers_followed: 0, first_transfer_date: '2021-04-30' },
    ]);
  });
});

describe('entries and entry cohorts', () => {
  it('gives each child its first measure, age, time to placement and re-entry', async () => {
    expect(
      await query(
        conn,
        `select child_id, entry_date::varchar as entry_date, entry_year, entry_departement, is_left_censored, age_at_entry,
           n_measures, n_departements, days_to_first_placement, first_exit_date::varchar as first_exit_date,
           reentry_date::varchar as reentry_date, reentry_within_12m
         from entries order by child_id`,
      ),
    ).toEqual([
      { child_id: 'A', entry_date: '2020-01-01', entry_year: 2020, entry_departement: '59', is_left_censored: false, age_at_entry: 9, n_measures: 2, n_departements: 1, days_to_first_placement: null, first_exit_date: '2020-06-30', reentry_date: null, reentry_within_12m: false },
      { child_id: 'B', entry_date: '2020-01-01', entry_year: 2020, entry_departement: '59', is_left_censored: false, age_at_entry: 7, n_measures: 2, n_departements: 1, days_to_first_placement: null, first_exit_date: '2020-03-01', reentry_date: '2020-04-01', reentry_within_12m: true },
      { child_id: 'C', entry_date: '2020-01-01', entry_year: 2020, entry_departement: '62', is_left_censored: false, age_at_entry: 12, n_measures: 2, n_departements: 1, days_to_first_placement: 0, first_exit_date: null, reentry_date: null, reentry_within_12m: null },
      { child_id: 'D', entry_date: '2020-01-01', entry_year: 2020, entry_departement: '62', is_left_censored: false, age_at_entry: 4, n_measures: 2, n_departements: 1, days_to_first_placement: 0, first_exit_date: null, reentry_date: null, reentry_within_12m: null },
      { child_id: 'E', entry_date: '2019-01-01', entry_year: 2019, entry_departement: '59', is_left_censored: false, age_at_entry: 13, n_measures: 2, n_departements: 2, days_to_first_placement: 0, first_exit_date: '2021-03-31', reentry_date: null, reentry_within_12m: null },
      { child_id: 'F', entry_date: '2021-02-01', entry_year: 2021, entry_departement: '93', is_left_censored: false, age_at_entry: null, n_measures: 1, n_departements: 1, days_to_first_placement: null, first_exit_date: '2021-04-30', reentry_date: null, reentry_within_12m: null },
      { child_id: 'G', entry_date: '2019-03-01', entry_year: 2019, entry_departement: '59', is_left_censored: true, age_at_entry: 12, n_measures: 1, n_departements: 1, days_to_first_placement: null, first_exit_date: '2020-12-31', reentry_date: null, reentry_within_12m: false },
    ]);
  });

  it('aggregates observed entries by year, left-censored entries apart', async () => {
    expect(await query(conn, 'select * from entry_cohorts order by entry_year')).toEqual([
      { entry_year: 2019, n_children: 1, n_left_censored: 1, n_boys: 1, n_girls: 0, n_age_known: 1, mean_age_at_entry: 13, median_age_at_entry: 13, mean_measures: 2, mean_departements: 2, n_several_departements: 1, n_placed: 1, n_placed_at_entry: 1, n_placed_within_12m: 1, median_days_to_first_placement: 0, n_exits: 1, n_exits_observed_12m: 0, n_reentries_12m: 0 },
      { entry_year: 2020, n_children: 4, n_left_censored: 0, n_boys: 2, n_girls: 2, n_age_known: 4, mean_age_at_entry: 8, median_age_at_entry: 8, mean_measures: 2, mean_departements: 1, n_several_departements: 0, n_placed: 2, n_placed_at_entry: 2, n_placed_within_12m: 2, median_days_to_first_placement: 0, n_exits: 2, n_exits_observed_12m: 2, n_reentries_12m: 1 },
      { entry_year: 2021, n_children: 1, n_left_censored: 0, n_boys: 0, n_girls: 0, n_age_known: 0, mean_age_at_entry: null, median_age_at_entry: null, mean_measures: 1, mean_departements: 1, n_several_departements: 0, n_placed: 0, n_placed_at_entry: 0, n_placed_within_12m: 0, median_days_to_first_placement: null, n_exits: 1, n_exits_observed_12m: 0, n_reentries_12m: 0 },
    ]);
    expect(rows).toEqual({ parcours: 13, mobility: 2, entries: 7, entry_cohorts: 3 });
  });
});
