import { describe, expect, it } from 'vitest';
import { Fixture, type EventSpec } from './helpers.js';

/** An opening of a placement à l'ASE (judicial 17) decided and started on `date`. */
const placement = (year: number, child: number, date: string, more: Partial<EventSpec> = {}): EventSpec => ({
  year,
  child,
  typev: '1',
  decision: '2',
  nature: '17',
  datdecpe: date,
  datdeb: date,
  ...more,
});
const end = (year: number, child: number, decided: string, datfin: string, more: Partial<EventSpec> = {}): EventSpec => ({
  year,
  child,
  typev: '3',
  decision: '2',
  nature: '17',
  datdecpe: decided,
  datdeb: decided,
  datfin,
  ...more,
});

describe('stock at 31 December (domain §7)', () => {
  it('counts a measure ending on 31 December, not one ending the day before', async () => {
    const f = await Fixture.create();
    await f.events([
      placement(2019, 1, '2019-02-01'),
      end(2019, 1, '2019-02-01', '2019-12-31'),
      placement(2019, 2, '2019-02-01'),
      end(2019, 2, '2019-02-01', '2019-12-30'),
      placement(2020, 3, '2020-01-15'),
    ]);
    await f.build();
    expect(await f.stock('59', 2019)).toEqual({ placement_ase: '1/1' });
    expect(await f.stock('59', 2020)).toEqual({ placement_ase: '1/1' });
  });

  it('counts a measure decided on 31 December and started the next year', async () => {
    const f = await Fixture.create();
    await f.events([
      { ...placement(2019, 1, '2019-12-31'), datdeb: null },
      placement(2020, 1, '2019-12-31', { datdeb: '2020-01-06' }),
      { ...placement(2020, 2, '2020-01-01'), datdecpe: '2020-01-01' },
    ]);
    await f.build();
    expect(await f.stock('59', 2019)).toEqual({ placement_ase: '1/1' });
    expect(await f.stock('59', 2020)).toEqual({ placement_ase: '2/2' });
  });

  it('applies the 18th birthday to an open minors-only measure around 31 December', async () => {
    const f = await Fixture.create();
    const apm = { decision: '1' as const, nature: '14' };
    await f.events([
      // 18 on 1 December 2019: imputed end before 31 December.
      placement(2019, 1, '2019-02-01', { ...apm, anais: 2001, mnais: 12 }),
      // 18 on 1 January 2020: still in force on 31 December 2019.
      placement(2019, 2, '2019-02-01', { ...apm, anais: 2002, mnais: 1 }),
      // Unknown birth month: born 1 July 2001, 18 on 1 July 2019.
      placement(2018, 3, '2018-02-01', { ...apm, anais: 2001, mnais: 99 }),
    ]);
    await f.build();
    expect(await f.stock('59', 2018)).toEqual({ accueil_provisoire_mineur: '1/1' });
    expect(await f.stock('59', 2019)).toEqual({ accueil_provisoire_mineur: '1/1' });
    expect(await f.rows(`select cast(end_date as varchar) as e from measures order by child_id`)).toEqual([
      { e: '2019-12-01' },
      { e: '2020-01-01' },
      { e: '2019-07-01' },
    ]);
  });

  it('counts only children under 21 on 31 December, even with a later recorded end', async () => {
    const f = await Fixture.create();
    const apjm = { decision: '1' as const, nature: '21' };
    await f.events([
      // 21 on 1 December 2019.
      placement(2019, 1, '2019-01-10', { ...apjm, anais: 1998, mnais: 12 }),
      end(2020, 1, '2019-01-10', '2020-06-30', { ...apjm, anais: 1998, mnais: 12 }),
      // 21 on 1 January 2020: counted in 2019.
      placement(2019, 2, '2019-01-10', { ...apjm, anais: 1999, mnais: 1 }),
    ]);
    await f.build();
    expect(await f.stock('59', 2019)).toEqual({ accueil_provisoire_jeune_majeur: '1/1' });
    expect(await f.stock('59', 2020)).toEqual({});
    expect((await f.findings('fin-apres-limite-age')).map((r) => r.file_id)).toEqual(['CD59-2020']);
  });

  it('counts a child once in the confiés block, in the first category by priority', async () => {
    const f = await Fixture.create();
    await f.events([
      placement(2019, 1, '2019-01-10'),
      placement(2019, 1, '2019-03-10', { nature: '23' }),
      placement(2019, 1, '2019-04-10', { nature: '15' }),
      placement(2019, 2, '2019-01-10', { decision: '1', nature: '14' }),
      placement(2019, 2, '2019-01-10', { decision: '1', nature: '15' }),
      placement(2019, 3, '2019-01-10'),
      placement(2019, 3, '2019-05-10', { decision: '1', nature: '14' }),
      placement(2019, 3, '2019-05-11', { decision: '1', nature: '21' }),
      placement(2019, 3, '2019-06-10', { nature: '18' }),
    ]);
    await f.build();
    expect(await f.stock('59', 2019)).toEqual({
      pupille: '1/1',
      tutelle: '1/1',
      placement_ase: '1/1',
      placement_direct: '1/1',
      aemo: '1/1',
    });
    expect(
      await f.rows(
        `select block, n_measures, n_children from stock_31dec_totals
         where annee = 2019 and departement = '59' order by block`,
      ),
    ).toEqual([
      { block: 'accueil', n_measures: 4, n_children: 3 },
      { block: 'actions_educatives', n_measures: 1, n_children: 1 },
      { block: 'confies', n_measures: 3, n_children: 3 },
      { block: 'ensemble', n_measures: 5, n_children: 3 },
    ]);
  });

  it('computes the cells of a département missing a year, and leaves absent the years after its last file', async () => {
    const f = await Fixture.create();
    await f.events([
      placement(2018, 1, '2018-03-01'),
      end(2020, 1, '2018-03-01', '2020-02-01'),
      { ...placement(2018, 2, '2018-03-01'), dep: '62' },
    ]);
    await f.build();
    expect(
      await f.rows(
        `select departement, annee, sum(n_measures)::int as n, count(*)::int as cells
         from stock_31dec group by all order by all`,
      ),
    ).toEqual([
      { departement: '59', annee: 2018, n: 1, cells: 10 },
      { departement: '59', annee: 2019, n: 1, cells: 10 },
      { departement: '59', annee: 2020, n: 0, cells: 10 },
      { departement: '62', annee: 2018, n: 1, cells: 10 },
    ]);
  });

  it('sums the cells for France and counts a child who moved once', async () => {
    const f = await Fixture.create();
    await f.events([
      placement(2019, 1, '2019-01-10'),
      { ...placement(2019, 1, '2019-10-10'), dep: '62' },
      { ...placement(2019, 2, '2019-10-10'), dep: '62' },
    ]);
    await f.build();
    expect(
      await f.rows(
        `select block, drees_category, n_measures, n_children from stock_31dec_totals
         where departement is null and (block = 'confies' or drees_category = 'placement_ase')`,
      ),
    ).toEqual([
      { block: 'confies', drees_category: null, n_measures: 3, n_children: 2 },
      { block: null, drees_category: 'placement_ase', n_measures: 3, n_children: 2 },
    ]);
  });
});
