import { describe, expect, it } from 'vitest';
import { departements } from '../../../src/synth/index.js';
import { DREES_CATEGORIES, calibrationsFromTable } from '../../../src/synth/calibration.js';
import { meanDiscountedLife } from '../../../src/synth/simulate.js';
import { KINDS } from '../../../src/synth/kinds.js';
import { VARIABLES } from '../../../src/dictionary/index.js';

describe('calibration table of the synthetic data', () => {
  const all = departements();
  const byCode = new Map(all.map((d) => [d.code, d]));

  it('knows the 101 départements (Rhône as 69D and 69M), all valid NUMDEP codes', () => {
    expect(all).toHaveLength(102);
    const numdep = VARIABLES.find((v) => v.name === 'NUMDEP')?.codeSet;
    for (const d of all) expect(numdep?.has(d.code), d.code).toBe(true);
    expect(byCode.has('20')).toBe(false);
  });

  it('splits Corsica per category so that 2A and 2B add up to the published 20', () => {
    const a = byCode.get('2A')?.stock2020;
    const b = byCode.get('2B')?.stock2020;
    expect((a?.placement_ase ?? 0) + (b?.placement_ase ?? 0)).toBe(249);
    expect((a?.aemo ?? 0) + (b?.aemo ?? 0)).toBe(611);
    expect(a?.aemo).toBe(281);
  });

  it('imputes Mayotte from the other overseas départements', () => {
    const mean =
      ['971', '972', '973', '974'].reduce((s, c) => s + (byCode.get(c)?.stock2020.placement_ase ?? 0), 0) / 4;
    expect(byCode.get('976')?.stock2020.placement_ase).toBe(Math.round(mean));
    expect(byCode.get('976')?.source).toBe('imputed');
  });

  it('keeps the published values of Lozère, Paris and Nord', () => {
    expect(byCode.get('48')?.stock2020.placement_ase).toBe(142);
    expect(byCode.get('75')?.stock2020.accueil_provisoire_jeune_majeur).toBe(1522);
    expect(byCode.get('59')?.stock2020.aemo).toBe(8133);
  });

  it('expects a measure to stay in force less than its mean duration when age limits cut it', () => {
    const tutelle = KINDS.find((k) => k.id === 'tutelle');
    const apjm = KINDS.find((k) => k.id === 'apjm');
    expect(meanDiscountedLife(tutelle!)).toBeLessThan(tutelle!.meanDays / 365.25);
    expect(meanDiscountedLife(apjm!)).toBeLessThan(apjm!.meanDays / 365.25);
    expect(meanDiscountedLife(apjm!)).toBeGreaterThan(0.5);
  });
});

describe('imputation of a département that did not answer', () => {
  const header = 'departement,libelle,annee,drees_category,n_measures';
  const categories = DREES_CATEGORIES;
  const rows = (code: string, values: (number | '')[]) =>
    categories.map((c, i) => `${code},X,2020,${c},${values[i]}`);
  const table = [
    header,
    ...rows('01', [10, 10, 10, 10, 10, 100, 10, 20, 100]),
    ...rows('02', [20, 20, 20, 20, 20, 200, 20, 40, 200]),
    ...rows('03', [30, 30, 30, 30, 30, 300, 30, 60, 300]),
    ...rows('04', ['', '', '', '', '', 50, '', '', 50]),
    ...rows('05', ['', '', '', '', '', '', '', '', '']),
  ].join('\n');
  const result = new Map(calibrationsFromTable(table).map((d) => [d.code, d]));

  it('keeps the known categories and spreads the known total on the national weights', () => {
    const d = result.get('04');
    expect(d?.source).toBe('imputed');
    expect(d?.stock2020.placement_ase).toBe(50);
    expect(d?.stock2020.aemo).toBe(50);
    expect(d?.stock2020.aed).toBe(10);
    expect(d?.stock2020.pupille).toBe(5);
  });

  it('takes the median of the départements that answered when nothing is known', () => {
    expect(result.get('05')?.stock2020.placement_ase).toBe(200);
    expect(result.get('05')?.stock2020.tutelle).toBe(20);
  });
});
