import { describe, expect, it } from 'vitest';
import { query } from '../../../src/warehouse/duckdb.js';
import { BASE, recordsDb, runCheck, type Row } from './helpers.js';
import { createRelation } from '../../../src/warehouse/duckdb.js';

const rows = (...overrides: Row[]): Row[] => overrides.map((o) => ({ ...BASE, ...o }));
const file = (code: string, records: Row[], params?: { annee?: number }, present?: string[]) =>
  runCheck(`checks/file/${code}`, records, params, present);

describe('file checks', () => {
  it('numdep-melange lists each code with its count', async () => {
    expect(await file('numdep-melange', rows({}, {}, { numdep: '62' }))).toEqual([
      { record_no: null, variable: 'NUMDEP', value: '59 : 2, 62 : 1' },
    ]);
    expect(await file('numdep-melange', rows({}, { numdep: null }))).toEqual([]);
  });
  it('numdep-absent', async () => {
    expect(await file('numdep-absent', rows({ numdep: null }))).toEqual([{ record_no: null, variable: 'NUMDEP', value: null }]);
    expect(await file('numdep-absent', rows({ numdep: null }, {}))).toEqual([]);
  });
  it('annee-incoherente gives the year of most event dates', async () => {
    expect(await file('annee-incoherente', rows({}, {}), { annee: 2020 })).toEqual([
      { record_no: null, variable: null, value: '2021' },
    ]);
    expect(await file('annee-incoherente', rows({}, {}), { annee: 2021 })).toEqual([]);
  });
  it('typev-jamais-present', async () => {
    expect(await file('typev-jamais-present', rows({}))).toEqual([
      { record_no: null, variable: 'TYPEV', value: '2' },
      { record_no: null, variable: 'TYPEV', value: '3' },
    ]);
    expect(await file('typev-jamais-present', rows({}, { typev: '2' }, { typev: '3' }))).toEqual([]);
  });
  it('variable-toujours-vide only for variables present in the file', async () => {
    expect(await file('variable-toujours-vide', rows({}), {}, ['SEXE', 'MODACC', 'DATFIN'])).toEqual([
      { record_no: null, variable: 'DATFIN', value: null },
      { record_no: null, variable: 'MODACC', value: null },
    ]);
    expect(
      await file('variable-toujours-vide', rows({ datfin: null, datfin_precision: 'unknown' }), {}, ['SEXE', 'DATFIN']),
    ).toEqual([]);
  });
});

async function dropped(records: Row[]): Promise<{ record_no: number; rule: string; kept_record_no: number }[]> {
  const conn = await recordsDb(records);
  await createRelation(conn, 'checks/duplicates/dropped_duplicates', 'dropped', { records: 'records' });
  return query(conn, 'select record_no, rule, kept_record_no from dropped order by record_no');
}

describe('duplicates', () => {
  const judicial = { decision: '2', natpdecadm: null, lieuacc: null, natdecassed: '17', lieuplac: '1' };
  it('keeps the lowest record_no of each group and lists the others with their rule', async () => {
    expect(
      await dropped(
        rows(
          {},
          {},
          { datdeb: '2021-03-05' },
          { lieuacc: '2' },
          judicial,
          { ...judicial, datdeb: '2021-04-01', natdecplac: '1' },
          {},
        ),
      ),
    ).toEqual([
      { record_no: 2, rule: 'doublon-identique', kept_record_no: 1 },
      { record_no: 3, rule: 'doublon-administratif', kept_record_no: 1 },
      { record_no: 6, rule: 'doublon-judiciaire', kept_record_no: 5 },
      { record_no: 7, rule: 'doublon-identique', kept_record_no: 1 },
    ]);
  });
  it('does not pair different children, event types or unknown decision dates', async () => {
    expect(
      await dropped(
        rows(
          {},
          { numanonym: 'autre' },
          { typev: '2' },
          { datdecpe: null, datdecpe_precision: 'unknown' },
          { datdecpe: null, datdecpe_precision: 'unknown', datdeb: '2021-05-01' },
          judicial,
          { ...judicial, lieuplac: '2' },
        ),
      ),
    ).toEqual([]);
  });
});
