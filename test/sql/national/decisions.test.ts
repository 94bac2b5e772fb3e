import { describe, expect, it } from 'vitest';
import { Fixture } from './helpers.js';

/** The choices of docs/rules.md where domain.md is silent. */
describe('documented decisions', () => {
  it('closes a period whose end has an unknown DATFIN on 1 July of the end file’s year', async () => {
    const f = await Fixture.create();
    await f.events([
      { year: 2018, child: 1, typev: '1', datdecpe: '2018-03-01', datdeb: '2018-03-01' },
      { year: 2019, child: 1, typev: '3', datdecpe: '2018-03-01', datdeb: '2018-03-01', datfin: null, extra: { datfin_precision: 'unknown' } },
    ]);
    await f.build();
    expect(await f.rows(`select cast(end_date as varchar) as e, end_source, datfin from periods`)).toEqual([
      { e: '2019-07-01', end_source: 'recorded', datfin: null },
    ]);
    expect(await f.stock('59', 2018)).toEqual({ placement_ase: '1/1' });
    expect(await f.stock('59', 2019)).toEqual({});
  });

  it('keeps an opening with both dates unknown, beginning on 1 July of its first file year', async () => {
    const f = await Fixture.create();
    await f.events([
      { year: 2019, child: 1, typev: '1', extra: { datdecpe_precision: 'unknown', datdeb_precision: 'unknown' } },
    ]);
    await f.build();
    expect(await f.rows(`select cast(begin_date as varchar) as b, begin_imputed from periods`)).toEqual([
      { b: '2019-07-01', begin_imputed: true },
    ]);
    expect(await f.stock('59', 2019)).toEqual({ placement_ase: '1/1' });
  });

  it('lets an end with DATDECPE close an opening received with DATDECPE unknown, by DATDEB', async () => {
    const f = await Fixture.create();
    await f.events([
      { year: 2018, child: 1, typev: '1', datdecpe: null, datdeb: '2018-03-05', extra: { datdecpe_precision: 'unknown' } },
      { year: 2019, child: 1, typev: '3', datdecpe: '2018-03-01', datdeb: '2018-03-05', datfin: '2019-02-01' },
    ]);
    await f.build();
    expect(await f.rows(`select end_match, cast(end_date as varchar) as e from periods`)).toEqual([
      { end_match: 'datdeb', e: '2019-02-01' },
    ]);
    expect(await f.findings()).toEqual([]);
  });

  it('closes a period once when two ends without DATDECPE compete for it: the earliest DATFIN wins', async () => {
    const f = await Fixture.create();
    const unknown = { datdecpe: null, extra: { datdecpe_precision: 'unknown' } };
    await f.events([
      { year: 2018, child: 1, typev: '1', datdecpe: '2018-03-01', datdeb: '2018-03-01' },
      // Neither DATDEB matches: both would attach to the latest open period.
      { year: 2019, child: 1, typev: '3', ...unknown, datdeb: '2017-01-01', datfin: '2019-05-01' },
      { year: 2019, child: 1, typev: '3', ...unknown, datdeb: '2017-02-01', datfin: '2019-04-01' },
    ]);
    await f.build();
    expect(
      await f.rows(`select end_match, cast(end_date as varchar) as e from periods order by begin_date`),
    ).toEqual([
      { end_match: 'none', e: '2019-05-01' },
      { end_match: 'latest_open', e: '2019-04-01' },
    ]);
  });

  it('keeps the latest known birth when a later file says "ne sait pas"', async () => {
    const f = await Fixture.create();
    await f.events([
      { year: 2018, child: 1, typev: '1', datdecpe: '2018-03-01', anais: 2008, mnais: 4 },
      { year: 2019, child: 1, typev: '2', datdecpe: '2019-03-01', anais: 9999, mnais: 99, sexe: '9' },
    ]);
    await f.build();
    expect(await f.rows('select sexe, anais, mnais, cast(birth_date as varchar) as b from children')).toEqual([
      { sexe: '1', anais: 2008, mnais: 4, b: '2008-04-01' },
    ]);
  });

  it('counts hors-périmètre measures in their own cell, in no block total', async () => {
    const f = await Fixture.create();
    await f.events([
      { year: 2019, child: 1, typev: '1', decision: '1', nature: '10', typinterdom: '1', datdecpe: '2019-03-01' },
      { year: 2019, child: 1, typev: '1', decision: '2', nature: '14', datdecpe: '2019-03-01' },
    ]);
    await f.build();
    expect(await f.rows('select drees_category, block from measures order by decision')).toEqual([
      { drees_category: 'hors_perimetre', block: null },
      { drees_category: 'hors_perimetre', block: null },
    ]);
    expect(await f.stock('59', 2019)).toEqual({ hors_perimetre: '2/1' });
    expect(
      await f.rows(`select count(*)::int as n from stock_31dec_totals where block is not null and n_measures > 0`),
    ).toEqual([{ n: 0 }]);
  });

  it('counts a child in force in two départements in each, once for France', async () => {
    const f = await Fixture.create();
    await f.events([
      { year: 2019, child: 1, typev: '1', datdecpe: '2019-03-01', dep: '59' },
      { year: 2019, child: 1, typev: '1', datdecpe: '2019-11-01', dep: '62', decision: '1', nature: '14' },
    ]);
    await f.build();
    expect([await f.stock('59', 2019), await f.stock('62', 2019)]).toEqual([
      { placement_ase: '1/1' },
      { accueil_provisoire_mineur: '1/1' },
    ]);
    expect(
      await f.rows(`select n_measures, n_children from stock_31dec_totals where departement is null and annee = 2019 and block = 'confies'`),
    ).toEqual([{ n_measures: 2, n_children: 1 }]);
  });
});
