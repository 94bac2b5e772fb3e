import { describe, expect, it } from 'vitest';
import { RECORD_RULES } from '../../../src/rules/catalogue/record.js';
import { BASE, record, runCheck, type Row } from './helpers.js';

const JUDICIAL = { decision: '2', natpdecadm: null, lieuacc: null };
const END = { typev: '3', datfin: '2021-09-30', datfin_precision: 'day', motfinint: '1' };

describe('a coherent record', () => {
  it.each(RECORD_RULES.map((r) => r.code))('is not flagged by %s', async (code) => {
    expect(await record(code, [{}, END], { annee: 2021, datexport: '2022-01-15' })).toEqual([]);
  });
});

describe('mandatory values', () => {
  it('valeur-obligatoire-absente fires on NULL mandatory values and end values of an end', async () => {
    expect(
      await record('valeur-obligatoire-absente', [
        { numdep: null },
        { typev: '3', motfinint: null },
        { datdecpe: null, datdecpe_precision: 'unknown' },
      ]),
    ).toEqual([
      { record_no: 1, variable: 'NUMDEP', value: null },
      { record_no: 2, variable: 'DATFIN', value: null },
      { record_no: 2, variable: 'MOTFININT', value: null },
    ]);
  });
  it('valeur-obligatoire-absente does not ask for DATFIN/MOTFININT outside an end', async () => {
    expect(await record('valeur-obligatoire-absente', [{ typev: '2' }])).toEqual([]);
  });
  it('valeur-obligatoire-inconnue fires on unknown decision/start dates and end values', async () => {
    expect(
      await record('valeur-obligatoire-inconnue', [
        { datdecpe: null, datdecpe_precision: 'unknown' },
        { ...END, datfin: null, datfin_precision: 'unknown', motfinint: '9' },
      ]),
    ).toEqual([
      { record_no: 1, variable: 'DATDECPE', value: '9999-99-99' },
      { record_no: 2, variable: 'DATFIN', value: '9999-99-99' },
      { record_no: 2, variable: 'MOTFININT', value: '9' },
    ]);
  });
  it('valeur-obligatoire-inconnue ignores MOTFININT 9 outside an end', async () => {
    expect(await record('valeur-obligatoire-inconnue', [{ typev: '2', motfinint: '9' }])).toEqual([]);
  });
});

describe('values present where not applicable', () => {
  it('fin-hors-typev-3', async () => {
    expect(await record('fin-hors-typev-3', [{ ...END, typev: '1' }, { ...END, typev: '2', motfinint: '9' }])).toEqual([
      { record_no: 1, variable: 'DATFIN', value: '2021-09-30' },
      { record_no: 1, variable: 'MOTFININT', value: '1' },
      { record_no: 2, variable: 'DATFIN', value: '2021-09-30' },
    ]);
    expect(await record('fin-hors-typev-3', [{ ...END, diplome: '2', nbchglieu: 1 }])).toEqual([]);
  });
  it('chglieu-hors-renouvellement', async () => {
    expect(await record('chglieu-hors-renouvellement', [{ chglieu: '2' }, { typev: '2', chglieu: '2' }])).toEqual([
      { record_no: 1, variable: 'CHGLIEU', value: '2' },
    ]);
  });
  it('information-initiale-hors-typev-1', async () => {
    const info = { traitinfo: '1', datip: '2021-01-05', datip_precision: 'month' };
    expect(await record('information-initiale-hors-typev-1', [{ ...info, typev: '2' }, info])).toEqual([
      { record_no: 1, variable: 'DATIP', value: '2021-01' },
      { record_no: 1, variable: 'TRAITINFO', value: '1' },
    ]);
  });
  it('evaluation-sur-renouvellement', async () => {
    const evaluation = { notifeval: '2021-01-01', notifeval_precision: 'day', confl: '2' };
    expect(await record('evaluation-sur-renouvellement', [{ ...evaluation, typev: '2' }, { ...END, ...evaluation }])).toEqual([
      { record_no: 1, variable: 'CONFL', value: '2' },
      { record_no: 1, variable: 'NOTIFEVAL', value: '2021-01-01' },
    ]);
  });
  it('natpdecadm-sur-decision-judiciaire', async () => {
    expect(
      await record('natpdecadm-sur-decision-judiciaire', [
        { decision: '2', natdecassed: '17' },
        { ...JUDICIAL, natpdecadm: '99', natdecassed: '17' },
      ]),
    ).toEqual([{ record_no: 1, variable: 'NATPDECADM', value: '14' }]);
  });
  it('natdecassed-sur-decision-administrative', async () => {
    expect(
      await record('natdecassed-sur-decision-administrative', [
        { natdecassed: '15', autredj: 'texte' },
        { ...JUDICIAL, natdecassed: '15', typdecjud: '3' },
      ]),
    ).toEqual([
      { record_no: 1, variable: 'AUTREDJ', value: null },
      { record_no: 1, variable: 'NATDECASSED', value: '15' },
    ]);
  });
  it('bloc-administratif-non-attendu', async () => {
    expect(
      await record('bloc-administratif-non-attendu', [
        { typinterdom: '2' },
        { natpdecadm: '10', typinterdom: '2', lieuacc: '3' },
        { ...JUDICIAL, natdecassed: '17', accmod: '1' },
        { natpdecadm: '99', typinterdom: '2' },
        { natpdecadm: '10', typinterdom: '2', lieuacc: null },
      ]),
    ).toEqual([
      { record_no: 1, variable: 'TYPINTERDOM', value: '2' },
      { record_no: 2, variable: 'LIEUACC', value: '3' },
      { record_no: 3, variable: 'ACCMOD', value: '1' },
    ]);
  });
  it('bloc-judiciaire-non-attendu', async () => {
    const placement = { ...JUDICIAL, natdecassed: '17', natdecplac: '1', institplac: '1', lieuplac: '1' };
    expect(
      await record('bloc-judiciaire-non-attendu', [
        { ...JUDICIAL, natdecassed: '15', typdecjud: '3', lieuplac: '1' },
        { typdecjud: '3' },
        placement,
        { ...JUDICIAL, natdecassed: '22', lieuplac: '1', natdecplac: '9' },
      ]),
    ).toEqual([
      { record_no: 1, variable: 'LIEUPLAC', value: '1' },
      { record_no: 2, variable: 'TYPDECJUD', value: '3' },
    ]);
  });
  it('variable-conditionnelle-non-attendue', async () => {
    expect(
      await record('variable-conditionnelle-non-attendue', [
        { traitinfo: '3', transip: '100' },
        { projet: '1', datppe: '2021-01-01', datppe_precision: 'day' },
        { traitinfo: '1', transip: '100' },
        { traitinfo: null, transip: '100' },
        { projet: '2', datppe: '2021-01-01', datppe_precision: 'day' },
      ]),
    ).toEqual([
      { record_no: 1, variable: 'TRANSIP', value: '100' },
      { record_no: 2, variable: 'DATPPE', value: '2021-01-01' },
    ]);
  });
});

describe('minors and young adults', () => {
  // BASE: born May 2010, decided 1 March 2021 (10 years); born May 2002: 18 years.
  it('code-reserve-jeune-majeur', async () => {
    expect(
      await record('code-reserve-jeune-majeur', [{ natpdecadm: '21' }, { anais: 2002, natpdecadm: '21' }]),
    ).toEqual([{ record_no: 1, variable: 'NATPDECADM', value: '21' }]);
  });
  it('code-reserve-mineur', async () => {
    expect(
      await record('code-reserve-mineur', [{ anais: 2002 }, { anais: 2003, mnais: 2 }, { anais: 2003, mnais: 4 }]),
    ).toEqual([
      { record_no: 1, variable: 'NATPDECADM', value: '14' },
      { record_no: 2, variable: 'NATPDECADM', value: '14' },
    ]);
  });
  it('variable-reservee-mineur (at the event date: DATFIN for an end)', async () => {
    expect(
      await record('variable-reservee-mineur', [
        { anais: 2002, natpdecadm: '21', titap: '11', confl: '9' },
        { titap: '11' },
        { ...END, anais: 2003, mnais: 6, titap: '11', datfin: '2021-07-01' },
      ]),
    ).toEqual([
      { record_no: 1, variable: 'TITAP', value: '11' },
      { record_no: 3, variable: 'TITAP', value: '11' },
    ]);
  });
  it('variable-reservee-jeune-majeur', async () => {
    expect(
      await record('variable-reservee-jeune-majeur', [{ menagejm: '1' }, { anais: 2002, natpdecadm: '21', menagejm: '1' }]),
    ).toEqual([{ record_no: 1, variable: 'MENAGEJM', value: '1' }]);
  });
});

describe('values absent where expected', () => {
  it('typinterdom-absent', async () => {
    expect(
      await record('typinterdom-absent', [
        { natpdecadm: '10', lieuacc: null },
        { natpdecadm: '10', lieuacc: null, typinterdom: '9' },
      ]),
    ).toEqual([{ record_no: 1, variable: 'TYPINTERDOM', value: null }]);
  });
  it('lieuacc-absent', async () => {
    expect(await record('lieuacc-absent', [{ lieuacc: null }, { natpdecadm: '18', lieuacc: null }])).toEqual([
      { record_no: 1, variable: 'LIEUACC', value: null },
    ]);
  });
  it('placement-judiciaire-incomplet', async () => {
    expect(
      await record('placement-judiciaire-incomplet', [
        { ...JUDICIAL, natdecassed: '17', lieuplac: '1' },
        { ...JUDICIAL, natdecassed: '18', natdecplac: '9', institplac: '9', lieuplac: '99' },
      ]),
    ).toEqual([
      { record_no: 1, variable: 'INSTITPLAC', value: null },
      { record_no: 1, variable: 'NATDECPLAC', value: null },
    ]);
  });
  it('typdecjud-absent', async () => {
    expect(
      await record('typdecjud-absent', [
        { ...JUDICIAL, natdecassed: '15' },
        { ...JUDICIAL, natdecassed: '15', typdecjud: '99' },
        { ...JUDICIAL, natdecassed: '21' },
      ]),
    ).toEqual([{ record_no: 1, variable: 'TYPDECJUD', value: null }]);
  });
});

describe('dates', () => {
  it('datfin-avant-datdeb compares the ranges of partial dates', async () => {
    expect(
      await record('datfin-avant-datdeb', [
        { ...END, datfin: '2021-03-01' },
        { ...END, datfin: '2021-03-15', datfin_precision: 'month' },
        { ...END, datfin: '2021-02-15', datfin_precision: 'month' },
      ]),
    ).toEqual([
      { record_no: 1, variable: 'DATFIN', value: '2021-03-01' },
      { record_no: 3, variable: 'DATFIN', value: '2021-02' },
    ]);
  });
  it('datdeb-bien-avant-datdecpe', async () => {
    expect(
      await record('datdeb-bien-avant-datdecpe', [
        { datdeb: '2020-02-01' },
        { datdeb: '2020-03-15', datdeb_precision: 'month' },
        { datdeb: '2020-03-01' },
      ]),
    ).toEqual([{ record_no: 1, variable: 'DATDEB', value: '2020-02-01' }]);
  });
  it('hors-perimetre', async () => {
    expect(
      await record(
        'hors-perimetre',
        [
          { datdecpe: '2020-12-01', datdeb: '2020-12-02' },
          { datdecpe: '2020-12-01', datdeb: '2021-01-05' },
          { ...END, datfin: '2022-01-01' },
          { ...END, datdecpe: '2019-01-01', datdeb: '2019-01-01' },
          { datdecpe: null, datdecpe_precision: 'unknown', datdeb: '2019-07-01', datdeb_precision: 'year' },
        ],
        { annee: 2021 },
      ),
    ).toEqual([
      { record_no: 1, variable: 'DATDECPE', value: '2020-12-01' },
      { record_no: 3, variable: 'DATFIN', value: '2022-01-01' },
      { record_no: 5, variable: 'DATDEB', value: '2019' },
    ]);
  });
  it('date-posterieure-export', async () => {
    const rows: Row[] = [{}, { datdeb: '2021-03-15', datdeb_precision: 'month' }];
    expect(await record('date-posterieure-export', rows, { datexport: '2021-03-01' })).toEqual([
      { record_no: 1, variable: 'DATDEB', value: '2021-03-02' },
    ]);
    expect(await record('date-posterieure-export', rows, { datexport: null })).toEqual([]);
    expect(await record('date-posterieure-export', rows, { datexport: '2021-03-10' })).toEqual([]);
  });
  it('age-negatif', async () => {
    expect(await record('age-negatif', [{ anais: 2021, mnais: 6 }, { anais: 2021, mnais: 99 }, { anais: 2022, mnais: 99 }])).toEqual([
      { record_no: 1, variable: 'ANAIS', value: '2021' },
      { record_no: 3, variable: 'ANAIS', value: '2022' },
    ]);
  });
  it('age-21-ans-ou-plus', async () => {
    expect(
      await record('age-21-ans-ou-plus', [{ anais: 2000, mnais: 2 }, { anais: 2000, mnais: 4 }, { anais: 2000, mnais: 99 }]),
    ).toEqual([{ record_no: 1, variable: 'ANAIS', value: '2000' }]);
  });
});

describe('parents and identity', () => {
  it('parent-ne-apres-enfant', async () => {
    expect(await record('parent-ne-apres-enfant', [{ ansmere: 2011, anspere: 9999 }, { ansmere: 1985 }])).toEqual([
      { record_no: 1, variable: 'ANSMERE', value: '2011' },
    ]);
  });
  it('parent-moins-de-12-ans', async () => {
    expect(
      await record('parent-moins-de-12-ans', [{ ansmere: 2000 }, { ansa1: 2010 }, { ansmere: 1998 }, { ansmere: 2011 }]),
    ).toEqual([
      { record_no: 1, variable: 'ANSMERE', value: '2000' },
      { record_no: 2, variable: 'ANSA1', value: '2010' },
    ]);
  });
  it('identite-incoherente', async () => {
    expect(
      await record('identite-incoherente', [{}, { sexe: '2' }, { sexe: '9' }, { numanonym: 'autre', sexe: '2' }]),
    ).toEqual([
      { record_no: 1, variable: 'SEXE', value: '1' },
      { record_no: 2, variable: 'SEXE', value: '2' },
    ]);
    expect(await record('identite-incoherente', [{}, { sexe: '9', mnais: 99 }])).toEqual([]);
  });
});

describe('check files', () => {
  it('exist for every record rule', async () => {
    for (const r of RECORD_RULES) await expect(runCheck(`checks/record/${r.code}`, [BASE])).resolves.toBeDefined();
  });
});
