/**
 * A small national base with every contract table (a few inline rows; the paths built from the
 * paths fixture), written to a DuckDB file, as the lead's build would publish it. Free text and a
 * finding on it are present so that the tests can check they never leave the base.
 */
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { pino } from 'pino';
import { BASE_ANNEE_KEY_COLUMNS, VARIABLE_COLUMNS } from '../../../src/dictionary/columns.js';
import { buildPaths } from '../../../src/paths/index.js';
import { withDuckDB } from '../../../src/warehouse/duckdb.js';
import { createRulesTable } from '../../../src/warehouse/rules-table.js';
import { createPathInputs } from '../../sql/paths/paths-fixture.js';

/** Words that appear only in free text (AUTREDA/AUTREDJ) and in a finding's value on it. */
export const FREE_TEXT_MARKER = 'Dupontel-Marchand';

async function createBaseAnnee(conn: DuckDBConnection): Promise<void> {
  const columns = [...BASE_ANNEE_KEY_COLUMNS, ...VARIABLE_COLUMNS].map((c) => `"${c.name}" ${c.type}`);
  await conn.run(`create table base_annee (${columns.join(', ')})`);
  const rows = [
    ['f1', '59', 2019, 1, 'E', '1', '2', '17', '2019-01-01', null],
    ['f1', '59', 2019, 2, 'G', '2', '2', '15', '2019-03-01', null],
    ['f2', '59', 2021, 1, 'F', '1', '1', '10', '2021-02-01', `Chez M. ${FREE_TEXT_MARKER}`],
    ['f4', '62', 2020, 1, 'C', '1', '2', '17', '2020-01-01', null],
    ['f4', '62', 2020, 2, 'D', '1', '2', '17', '2020-01-01', null],
    ['f4', '62', 2020, 3, 'D', '1', '1', '16', '2020-07-08', null],
  ] as const;
  for (const [file, dep, year, no, child, typev, decision, nature, datdeb, autreda] of rows) {
    await conn.run(
      `insert into base_annee (file_id, departement, annee, record_no, child_id, numanonym, typev, decision,
         natpdecadm, natdecassed, datdeb, datdeb_precision, numdep, autreda, autredj)
       values ($file, $dep, $year, $no, $child, $numanonym, $typev, $decision, $adm, $jud, $datdeb::date, 'day', $dep,
         $autreda, $autredj)`,
      {
        file,
        dep,
        year,
        no,
        child,
        typev,
        decision,
        datdeb,
        autreda,
        numanonym: `${child.toLowerCase()}${'0'.repeat(39)}`,
        adm: decision === '1' ? nature : null,
        jud: decision === '2' ? nature : null,
        autredj: decision === '2' ? `Juge ${FREE_TEXT_MARKER}` : null,
      },
    );
  }
}

async function createOtherTables(conn: DuckDBConnection): Promise<void> {
  await conn.run(`alter table receipts add column decree VARCHAR default '2016'`);
  await conn.run(
    `alter table receipts add column received_at TIMESTAMP default timestamp '2022-03-01 10:00:00.123456'`,
  );
  await conn.run(`create table findings (file_id VARCHAR, departement VARCHAR, annee SMALLINT, record_no INTEGER,
    rule VARCHAR, severity VARCHAR, variable VARCHAR, value VARCHAR, message VARCHAR)`);
  await conn.run(`insert into findings values
    ('f2', '59', 2021, 1, 'valeur-hors-condition', 'warning', 'AUTREDA', 'Chez M. ${FREE_TEXT_MARKER}', 'Valeur non attendue'),
    ('f2', '59', 2021, 1, 'numanonym-invalide', 'error', 'NUMANONYM', 'zz12', 'Numéro inutilisable'),
    ('f2', '59', 2021, 1, 'code-invalide', 'warning', 'NATPDECADM', '77', 'Code hors nomenclature'),
    ('f4', '62', 2020, 2, 'code-invalide', 'warning', 'LIEUACC', '45', 'Code hors nomenclature'),
    ('f9', null, null, null, 'fichier-illisible', 'error', null, null, 'Fichier illisible')`);
  await conn.run(`create table stock_31dec (departement VARCHAR, annee SMALLINT, drees_category VARCHAR,
    n_measures INTEGER, n_children INTEGER)`);
  await conn.run(`insert into stock_31dec values
    ('59', 2019, 'placement_ase', 1, 1), ('59', 2019, 'aemo', 1, 1), ('59', 2020, 'aemo', 1, 1),
    ('62', 2020, 'placement_ase', 0, 0), ('62', 2020, 'accueil_provisoire_mineur', 1, 1),
    ('75', 2020, 'placement_ase', 1, 1)`);
  await createRulesTable(conn);
}

/** Writes the base to `<dir>/olinpe.duckdb` and returns its path. */
export async function createWarehouse(dir: string): Promise<string> {
  const path = join(dir, 'olinpe.duckdb');
  await withDuckDB(path, async (conn) => {
    await createPathInputs(conn);
    await createBaseAnnee(conn);
    await createOtherTables(conn);
    await buildPaths(conn, pino({ level: 'silent' }));
    await conn.run('checkpoint');
  });
  return path;
}
