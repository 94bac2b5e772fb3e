import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { tableFromIPC } from 'apache-arrow';
import { EXPORT_TABLES, writeExports, type ExportResult, type Manifest } from '../../../src/exports/index.js';
import { listFiles } from '../../../src/exports/parquet.js';
import { FREE_TEXT_COLUMNS, VARIABLES } from '../../../src/dictionary/index.js';
import { query, withDuckDB } from '../../../src/warehouse/duckdb.js';
import { createWarehouse, FREE_TEXT_MARKER } from '../../e2e/exports/warehouse-fixture.js';

const log = pino({ level: 'silent' });
let root: string;
let warehouse: string;
let first: string;
let second: string;
let result: ExportResult;

const input = (exportsDir: string) => ({
  warehouse,
  exportsDir,
  buildId: 'b0c1d2e3f4a5b6c7',
  productVersion: '0.1.0',
  catalogueVersion: '2',
});

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'olinpe-exports-'));
  warehouse = await createWarehouse(root);
  first = join(root, 'one', 'exports');
  second = join(root, 'two', 'exports');
  result = await writeExports(input(first), log);
  await writeExports(input(second), log);
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

const readBack = (table: string, dir: string): string => {
  const spec = EXPORT_TABLES.find((t) => t.name === table)!;
  const types = spec.partitionBy.map((c) => `'${c}': ${c === 'annee' ? 'SMALLINT' : 'VARCHAR'}`).join(', ');
  const hive = spec.partitionBy.length > 0 ? `, hive_partitioning = true, hive_types = {${types}}` : '';
  return `read_parquet('${join(dir, 'parquet', table)}/**/*.parquet'${hive})`;
};

describe('writeExports', () => {
  it('exports every table with its row count', () => {
    expect(result.rows).toEqual({
      receipts: 4,
      base_annee: 6,
      findings: 5,
      rules: expect.any(Number) as number,
      children: 7,
      periods: 4,
      measures: 13,
      stock_31dec: 6,
      parcours: 13,
      mobility: 2,
      entries: 7,
      entry_cohorts: 3,
      labels: expect.any(Number) as number,
    });
    expect(result.rows.rules).toBeGreaterThan(10);
  });

  it('partitions the large tables by département (and year), the others in one file', () => {
    const files = listFiles(join(first, 'parquet'), join(first, 'parquet'));
    expect(files.filter((f) => f.startsWith('base_annee/'))).toEqual([
      'base_annee/departement=59/annee=2019/data_0.parquet',
      'base_annee/departement=59/annee=2021/data_0.parquet',
      'base_annee/departement=62/annee=2020/data_0.parquet',
    ]);
    expect(files.filter((f) => f.startsWith('findings/'))).toEqual([
      'findings/departement=59/annee=2021/data_0.parquet',
      'findings/departement=62/annee=2020/data_0.parquet',
      'findings/departement=__HIVE_DEFAULT_PARTITION__/annee=__HIVE_DEFAULT_PARTITION__/data_0.parquet',
    ]);
    expect(files.filter((f) => f.startsWith('measures/'))).toEqual([
      'measures/departement=59/data_0.parquet',
      'measures/departement=62/data_0.parquet',
      'measures/departement=75/data_0.parquet',
      'measures/departement=93/data_0.parquet',
    ]);
    expect(files.filter((f) => f.startsWith('children/'))).toEqual(['children/data_0.parquet']);
    expect(readdirSync(join(first, 'arrow')).sort()).toEqual([
      'entry_cohorts.arrow',
      'labels.arrow',
      'receipts.arrow',
      'rules.arrow',
      'stock_31dec.arrow',
    ]);
  });

  it('reads back as a Hive dataset equal to the tables, free text left out', async () => {
    await withDuckDB(':memory:', async (conn) => {
      await conn.run(`attach '${warehouse}' as w (read_only)`);
      for (const [table, n] of Object.entries(result.rows)) {
        if (table === 'labels') continue;
        const columns = await query<{ name: string }>(
          conn,
          `select column_name as name from duckdb_columns() where database_name = 'w' and table_name = $table order by column_index`,
          { table },
        );
        const kept = columns
          .map((c) => `"${c.name}"`)
          .filter((c) => !FREE_TEXT_COLUMNS.includes(c.slice(1, -1)));
        const original =
          table === 'findings'
            ? `select * replace (case when variable in ('AUTREDA', 'NUMANONYM') then null else value end as value) from w.findings`
            : `select ${kept.join(', ')} from w."${table}"`;
        const exported = `select ${kept.join(', ')} from ${readBack(table, first)}`;
        const [diff] = await query<{ missing: number; extra: number; n: number }>(
          conn,
          `select (select count(*) from (${original} except all ${exported}))::integer as missing,
             (select count(*) from (${exported} except all ${original}))::integer as extra,
             (select count(*) from (${exported}))::integer as n`,
        );
        expect({ table, ...diff }).toEqual({ table, missing: 0, extra: 0, n });
      }
    });
  });

  it('keeps the column types, the partition columns typed as declared', async () => {
    await withDuckDB(':memory:', async (conn) => {
      const rows = await query<{ column_name: string; column_type: string }>(
        conn,
        `select column_name, column_type from (describe select departement, annee, datdeb, record_no from ${readBack('base_annee', first)})`,
      );
      expect(rows).toEqual([
        { column_name: 'departement', column_type: 'VARCHAR' },
        { column_name: 'annee', column_type: 'SMALLINT' },
        { column_name: 'datdeb', column_type: 'DATE' },
        { column_name: 'record_no', column_type: 'INTEGER' },
      ]);
    });
  });

  it('is byte-identical across two runs', () => {
    const a = listFiles(first, first);
    expect(listFiles(second, second)).toEqual(a);
    for (const f of a)
      expect({ f, same: readFileSync(join(first, f)).equals(readFileSync(join(second, f))) }).toEqual({
        f,
        same: true,
      });
  });

  it('writes a MANIFEST whose checksums match every other file', () => {
    const manifest = JSON.parse(readFileSync(join(first, 'MANIFEST.json'), 'utf8')) as Manifest;
    expect(manifest.build_id).toBe('b0c1d2e3f4a5b6c7');
    expect(manifest.catalogue_version).toBe('2');
    expect(manifest.product_version).toBe('0.1.0');
    expect(manifest.reference_period).toEqual({
      first_year: 2019,
      last_year: 2021,
      reference_date: '2021-12-31',
    });
    expect(manifest.inputs).toEqual([
      { file_id: 'f1', departement: '59', annee: 2019, sha256: 'a'.repeat(64) },
      { file_id: 'f2', departement: '59', annee: 2021, sha256: 'b'.repeat(64) },
      { file_id: 'f4', departement: '62', annee: 2020, sha256: 'd'.repeat(64) },
    ]);
    expect(manifest.tables.measures).toEqual({ rows: 13, partitioned_by: ['departement'], files: 4 });
    const listed = manifest.files.map((f) => f.path);
    expect(listed).toEqual(listFiles(first, first).filter((f) => f !== 'MANIFEST.json'));
    for (const f of manifest.files) {
      const bytes = readFileSync(join(first, f.path));
      expect({
        path: f.path,
        sha256: createHash('sha256').update(bytes).digest('hex'),
        bytes: bytes.length,
      }).toEqual(f);
    }
    expect(result.files).toBe(listed.length + 1);
  });

  it('never exports free text, nor the raw value of a finding on it', async () => {
    for (const f of listFiles(first, first)) {
      // Parquet pages are compressed: search the decoded values below; the other files are plain.
      if (!f.endsWith('.parquet'))
        expect({ f, found: readFileSync(join(first, f)).includes(FREE_TEXT_MARKER) }).toEqual({
          f,
          found: false,
        });
    }
    await withDuckDB(':memory:', async (conn) => {
      const names = await query<{ name: string }>(
        conn,
        `select distinct lower(name) as name from parquet_schema('${first}/parquet/**/*.parquet')`,
      );
      for (const c of FREE_TEXT_COLUMNS) expect(names.map((n) => n.name)).not.toContain(c);
      for (const table of Object.keys(result.rows)) {
        const [hit] = await query<{ n: number }>(
          conn,
          `select count(*)::integer as n from ${readBack(table, first)} t where contains(t::varchar, '${FREE_TEXT_MARKER}')`,
        );
        expect({ table, n: hit?.n }).toEqual({ table, n: 0 });
      }
    });
    for (const f of readdirSync(join(first, 'arrow'))) {
      const fields = tableFromIPC(readFileSync(join(first, 'arrow', f))).schema.fields.map((x) => x.name);
      for (const c of FREE_TEXT_COLUMNS) expect(fields).not.toContain(c);
    }
  });

  it('writes the small tables as Arrow IPC with their types', () => {
    const stock = tableFromIPC(readFileSync(join(first, 'arrow', 'stock_31dec.arrow')));
    expect(stock.schema.fields.map((f) => `${f.name}:${String(f.type)}`)).toEqual([
      'departement:Utf8',
      'annee:Int16',
      'drees_category:Utf8',
      'n_measures:Int32',
      'n_children:Int32',
    ]);
    expect(stock.toArray().map((r) => r.toJSON())[0]).toEqual({
      departement: '59',
      annee: 2019,
      drees_category: 'aemo',
      n_measures: 1,
      n_children: 1,
    });
    const receipts = tableFromIPC(readFileSync(join(first, 'arrow', 'receipts.arrow')));
    const received = receipts.getChild('received_at')!;
    expect(String(received.type)).toBe('Timestamp<MICROSECOND>');
    expect(received.data[0]!.values[0]).toBe(1646128800123456n);
  });

  it('describes every variable and code in dictionary.json and the labels table', async () => {
    const dict = JSON.parse(readFileSync(join(first, 'dictionary.json'), 'utf8')) as {
      variables: { name: string; exported: boolean; codes: { code: string; label_fr: string }[] }[];
    };
    expect(dict.variables).toHaveLength(VARIABLES.length);
    expect(dict.variables.find((v) => v.name === 'AUTREDA')?.exported).toBe(false);
    expect(
      dict.variables.find((v) => v.name === 'MOTFININT')?.codes.find((c) => c.code === '3')?.label_fr,
    ).toBe('Transfert du dossier dans un autre département avec maintien de la mesure/prestation');
    await withDuckDB(':memory:', async (conn) => {
      const rows = await query(
        conn,
        `select label_fr from ${readBack('labels', first)} where variable = 'sexe' and code = '2'`,
      );
      expect(rows).toEqual([{ label_fr: 'Fille' }]);
      const [n] = await query<{ n: number }>(
        conn,
        `select count(*)::integer as n from ${readBack('labels', first)} where source = 'decret'`,
      );
      expect(n?.n).toBe(VARIABLES.reduce((s, v) => s + v.codes.length, 0));
    });
  });

  it('leaves the previous release intact when a new one fails, and no temporary directory', async () => {
    const broken = join(root, 'broken.duckdb');
    await withDuckDB(broken, async (conn) => {
      await conn.run('create table receipts (file_id VARCHAR, status VARCHAR)');
    });
    const before = readFileSync(join(first, 'MANIFEST.json'));
    await expect(writeExports({ ...input(first), warehouse: broken, buildId: 'other' }, log)).rejects.toThrow(
      /contract tables/,
    );
    expect(readFileSync(join(first, 'MANIFEST.json')).equals(before)).toBe(true);
    expect(readdirSync(join(root, 'one')).filter((n) => !n.startsWith('.'))).toEqual(['exports']);
  });

  it('replaces a previous release whole, and recovers one left aside by an interrupted swap', async () => {
    const dir = join(root, 'three', 'exports');
    await writeExports(input(dir), log);
    writeFileSync(join(dir, 'stale.txt'), 'old');
    await writeExports(input(dir), log);
    expect(existsSync(join(dir, 'stale.txt'))).toBe(false);
    const { renameSync } = await import('node:fs');
    renameSync(dir, `${dir}.previous-crashed`);
    await writeExports(input(dir), log);
    expect(readdirSync(join(root, 'three')).filter((n) => !n.startsWith('.'))).toEqual(['exports']);
    expect(readdirSync(join(root, 'three')).filter((n) => n.startsWith('.'))).toHaveLength(1);
    expect(readFileSync(join(dir, 'MANIFEST.json')).equals(readFileSync(join(first, 'MANIFEST.json')))).toBe(
      true,
    );
  });
});
