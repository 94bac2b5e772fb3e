import { describe, expect, it } from 'vitest';
import { VARIABLES, VARIABLE_INDEX } from '../../../src/dictionary/index.js';
import { VARIABLE_COLUMNS } from '../../../src/dictionary/columns.js';
import { createRecordTyper } from '../../../src/values/typer.js';
import { parseDate, parseYearMonth } from '../../../src/values/dates.js';
import type { TypedRecord } from '../../../src/values/types.js';

// Made-up transitional numbers; a fake pseudonymiser makes the definitive number visible.
const NUM = 'a'.repeat(20) + '0123456789'.repeat(2);
const ANT = 'b'.repeat(40);
const typeRecord = createRecordTyper((t) => `def(${t.slice(0, 4)})`);

function raw(values: Record<string, string>): (string | null)[] {
  const r: (string | null)[] = VARIABLES.map(() => null);
  for (const [name, v] of Object.entries(values)) r[VARIABLE_INDEX.get(name) as number] = v;
  return r;
}
const base = { NUMANONYM: NUM, NUMANONYMANT: NUM, TYPEV: '1', NUMDEP: '59' };
const typed = (values: Record<string, string>): TypedRecord => typeRecord(raw({ ...base, ...values }));
const col = (t: TypedRecord, name: string): string | null => {
  const i = VARIABLE_COLUMNS.findIndex((c) => c.name === name);
  if (i < 0) throw new Error(name);
  return t.values[i] ?? null;
};

describe('record typing', () => {
  it('aligns values with VARIABLE_COLUMNS and keeps empty as NULL', () => {
    const t = typed({ SEXE: '2', DATDEB: '2021-03-04' });
    expect(t.values).toHaveLength(VARIABLE_COLUMNS.length);
    expect(t.rejected).toBe(false);
    expect(t.findings).toEqual([]);
    expect(col(t, 'sexe')).toBe('2');
    expect(col(t, 'datdeb')).toBe('2021-03-04');
    expect(col(t, 'datdeb_precision')).toBe('day');
    expect(col(t, 'datfin')).toBeNull();
    expect(col(t, 'datfin_precision')).toBeNull();
    expect(col(t, 'modacc')).toBeNull();
  });

  it('keeps unknown codes and rejects codes outside the list with the raw text', () => {
    const t = typed({ SEXE: '9', NATPDECADM: '17' });
    expect(col(t, 'sexe')).toBe('9');
    expect(col(t, 'natpdecadm')).toBeNull();
    expect(t.findings).toEqual([{ rule: 'code-invalide', variable: 'NATPDECADM', value: '17' }]);
  });

  it('accepts leading zeros and lower case with an info finding, pads a one-digit NUMDEP with a warning', () => {
    const t = typed({ SEXE: '01', NUMDEP: '2a', TYPINTERDOM: '010' });
    expect(col(t, 'sexe')).toBe('1');
    expect(col(t, 'numdep')).toBe('2A');
    expect(col(t, 'typinterdom')).toBe('10');
    const u = typed({ NUMDEP: '1' });
    expect(col(u, 'numdep')).toBe('01');
    expect(u.findings).toEqual([{ rule: 'numdep-format-non-conforme', variable: 'NUMDEP', value: '1' }]);
    expect(t.findings.map((f) => f.rule)).toEqual(['code-normalise', 'code-normalise', 'code-normalise']);
  });

  it('types dates with their precision', () => {
    const t = typed({
      DATDECPE: '2021-05-99',
      DATDEB: '2021-99-99',
      DATFIN: '9999-99-99',
      DATIP: '0000-00-00',
      DATDECAP: '02/03/2020',
      DATPPE: '20200303',
      DATDCMERE: '2019-04',
      DATDCPERE: '9999-99',
    });
    expect([col(t, 'datdecpe'), col(t, 'datdecpe_precision')]).toEqual(['2021-05-15', 'month']);
    expect([col(t, 'datdeb'), col(t, 'datdeb_precision')]).toEqual(['2021-07-01', 'year']);
    expect([col(t, 'datfin'), col(t, 'datfin_precision')]).toEqual([null, 'unknown']);
    expect([col(t, 'datip'), col(t, 'datip_precision')]).toEqual([null, 'unknown']);
    expect([col(t, 'datdecap'), col(t, 'datdecap_precision')]).toEqual(['2020-03-02', 'day']);
    expect([col(t, 'datppe'), col(t, 'datppe_precision')]).toEqual(['2020-03-03', 'day']);
    expect([col(t, 'datdcmere'), col(t, 'datdcmere_precision')]).toEqual(['2019-04-15', 'month']);
    expect([col(t, 'datdcpere'), col(t, 'datdcpere_precision')]).toEqual([null, 'unknown']);
    expect(t.findings).toEqual([
      { rule: 'date-format-converti', variable: 'DATDECAP', value: '02/03/2020' },
      { rule: 'date-format-converti', variable: 'DATPPE', value: '20200303' },
    ]);
  });

  it('sets impossible dates to NULL with a finding', () => {
    const t = typed({ DATDEB: '2021-02-30', DATFIN: 'hier', DATDECPE: '1850-01-01' });
    expect(col(t, 'datdeb')).toBeNull();
    expect(col(t, 'datdeb_precision')).toBeNull();
    expect(t.findings).toEqual([
      { rule: 'date-invalide', variable: 'DATDECPE', value: '1850-01-01' },
      { rule: 'date-invalide', variable: 'DATDEB', value: '2021-02-30' },
      { rule: 'date-invalide', variable: 'DATFIN', value: 'hier' },
    ]);
  });

  it('types years, months and counts', () => {
    const t = typed({
      ANAIS: '2010',
      MNAIS: '03',
      ANSMERE: '9999',
      ANSPERE: '0000',
      ANSA1: '1900',
      NBFRAT: '02',
      NBENF: '99',
    });
    expect([col(t, 'anais'), col(t, 'mnais'), col(t, 'ansmere'), col(t, 'anspere'), col(t, 'ansa1')]).toEqual(
      ['2010', '3', '9999', null, null],
    );
    expect([col(t, 'nbfrat'), col(t, 'nbenf')]).toEqual(['2', '99']);
    const u = typed({ MNAIS: '13', NBFRAT: '100', ANAIS: '10' });
    expect(u.findings.map((f) => f.rule).sort()).toEqual([
      'annee-invalide',
      'mois-invalide',
      'nombre-invalide',
    ]);
    expect(t.findings.map((f) => `${f.rule}:${f.variable}`)).toEqual([
      'annee-invalide:ANSA1',
      'annee-invalide:ANSPERE',
    ]);
  });

  it('replaces NUMANONYM and NUMANONYMANT by definitive numbers', () => {
    const t = typed({ NUMANONYMANT: ANT });
    expect(col(t, 'numanonym')).toBe('def(aaaa)');
    expect(col(t, 'numanonymant')).toBe('def(bbbb)');
  });

  it('rejects an unusable NUMANONYM without revealing it', () => {
    for (const [value, described] of [
      [NUM.slice(0, 38), 'longueur 38'],
      ['f'.repeat(40), '40 f'],
      [`${NUM.slice(0, 39)}x`, 'caractères non hexadécimaux'],
    ] as const) {
      const t = typed({ NUMANONYM: value });
      expect(t.rejected).toBe(true);
      expect(t.findings).toEqual([
        { rule: 'numanonym-inutilisable', variable: 'NUMANONYM', value: described },
      ]);
      expect(t.values.some((v) => v !== null && v.includes(value))).toBe(false);
    }
    const absent = typeRecord(raw({ TYPEV: '1', NUMANONYMANT: NUM }));
    expect(absent.rejected).toBe(true);
    expect(absent.findings[0]).toEqual({
      rule: 'numanonym-inutilisable',
      variable: 'NUMANONYM',
      value: 'absent',
    });
  });

  it('takes NUMANONYMANT equal to NUMANONYM when empty or invalid (warning)', () => {
    const t = typeRecord(raw({ NUMANONYM: NUM, TYPEV: '3' }));
    expect(t.rejected).toBe(false);
    expect(col(t, 'numanonymant')).toBe('def(aaaa)');
    expect(t.findings).toEqual([
      { rule: 'numanonymant-inutilisable', variable: 'NUMANONYMANT', value: 'absent' },
    ]);
    const u = typed({ NUMANONYMANT: 'xyz' });
    expect(col(u, 'numanonymant')).toBe('def(aaaa)');
    expect(u.findings).toEqual([
      { rule: 'numanonymant-inutilisable', variable: 'NUMANONYMANT', value: 'longueur 3' },
    ]);
  });

  it('rejects a record whose TYPEV is absent or invalid', () => {
    const absent = typeRecord(raw({ NUMANONYM: NUM, NUMANONYMANT: NUM }));
    expect(absent.rejected).toBe(true);
    expect(absent.findings).toEqual([{ rule: 'typev-absent', variable: 'TYPEV', value: null }]);
    const invalid = typed({ TYPEV: '4' });
    expect(invalid.rejected).toBe(true);
    expect(invalid.findings).toEqual([{ rule: 'typev-invalide', variable: 'TYPEV', value: '4' }]);
    expect(typed({ TYPEV: '02' }).rejected).toBe(false);
  });
});

describe('date parsing', () => {
  it('accepts the documented writings', () => {
    expect(parseDate('2020-02-29')).toEqual({
      ok: true,
      date: '2020-02-29',
      precision: 'day',
      converted: false,
    });
    expect(parseDate('29-02-2020')).toEqual({
      ok: true,
      date: '2020-02-29',
      precision: 'day',
      converted: true,
    });
    expect(parseDate('2020/02/29')).toEqual({
      ok: true,
      date: '2020-02-29',
      precision: 'day',
      converted: true,
    });
    expect(parseDate('2020-02-29T00:00:00')).toEqual({
      ok: true,
      date: '2020-02-29',
      precision: 'day',
      converted: true,
    });
    expect(parseDate('2021-02-29')).toEqual({ ok: false });
    expect(parseDate('2021-13-01')).toEqual({ ok: false });
    expect(parseDate('2021-00-00')).toEqual({ ok: false });
    expect(parseDate('9999-05-01')).toEqual({ ok: false });
  });
  it('parses year-months, truncating full dates', () => {
    expect(parseYearMonth('2019-99')).toEqual({
      ok: true,
      date: '2019-07-01',
      precision: 'year',
      converted: false,
    });
    expect(parseYearMonth('0000-00')).toEqual({
      ok: true,
      date: null,
      precision: 'unknown',
      converted: false,
    });
    expect(parseYearMonth('2019-04-12')).toEqual({
      ok: true,
      date: '2019-04-15',
      precision: 'month',
      converted: true,
    });
    expect(parseYearMonth('04/2019')).toEqual({
      ok: true,
      date: '2019-04-15',
      precision: 'month',
      converted: true,
    });
    expect(parseYearMonth('2019-13')).toEqual({ ok: false });
  });
});
