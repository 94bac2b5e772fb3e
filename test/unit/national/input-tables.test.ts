import { describe, expect, it } from 'vitest';
import { openDuckDB, query } from '../../../src/warehouse/duckdb.js';
import { createInputTables, insertRows, BASE_ANNEE_RAW_COLUMNS } from '../../../src/national/input-tables.js';
import { DREES_CATEGORIES, createCategoriesTable } from '../../../src/national/categories.js';

describe('national input tables', () => {
  it('creates base_annee_raw with the key columns and every typed variable', async () => {
    const conn = await openDuckDB();
    await createInputTables(conn);
    const cols = await query<{ column_name: string; data_type: string }>(
      conn,
      `select column_name, data_type from information_schema.columns where table_name = 'base_annee_raw' order by ordinal_position`,
    );
    expect(cols.length).toBe(BASE_ANNEE_RAW_COLUMNS.length);
    expect(cols.slice(0, 5).map((c) => c.column_name)).toEqual([
      'file_id',
      'departement',
      'annee',
      'record_no',
      'child_id',
    ]);
    const types = Object.fromEntries(cols.map((c) => [c.column_name, c.data_type]));
    expect([types.datdecpe, types.datdecpe_precision, types.anais, types.typev]).toEqual([
      'DATE',
      'VARCHAR',
      'SMALLINT',
      'VARCHAR',
    ]);
  });

  it('inserts rows naming only some columns, a date without precision getting "day"', async () => {
    const conn = await openDuckDB();
    await createInputTables(conn);
    await insertRows(conn, 'base_annee_raw', [
      { file_id: 'f', annee: 2019, datdeb: '2019-05-15' },
      { file_id: 'g', datdeb: '2019-07-01', datdeb_precision: 'year' },
    ]);
    expect(
      await query(
        conn,
        `select file_id, annee, cast(datdeb as varchar) as d, datdeb_precision as p from base_annee_raw order by file_id`,
      ),
    ).toEqual([
      { file_id: 'f', annee: 2019, d: '2019-05-15', p: 'day' },
      { file_id: 'g', annee: null, d: '2019-07-01', p: 'year' },
    ]);
  });

  it('loads the nine DREES categories and hors_perimetre, with the confiés priority', async () => {
    const conn = await openDuckDB();
    await createCategoriesTable(conn);
    expect(
      await query(conn, `select drees_category from drees_categories where is_confie order by confie_rank`),
    ).toEqual(
      [
        'pupille',
        'tutelle',
        'delegation_autorite_parentale',
        'placement_ase',
        'accueil_provisoire_jeune_majeur',
        'accueil_provisoire_mineur',
      ].map((drees_category) => ({ drees_category })),
    );
    expect(DREES_CATEGORIES.filter((c) => c.block !== null).length).toBe(9);
  });
});
