import { describe, expect, it } from 'vitest';
import { Fixture, num } from './helpers.js';

const open = (year: number, child: number, previous?: number | null, dep = '59', extra: Partial<{ anais: number; sexe: string }> = {}) => ({
  dep,
  year,
  child,
  previous,
  typev: '1' as const,
  datdecpe: `${year}-02-01`,
  datdeb: `${year}-02-01`,
  ...extra,
});

async function childOf(f: Fixture): Promise<Record<string, string>> {
  const rows = await f.rows<{ number: string; child_id: string }>(
    'select distinct numanonym as number, child_id from base_annee order by number',
  );
  return Object.fromEntries(rows.map((r) => [r.number, r.child_id]));
}

describe('identity graph (domain §5)', () => {
  it('follows a chain of changed numbers across years: child_id is the number that appeared first', async () => {
    const f = await Fixture.create();
    await f.events([open(2018, 1), open(2019, 2, 1), open(2020, 3, 2)]);
    await f.build();
    expect(await childOf(f)).toEqual({ [num(1)]: num(1), [num(2)]: num(1), [num(3)]: num(1) });
    expect(await f.rows('select count(*)::int as n from children')).toEqual([{ n: 1 }]);
  });

  it('prefers the earliest file year over the smaller value, then the smaller value', async () => {
    const f = await Fixture.create();
    await f.events([open(2018, 0x31), open(2019, 0x30, 0x31), open(2019, 0x21, 0x20)]);
    await f.build();
    const map = await childOf(f);
    expect(map[num(0x30)]).toBe(num(0x31));
    // 0x20 only ever appeared as NUMANONYMANT in 2019, the year 0x21 appeared: the smaller wins.
    expect(map[num(0x21)]).toBe(num(0x20));
  });

  it('links a child who moved to another département and keeps one child', async () => {
    const f = await Fixture.create();
    await f.events([open(2018, 10, 10, '59'), open(2019, 10, 10, '62'), open(2020, 11, 10, '75')]);
    await f.build();
    expect(
      await f.rows('select child_id, first_departement, n_departements from children'),
    ).toEqual([{ child_id: num(10), first_departement: '59', n_departements: 3 }]);
  });

  it('converges on a long chain (one number change a year for 15 years)', async () => {
    const f = await Fixture.create();
    for (let y = 0; y < 15; y++) await f.event(open(2010 + y, 100 + y, y === 0 ? undefined : 99 + y));
    await f.build();
    expect(await f.rows('select count(distinct child_id)::int as n, min(child_id) as id from base_annee')).toEqual([
      { n: 1, id: num(100) },
    ]);
  });

  it('refuses a link whose two numbers are NUMANONYM in the same file', async () => {
    const f = await Fixture.create();
    await f.events([open(2019, 0x40), open(2019, 0x41, 0x40)]);
    await f.build();
    const map = await childOf(f);
    expect(map[num(0x41)]).toBe(num(0x41));
    expect(map[num(0x40)]).toBe(num(0x40));
    expect(await f.findings('lien-identite-numeros-meme-fichier')).toEqual([
      { rule: 'lien-identite-numeros-meme-fichier', file_id: 'CD59-2019', record_no: 2, value: null },
    ]);
  });

  it('refuses one previous number pointing to several current numbers within a year', async () => {
    const f = await Fixture.create();
    await f.events([open(2018, 0x50), open(2019, 0x51, 0x50), open(2019, 0x52, 0x50, '62')]);
    await f.build();
    const map = await childOf(f);
    expect(new Set(Object.values(map)).size).toBe(3);
    expect((await f.findings('lien-identite-anterieur-multiple')).map((r) => r.file_id)).toEqual([
      'CD59-2019',
      'CD62-2019',
    ]);
  });

  it('refuses several previous numbers pointing to a current number that already has history', async () => {
    const f = await Fixture.create();
    await f.events([open(2018, 0x60), open(2018, 0x61), open(2019, 0x60, 0x61), open(2019, 0x60, 0x62)]);
    await f.build();
    const map = await childOf(f);
    expect(map[num(0x61)]).toBe(num(0x61));
    expect(map[num(0x60)]).toBe(num(0x60));
    expect((await f.findings('lien-identite-courant-multiple')).length).toBe(2);
  });

  it('accepts several previous numbers pointing to a new number (two records merged)', async () => {
    const f = await Fixture.create();
    await f.events([open(2019, 0x70, 0x71), open(2019, 0x70, 0x72)]);
    await f.build();
    expect(await f.rows('select distinct child_id from base_annee')).toEqual([{ child_id: num(0x70) }]);
    expect(await f.findings()).toEqual([]);
  });

  it('keeps a link whose birth year differs, with a warning', async () => {
    const f = await Fixture.create();
    await f.events([open(2018, 0x80, undefined, '59', { anais: 2010 }), open(2019, 0x81, 0x80, '59', { anais: 2011 })]);
    await f.build();
    expect(await f.rows('select count(distinct child_id)::int as n from base_annee')).toEqual([{ n: 1 }]);
    expect(await f.findings('lien-identite-caracteristiques-differentes')).toEqual([
      { rule: 'lien-identite-caracteristiques-differentes', file_id: 'CD59-2019', record_no: 1, value: '2011' },
    ]);
    // Birth as last reported.
    expect(await f.rows('select anais from children')).toEqual([{ anais: 2011 }]);
  });
});
