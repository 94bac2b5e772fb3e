import { describe, expect, it } from 'vitest';
import { Fixture } from './helpers.js';
import { compareStock } from '../../../src/national/index.js';

describe('compareStock', () => {
  it('lists the cells that differ or exist on one side only', async () => {
    const f = await Fixture.create();
    await f.event({ year: 2019, child: 1, typev: '1', datdecpe: '2019-02-01', datdeb: '2019-02-01' });
    await f.build();
    const zero = (c: string) => ({ departement: '59', annee: 2019, drees_category: c, n_measures: 0, n_children: 0 });
    const categories = ['pupille', 'accueil_provisoire_mineur', 'accueil_provisoire_jeune_majeur', 'delegation_autorite_parentale', 'tutelle', 'placement_direct', 'aed', 'aemo', 'hors_perimetre'];
    const expected = [...categories.map(zero), { ...zero('placement_ase'), n_measures: 1, n_children: 1 }];
    expect(await compareStock(f.conn, expected)).toEqual([]);
    expect(
      await compareStock(f.conn, [
        ...expected.filter((c) => c.drees_category !== 'aed' && c.drees_category !== 'placement_ase'),
        { ...zero('placement_ase'), n_measures: 2, n_children: 1 },
        { ...zero('aemo'), annee: 2020 },
      ]),
    ).toEqual([
      { departement: '59', annee: 2019, drees_category: 'aed', expected: null, actual: [0, 0] },
      { departement: '59', annee: 2019, drees_category: 'placement_ase', expected: [2, 1], actual: [1, 1] },
      { departement: '59', annee: 2020, drees_category: 'aemo', expected: [0, 0], actual: null },
    ]);
  });
});
