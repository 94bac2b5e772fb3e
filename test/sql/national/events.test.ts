import { describe, expect, it } from 'vitest';
import { Fixture } from './helpers.js';

describe('Base Département events', () => {
  it('counts a TYPEV=1 re-sent with its DATDEB in the next file once, with the later file’s values', async () => {
    const f = await Fixture.create();
    await f.events([
      { year: 2019, child: 1, typev: '1', datdecpe: '2019-12-20', extra: { lieuplac: '1' } },
      { year: 2020, child: 1, typev: '1', datdecpe: '2019-12-20', datdeb: '2020-01-06', extra: { lieuplac: '3' } },
    ]);
    await f.build();
    expect(
      await f.rows(
        `select e.typev, cast(e.datdecpe as varchar) as datdecpe, cast(e.datdeb as varchar) as datdeb, b.lieuplac,
           e.file_ids, e.n_files, e.annee
         from events e join base_annee b using (file_id, record_no)`,
      ),
    ).toEqual([
      {
        typev: '1',
        datdecpe: '2019-12-20',
        datdeb: '2020-01-06',
        lieuplac: '3',
        file_ids: ['CD59-2019', 'CD59-2020'],
        n_files: 2,
        annee: 2020,
      },
    ]);
    expect(await f.rows('select count(*)::int as n from periods')).toEqual([{ n: 1 }]);
  });

  it('keeps the known DATDEB of the latest file that has one', async () => {
    const f = await Fixture.create();
    await f.events([
      { year: 2019, child: 1, typev: '1', datdecpe: '2019-12-20', datdeb: '2019-12-28' },
      { year: 2020, child: 1, typev: '1', datdecpe: '2019-12-20', datdeb: null, extra: { datdeb_precision: 'unknown' } },
    ]);
    await f.build();
    expect(
      await f.rows(`select cast(datdeb as varchar) as datdeb, datdeb_precision, file_id from events`),
    ).toEqual([{ datdeb: '2019-12-28', datdeb_precision: 'day', file_id: 'CD59-2020' }]);
  });

  it('keeps distinct events of the same child apart and ignores records of files that are not active', async () => {
    const f = await Fixture.create();
    await f.events([
      { year: 2019, child: 1, typev: '1', datdecpe: '2019-02-01', datdeb: '2019-02-01' },
      { year: 2019, child: 1, typev: '1', datdecpe: '2019-09-01', datdeb: '2019-09-01' },
      { year: 2020, child: 1, typev: '3', datdecpe: '2019-02-01', datdeb: '2019-02-01', datfin: '2020-01-31' },
    ]);
    await f.conn.run(`delete from receipts_active where file_id = 'CD59-2020'`);
    await f.build();
    expect(await f.rows('select typev, file_ids from events order by datdecpe')).toEqual([
      { typev: '1', file_ids: ['CD59-2019'] },
      { typev: '1', file_ids: ['CD59-2019'] },
    ]);
  });
});
