import { describe, expect, it } from 'vitest';
import { type TruthEvent, truthFromEmittedEvents } from '../../../src/synth/index.js';

const base = {
  departement: '59',
  sexe: '1',
  anais: 2008,
  mnais: 3,
  decision: '2' as const,
  typinterdom: null,
  motfinint: null,
};

function ev(
  partial: Partial<TruthEvent> &
    Pick<TruthEvent, 'year' | 'child' | 'typev' | 'nature' | 'datdecpe' | 'datdeb'>,
): TruthEvent {
  return { ...base, datfin: null, ...partial };
}

function run(events: TruthEvent[], sent: number[] = [2018, 2019, 2020, 2021]) {
  return truthFromEmittedEvents({
    events,
    firstYear: 2018,
    lastYear: 2021,
    sentYears: new Map([['59', new Set(sent)]]),
  });
}

function cell(truth: ReturnType<typeof run>, year: number, category: string) {
  return truth.stock.find((s) => s.annee === year && s.category === category);
}

describe('truthFromEmittedEvents (domain §6–§7)', () => {
  it('chains a decision, its renewal and its end into one measure in force until the end', () => {
    const t = run([
      ev({ year: 2018, child: 'a', typev: '1', nature: '17', datdecpe: '2018-03-10', datdeb: '2018-03-12' }),
      ev({ year: 2019, child: 'a', typev: '2', nature: '17', datdecpe: '2019-03-12', datdeb: '2019-03-12' }),
      ev({
        year: 2020,
        child: 'a',
        typev: '3',
        nature: '17',
        datdecpe: '2019-03-12',
        datdeb: '2019-03-12',
        datfin: '2020-12-31',
        motfinint: '1',
      }),
    ]);
    expect(t.measures).toHaveLength(1);
    expect(t.measures[0]).toMatchObject({
      category: 'placement_ase',
      block: 'confies',
      nPeriods: 2,
      endImputed: null,
      isLeftCensored: false,
    });
    // an end on 31 December is still in force that day
    expect([2018, 2019, 2020, 2021].map((y) => cell(t, y, 'placement_ase')?.nMeasures)).toEqual([1, 1, 1, 0]);
  });

  it('keeps a measure whose end was never sent open until the 18th birthday for a minors-only nature', () => {
    const t = run([
      ev({ year: 2018, child: 'a', typev: '1', nature: '15', datdecpe: '2018-05-02', datdeb: '2018-05-02' }),
    ]);
    expect(t.measures[0]).toMatchObject({ endImputed: 'age-18', nature: '15' });
    expect(t.measures[0]?.endDate).toBe(Date.UTC(2026, 2, 1) / 86_400_000);
    expect([2018, 2019, 2020, 2021].map((y) => cell(t, y, 'aemo')?.nMeasures)).toEqual([1, 1, 1, 1]);
  });

  it('builds a left-censored measure from an end record alone', () => {
    const t = run([
      ev({
        year: 2019,
        child: 'a',
        typev: '3',
        nature: '15',
        datdecpe: '2016-01-04',
        datdeb: '2016-02-01',
        datfin: '2019-06-30',
      }),
    ]);
    // its beginning is known from the repeated DATDECPE and DATDEB: not left-censored
    expect(t.measures[0]).toMatchObject({ isLeftCensored: false, category: 'aemo', nPeriods: 1 });
    expect(t.measures[0]?.decisionDate).toBe(Date.UTC(2016, 0, 4) / 86_400_000);
    expect([2018, 2019].map((y) => cell(t, y, 'aemo')?.nMeasures)).toEqual([1, 0]);
  });

  it('marks a measure first seen through a renewal as left-censored', () => {
    const t = run([
      ev({ year: 2018, child: 'a', typev: '2', nature: '17', datdecpe: '2018-04-01', datdeb: '2018-04-01' }),
      ev({
        year: 2019,
        child: 'a',
        typev: '3',
        nature: '17',
        datdecpe: '2018-04-01',
        datdeb: '2018-04-01',
        datfin: '2019-04-01',
      }),
    ]);
    expect(t.measures[0]).toMatchObject({ isLeftCensored: true, nPeriods: 1, endImputed: null });
  });

  it('merges the two sendings of a decision started the next year; the later DATDEB wins', () => {
    const t = run([
      ev({ year: 2018, child: 'a', typev: '1', nature: '15', datdecpe: '2018-12-20', datdeb: '9999-99-99' }),
      ev({ year: 2019, child: 'a', typev: '1', nature: '15', datdecpe: '2018-12-20', datdeb: '2019-02-01' }),
      ev({
        year: 2019,
        child: 'a',
        typev: '3',
        nature: '15',
        datdecpe: '2018-12-20',
        datdeb: '2019-02-01',
        datfin: '2019-10-01',
      }),
    ]);
    expect(t.measures).toHaveLength(1);
    expect(t.measures[0]?.startDate).toBe(Date.UTC(2019, 1, 1) / 86_400_000);
    // decided but not yet started counts
    expect(cell(t, 2018, 'aemo')?.nMeasures).toBe(1);
  });

  it('counts a child once in the confiés block, in the first category of the priority', () => {
    const t = run([
      ev({ year: 2019, child: 'a', typev: '1', nature: '17', datdecpe: '2019-01-10', datdeb: '2019-01-10' }),
      ev({ year: 2019, child: 'a', typev: '1', nature: '23', datdecpe: '2019-06-10', datdeb: '2019-06-10' }),
      ev({ year: 2019, child: 'a', typev: '1', nature: '15', datdecpe: '2019-06-10', datdeb: '2019-06-10' }),
    ]);
    expect(cell(t, 2019, 'tutelle')).toMatchObject({ nMeasures: 1, nChildren: 1 });
    expect(cell(t, 2019, 'placement_ase')).toMatchObject({ nMeasures: 0, nChildren: 0 });
    expect(cell(t, 2019, 'aemo')).toMatchObject({ nMeasures: 1, nChildren: 1 });
  });

  it('collapses duplicates, keeps a category per TYPINTERDOM, and leaves out a child of 21', () => {
    const adm = { decision: '1' as const };
    const t = run([
      ev({
        ...adm,
        year: 2019,
        child: 'a',
        typev: '1',
        nature: '10',
        typinterdom: '2',
        datdecpe: '2019-01-10',
        datdeb: '2019-01-10',
      }),
      ev({
        ...adm,
        year: 2019,
        child: 'a',
        typev: '1',
        nature: '10',
        typinterdom: '2',
        datdecpe: '2019-01-10',
        datdeb: '2019-01-10',
      }),
      ev({
        ...adm,
        year: 2019,
        child: 'b',
        typev: '1',
        nature: '10',
        typinterdom: '1',
        datdecpe: '2019-01-10',
        datdeb: '2019-01-10',
      }),
      ev({
        ...adm,
        year: 2019,
        child: 'c',
        anais: 1998,
        mnais: 6,
        typev: '1',
        nature: '21',
        datdecpe: '2019-01-10',
        datdeb: '2019-01-10',
      }),
    ]);
    expect(t.measures).toHaveLength(3);
    expect(cell(t, 2019, 'aed')?.nMeasures).toBe(1);
    expect(cell(t, 2019, 'hors_perimetre')?.nMeasures).toBe(1);
    // child c turns 21 on 2019-06-01: in force on 31/12/2018? not yet decided; on 31/12/2019: too old
    expect(cell(t, 2019, 'accueil_provisoire_jeune_majeur')?.nMeasures).toBe(0);
    expect(t.measures.find((m) => m.child === 'c')?.endImputed).toBe('age-21');
  });

  it('ends an open period where the next one of its chain begins', () => {
    const t = run([
      ev({ year: 2018, child: 'a', typev: '1', nature: '15', datdecpe: '2018-01-10', datdeb: '2018-01-10' }),
      ev({ year: 2020, child: 'a', typev: '1', nature: '15', datdecpe: '2020-06-01', datdeb: '2020-06-01' }),
      ev({
        year: 2020,
        child: 'a',
        typev: '3',
        nature: '15',
        datdecpe: '2020-06-01',
        datdeb: '2020-06-01',
        datfin: '2020-09-01',
      }),
    ]);
    expect(t.measures).toHaveLength(1);
    expect(t.measures[0]?.nPeriods).toBe(2);
    expect([2018, 2019, 2020].map((y) => cell(t, y, 'aemo')?.nMeasures)).toEqual([1, 1, 0]);
  });

  it('computes a cell only for years up to the last file sent, and partial dates on the 15th', () => {
    const t = run(
      [
        ev({
          year: 2018,
          child: 'a',
          typev: '1',
          nature: '15',
          datdecpe: '2018-12-99',
          datdeb: '2018-12-99',
        }),
      ],
      [2018, 2019],
    );
    expect(t.stock.map((s) => s.annee).filter((y, i, a) => a.indexOf(y) === i)).toEqual([2018, 2019]);
    expect(t.measures[0]?.decisionDate).toBe(Date.UTC(2018, 11, 15) / 86_400_000);
    expect(cell(t, 2018, 'aemo')?.nMeasures).toBe(1);
  });

  it('describes children from their records, across départements', () => {
    const t = truthFromEmittedEvents({
      events: [
        ev({
          year: 2019,
          child: 'a',
          typev: '3',
          nature: '15',
          datdecpe: '2018-05-01',
          datdeb: '2018-05-01',
          datfin: '2019-04-01',
          motfinint: '3',
        }),
        ev({
          departement: '62',
          year: 2019,
          child: 'a',
          typev: '1',
          nature: '15',
          datdecpe: '2019-04-10',
          datdeb: '2019-04-10',
        }),
      ],
      firstYear: 2019,
      lastYear: 2019,
      sentYears: new Map([
        ['59', new Set([2019])],
        ['62', new Set([2019])],
      ]),
    });
    const child = t.children.get('a');
    expect(child?.firstDepartement).toBe('59');
    expect([...(child?.departements ?? [])].sort()).toEqual(['59', '62']);
    expect(t.measures.map((m) => m.departement).sort()).toEqual(['59', '62']);
  });
});
