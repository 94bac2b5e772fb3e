import { describe, expect, it } from 'vitest';
import { Fixture, num } from './helpers.js';
import { NATIONAL_RULES } from '../../../src/national/index.js';

describe('longitudinal findings (domain §4)', () => {
  it('reports a measure open past its legal horizon without an event, except pupille, tutelle and DAP', async () => {
    const f = await Fixture.create();
    await f.events([
      // Judicial decided March 2017, nothing since: 2 years passed before 31/12/2019.
      { year: 2017, child: 1, typev: '1', decision: '2', nature: '15', datdecpe: '2017-03-01', datdeb: '2017-03-01' },
      // Judicial renewed in 2018: within 2 years.
      { year: 2017, child: 2, typev: '1', decision: '2', nature: '15', datdecpe: '2017-03-01', datdeb: '2017-03-01' },
      { year: 2018, child: 2, typev: '2', decision: '2', nature: '15', datdecpe: '2018-03-01', datdeb: '2018-03-01' },
      // Administrative decided December 2018: one year passed before 31/12/2019.
      { year: 2018, child: 3, typev: '1', decision: '1', nature: '14', datdecpe: '2018-12-01', datdeb: '2018-12-01' },
      // Administrative decided in 2019: within one year.
      { year: 2019, child: 4, typev: '1', decision: '1', nature: '14', datdecpe: '2019-01-02', datdeb: '2019-01-02' },
      // Tutelle: no horizon.
      { year: 2017, child: 5, typev: '1', decision: '2', nature: '23', datdecpe: '2017-03-01', datdeb: '2017-03-01' },
      // Closed: no finding.
      { year: 2017, child: 6, typev: '1', decision: '2', nature: '15', datdecpe: '2017-03-01', datdeb: '2017-03-01' },
      { year: 2019, child: 6, typev: '3', decision: '2', nature: '15', datdecpe: '2017-03-01', datdeb: '2017-03-01', datfin: '2019-03-01' },
    ]);
    await f.build();
    expect(
      (await f.findings('mesure-sans-evenement-au-dela-echeance')).map((r) => [r.file_id, r.record_no, r.value]),
    ).toEqual([
      ['CD59-2017', 1, '2017-03-01'],
      ['CD59-2018', 2, '2018-12-01'],
    ]);
  });

  it('suspects a duplicate child when a new number continues an open measure of the same sex and birth', async () => {
    const f = await Fixture.create();
    await f.events([
      { year: 2018, child: 1, typev: '1', datdecpe: '2018-02-01', datdeb: '2018-02-01' },
      { year: 2019, child: 2, typev: '3', datdecpe: '2018-02-01', datdeb: '2018-02-01', datfin: '2019-05-01' },
      // Different birth month: not suspected.
      { year: 2018, child: 3, typev: '1', datdecpe: '2018-02-01', datdeb: '2018-02-01', mnais: 6 },
      { year: 2019, child: 4, typev: '3', datdecpe: '2018-02-01', datdeb: '2018-02-01', datfin: '2019-05-01', mnais: 7 },
    ]);
    await f.build();
    expect(await f.findings('enfant-doublon-suppose')).toEqual([
      { rule: 'enfant-doublon-suppose', file_id: 'CD59-2019', record_no: 1, value: num(1) },
    ]);
  });

  it('writes every finding with the contract columns, its severity and its French message', async () => {
    const f = await Fixture.create();
    await f.events([{ year: 2019, child: 1, typev: '3', datdecpe: '2017-06-01', datdeb: '2017-06-15', datfin: '2019-04-30' }]);
    await f.build();
    const rule = NATIONAL_RULES.find((r) => r.code === 'fin-sans-ouverture');
    expect(await f.rows('select * from findings_longitudinal')).toEqual([
      {
        file_id: 'CD59-2019',
        departement: '59',
        annee: 2019,
        record_no: 1,
        rule: 'fin-sans-ouverture',
        severity: 'info',
        variable: 'TYPEV',
        value: '3',
        message: rule?.messageFr,
      },
    ]);
  });

  it('declares every rule once, each with its check file', async () => {
    const codes = NATIONAL_RULES.map((r) => r.code);
    expect(new Set(codes).size).toBe(codes.length);
    const { existsSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { SQL_DIR } = await import('../../../src/warehouse/sql-files.js');
    for (const code of codes) expect(existsSync(join(SQL_DIR, 'checks', 'longitudinal', `${code}.sql`))).toBe(true);
    expect(NATIONAL_RULES.every((r) => r.family === 'identity' || r.family === 'longitudinal')).toBe(true);
  });
});
