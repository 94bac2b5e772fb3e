import { describe, expect, it } from 'vitest';
import { Fixture, num } from './helpers.js';

interface PeriodRow {
  typev: string;
  datdecpe: string | null;
  begin: string | null;
  end: string | null;
  end_source: string | null;
  end_imputed: string | null;
  end_match: string | null;
  measure: number;
  left: boolean;
}

/** Periods of one child with their measure numbered 1, 2… in order of beginning. */
async function periods(f: Fixture, child = 1): Promise<PeriodRow[]> {
  return f.rows<PeriodRow>(
    `with p as (select * from periods where child_id = '${num(child)}'),
     m as (select measure_id, dense_rank() over (order by min(begin_date) nulls first, measure_id) as measure
           from p group by measure_id)
     select p.typev, cast(p.datdecpe as varchar) as datdecpe, cast(p.begin_date as varchar) as begin,
       cast(p.end_date as varchar) as end, p.end_source, p.end_imputed, p.end_match,
       cast(m.measure as integer) as measure, p.is_left_censored as left
     from p join m using (measure_id)
     order by p.begin_date nulls first, p.typev`,
  );
}

const UNKNOWN = { datdecpe: null, extra: { datdecpe_precision: 'unknown' } } as const;

describe('periods (domain §6)', () => {
  it('closes a period with the end of the same key received the next year', async () => {
    const f = await Fixture.create();
    await f.events([
      { year: 2019, child: 1, typev: '1', datdecpe: '2019-03-01', datdeb: '2019-03-05' },
      { year: 2020, child: 1, typev: '3', datdecpe: '2019-03-01', datdeb: '2019-03-05', datfin: '2020-06-30' },
    ]);
    await f.build();
    expect(await periods(f)).toEqual([
      { typev: '1', datdecpe: '2019-03-01', begin: '2019-03-01', end: '2020-06-30', end_source: 'recorded', end_imputed: null, end_match: 'exact', measure: 1, left: false },
    ]);
    expect(await f.findings()).toEqual([]);
  });

  it('closes with an end record without DATDECPE the period of the same DATDEB', async () => {
    const f = await Fixture.create();
    await f.events([
      { year: 2019, child: 1, typev: '1', datdecpe: '2019-03-01', datdeb: '2019-03-10' },
      { year: 2019, child: 1, typev: '1', datdecpe: '2019-08-01', datdeb: '2019-08-01', decision: '2', nature: '15' },
      { year: 2020, child: 1, typev: '3', ...UNKNOWN, datdeb: '2019-03-10', datfin: '2020-02-29' },
    ]);
    await f.build();
    const rows = (await periods(f)).filter((r) => r.datdecpe === '2019-03-01');
    expect(rows.map((r) => [r.end, r.end_match])).toEqual([['2020-02-29', 'datdeb']]);
    expect(await f.findings()).toEqual([]);
  });

  it('attaches an end without DATDECPE nor matching DATDEB to the latest open period begun before DATFIN, with a finding', async () => {
    const f = await Fixture.create();
    await f.events([
      { year: 2018, child: 1, typev: '1', datdecpe: '2018-01-10', datdeb: '2018-01-10' },
      { year: 2019, child: 1, typev: '1', datdecpe: '2019-05-01', datdeb: '2019-05-01' },
      { year: 2019, child: 1, typev: '1', datdecpe: '2019-11-01', datdeb: '2019-11-01' },
      { year: 2019, child: 1, typev: '3', ...UNKNOWN, datdeb: '2019-05-02', datfin: '2019-10-01' },
    ]);
    await f.build();
    expect((await periods(f)).map((r) => [r.begin, r.end, r.end_source, r.end_match])).toEqual([
      ['2018-01-10', '2019-05-01', 'next_period', null],
      ['2019-05-01', '2019-10-01', 'recorded', 'latest_open'],
      ['2019-11-01', '2028-05-01', 'age', null],
    ]);
    expect((await f.findings()).map((r) => [r.rule, r.record_no])).toEqual([['fin-rattachee-periode-ouverte', 3]]);
  });

  it('builds a period from an end record matching nothing, with an info finding', async () => {
    const f = await Fixture.create();
    await f.events([{ year: 2019, child: 1, typev: '3', datdecpe: '2017-06-01', datdeb: '2017-06-15', datfin: '2019-04-30' }]);
    await f.build();
    expect(await periods(f)).toEqual([
      { typev: '3', datdecpe: '2017-06-01', begin: '2017-06-01', end: '2019-04-30', end_source: 'recorded', end_imputed: null, end_match: 'none', measure: 1, left: false },
    ]);
    expect(await f.findings()).toEqual([{ rule: 'fin-sans-ouverture', file_id: 'CD59-2019', record_no: 1, value: '3' }]);
    // Its dates are known: the measure is not left-censored.
    expect(await f.rows('select is_left_censored, cast(decision_date as varchar) as d from measures')).toEqual([
      { is_left_censored: false, d: '2017-06-01' },
    ]);
  });

  it('makes an end without DATDECPE nor DATDEB matching nothing a left-censored period', async () => {
    const f = await Fixture.create();
    await f.events([
      { year: 2019, child: 1, typev: '3', ...UNKNOWN, datdeb: null, datfin: '2019-04-30', extra: { datdecpe_precision: 'unknown', datdeb_precision: 'unknown' } },
    ]);
    await f.build();
    expect((await periods(f)).map((r) => [r.begin, r.end, r.left])).toEqual([[null, '2019-04-30', true]]);
    expect((await f.findings()).map((r) => r.rule)).toEqual(['fin-sans-correspondance']);
    expect(await f.rows('select is_left_censored from measures')).toEqual([{ is_left_censored: true }]);
  });

  it('chains a renewal after a gap, and a period starting the day after an end, into one measure', async () => {
    const f = await Fixture.create();
    await f.events([
      { year: 2017, child: 1, typev: '1', datdecpe: '2017-01-01', datdeb: '2017-01-01' },
      { year: 2017, child: 1, typev: '3', datdecpe: '2017-01-01', datdeb: '2017-01-01', datfin: '2017-12-31' },
      { year: 2018, child: 1, typev: '2', datdecpe: '2018-06-01', datdeb: '2018-06-01' },
      { year: 2018, child: 1, typev: '3', datdecpe: '2018-06-01', datdeb: '2018-06-01', datfin: '2019-06-30' },
      { year: 2019, child: 1, typev: '1', datdecpe: '2019-07-01', datdeb: '2019-07-01' },
      { year: 2019, child: 1, typev: '3', datdecpe: '2019-07-01', datdeb: '2019-07-01', datfin: '2019-09-30' },
      { year: 2019, child: 1, typev: '1', datdecpe: '2019-10-02', datdeb: '2019-10-02' },
    ]);
    await f.build();
    expect((await periods(f)).map((r) => [r.begin, r.measure])).toEqual([
      ['2017-01-01', 1],
      ['2018-06-01', 1],
      ['2019-07-01', 1],
      ['2019-10-02', 2],
    ]);
    expect(await f.rows('select n_periods, cast(decision_date as varchar) as d from measures order by begin_date')).toEqual([
      { n_periods: 3, d: '2017-01-01' },
      { n_periods: 1, d: '2019-10-02' },
    ]);
  });

  it('reports a renewal with no earlier measure and treats its measure as left-censored', async () => {
    const f = await Fixture.create();
    await f.events([{ year: 2019, child: 1, typev: '2', datdecpe: '2019-04-01', datdeb: '2019-04-01' }]);
    await f.build();
    expect((await f.findings()).map((r) => [r.rule, r.value])).toEqual([['renouvellement-sans-mesure', '2']]);
    expect(await f.rows('select is_left_censored from measures')).toEqual([{ is_left_censored: true }]);
  });

  it('imputes the end of an open measure at 18 for a minors-only nature and at 21 otherwise', async () => {
    const f = await Fixture.create();
    await f.events([
      { year: 2019, child: 1, typev: '1', decision: '2', nature: '15', datdecpe: '2019-02-01', datdeb: '2019-02-01', anais: 2005, mnais: 5 },
      { year: 2019, child: 2, typev: '1', decision: '1', nature: '21', datdecpe: '2019-02-01', datdeb: '2019-02-01', anais: 2000, mnais: 11 },
      { year: 2019, child: 3, typev: '1', decision: '1', nature: '21', datdecpe: '2019-02-01', datdeb: '2019-02-01', anais: 9999, mnais: 99 },
    ]);
    await f.build();
    expect(
      await f.rows(
        `select child_id, drees_category, cast(end_date as varchar) as end_date, end_imputed from measures order by child_id`,
      ),
    ).toEqual([
      { child_id: num(1), drees_category: 'aemo', end_date: '2023-05-01', end_imputed: 'majorite-18-ans' },
      { child_id: num(2), drees_category: 'accueil_provisoire_jeune_majeur', end_date: '2021-11-01', end_imputed: 'limite-21-ans' },
      { child_id: num(3), drees_category: 'accueil_provisoire_jeune_majeur', end_date: null, end_imputed: null },
    ]);
  });

  it('keeps the category of a measure from the TYPINTERDOM of its latest period with a known one', async () => {
    const f = await Fixture.create();
    const aed = { decision: '1' as const, nature: '10' };
    await f.events([
      { year: 2018, child: 1, typev: '1', ...aed, typinterdom: '1', datdecpe: '2018-01-01', datdeb: '2018-01-01' },
      { year: 2019, child: 1, typev: '2', ...aed, typinterdom: '2', datdecpe: '2019-01-01', datdeb: '2019-01-01' },
      { year: 2020, child: 1, typev: '2', ...aed, typinterdom: '9', datdecpe: '2020-01-01', datdeb: '2020-01-01' },
      { year: 2020, child: 2, typev: '1', ...aed, typinterdom: '1', datdecpe: '2020-01-01', datdeb: '2020-01-01' },
    ]);
    await f.build();
    expect(await f.rows('select child_id, drees_category, typinterdom, n_periods from measures order by child_id')).toEqual([
      { child_id: num(1), drees_category: 'aed', typinterdom: '2', n_periods: 3 },
      { child_id: num(2), drees_category: 'hors_perimetre', typinterdom: '1', n_periods: 1 },
    ]);
  });
});
