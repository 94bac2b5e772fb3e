/**
 * The researchers' release: `exports/parquet/<table>/…` (zstd, Hive-partitioned for the large
 * tables), `exports/arrow/<table>.arrow` for the small ones, `exports/dictionary.json` and
 * `exports/MANIFEST.json`, written from the published national base into a temporary directory
 * and swapped in atomically. Same inputs, same bytes.
 */
import { existsSync, mkdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import type { Logger } from '../log.js';
import { OlinpeError } from '../errors.js';
import { query } from '../warehouse/duckdb.js';
import { quoteIdent } from '../warehouse/sql-files.js';
import { referencePeriod } from '../paths/reference-period.js';
import { writeArrowTable } from './arrow.js';
import { sourceColumns } from './columns.js';
import { createLabelsTable, dictionaryDocument } from './dictionary.js';
import {
  MANIFEST_FILE,
  fileEntries,
  manifestText,
  type Manifest,
  type ManifestInput,
  type ManifestTable,
} from './manifest.js';
import { listFiles, writeParquetTable } from './parquet.js';
import { buildingDirFor, recoverInterruptedSwap, swapInto } from '../warehouse/atomic-dir.js';
import { EXPORT_TABLES } from './tables.js';

export { EXPORT_TABLES, PARTITION_TYPES, type ExportTable } from './tables.js';
export { MANIFEST_FILE, type Manifest } from './manifest.js';
export { labelRows, dictionaryDocument } from './dictionary.js';

export interface ExportInput {
  /** Path of the published national base. */
  readonly warehouse: string;
  readonly exportsDir: string;
  readonly buildId: string;
  readonly productVersion: string;
  readonly catalogueVersion: string;
  /** Take unchanged partitions from the published release (default); false writes every one. */
  readonly reusePartitions?: boolean;
}

export interface ExportResult {
  readonly files: number;
  readonly rows: Record<string, number>;
  /** Partitions taken unchanged from the previous release instead of being written again. */
  readonly reusedPartitions: number;
}

const WAREHOUSE_DB = 'warehouse';

async function tablesIn(conn: DuckDBConnection, database: string): Promise<Set<string>> {
  const rows = await query<{ name: string }>(
    conn,
    `select table_name as name from duckdb_tables() where database_name = $database and schema_name = 'main'`,
    { database },
  );
  return new Set(rows.map((r) => r.name));
}

async function activeInputs(conn: DuckDBConnection): Promise<ManifestInput[]> {
  return query<ManifestInput>(
    conn,
    `select file_id, departement, cast(annee as integer) as annee, sha256
     from ${quoteIdent(`${WAREHOUSE_DB}.receipts`)} where status = 'active'
     order by departement nulls first, annee nulls first, file_id`,
  );
}

async function writeRelease(input: ExportInput, dir: string, log: Logger): Promise<ExportResult> {
  const instance = await DuckDBInstance.create(':memory:', {
    threads: '1',
    preserve_insertion_order: 'true',
  });
  const conn = await instance.connect();
  try {
    await conn.run(
      `attach '${input.warehouse.replaceAll("'", "''")}' as ${quoteIdent(WAREHOUSE_DB)} (read_only)`,
    );
    await createLabelsTable(conn, 'labels');
    const inWarehouse = await tablesIn(conn, WAREHOUSE_DB);
    const missing = EXPORT_TABLES.filter((t) => t.required && !inWarehouse.has(t.name)).map((t) => t.name);
    if (missing.length > 0) throw new Error(`the national base lacks contract tables: ${missing.join(', ')}`);

    const rows: Record<string, number> = {};
    const tables: Record<string, ManifestTable> = {};
    const partitions: Record<string, Record<string, string>> = {};
    let reusedPartitions = 0;
    const previous = input.reusePartitions === false ? null : publishedPartitions(input.exportsDir);
    mkdirSync(join(dir, 'parquet'), { recursive: true });
    for (const spec of EXPORT_TABLES) {
      const database = spec.name === 'labels' ? 'memory' : WAREHOUSE_DB;
      if (database === WAREHOUSE_DB && !inWarehouse.has(spec.name)) {
        log.debug({ table: spec.name }, 'table absent from the national base: not exported');
        continue;
      }
      const source = quoteIdent(`${database}.main.${spec.name}`);
      const columns = await sourceColumns(conn, database, spec.name);
      const [count] = await query<{ n: number }>(
        conn,
        `select cast(count(*) as integer) as n from ${source}`,
      );
      const n = count?.n ?? 0;
      const started = Date.now();
      const tableDir = join(dir, 'parquet', spec.name);
      const previousTable = previous?.partitions[spec.name];
      const written = await writeParquetTable(
        conn,
        spec,
        source,
        columns,
        n,
        tableDir,
        previous && previousTable
          ? { dir: join(previous.dir, 'parquet', spec.name), hashes: previousTable }
          : undefined,
      );
      if (spec.partitionBy.length > 0) partitions[spec.name] = written.hashes;
      reusedPartitions += written.reused;
      if (spec.arrow) {
        mkdirSync(join(dir, 'arrow'), { recursive: true });
        await writeArrowTable(conn, spec, source, columns, join(dir, 'arrow', `${spec.name}.arrow`));
      }
      rows[spec.name] = n;
      tables[spec.name] = {
        rows: n,
        partitioned_by: spec.partitionBy,
        files: listFiles(tableDir, tableDir).length,
      };
      log.debug({ table: spec.name, rows: n, ms: Date.now() - started }, 'table exported');
    }
    writeFileSync(join(dir, 'dictionary.json'), `${JSON.stringify(dictionaryDocument(), null, 2)}\n`);

    const inputs = await activeInputs(conn);
    const period = await referencePeriodIn(conn);
    const paths = listFiles(dir, dir);
    const manifest: Manifest = {
      format: 'olinpe-exports/1',
      build_id: input.buildId,
      product_version: input.productVersion,
      catalogue_version: input.catalogueVersion,
      reference_period: period,
      inputs,
      tables,
      partitions,
      files: await fileEntries(dir, paths),
    };
    writeFileSync(join(dir, MANIFEST_FILE), manifestText(manifest));
    return { files: paths.length + 1, rows, reusedPartitions };
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
}

/** The published release's directory and partition hashes, when there is one to reuse. */
function publishedPartitions(exportsDir: string): { dir: string; partitions: Manifest['partitions'] } | null {
  try {
    const dir = realpathSync(exportsDir);
    const manifest = JSON.parse(readFileSync(join(dir, MANIFEST_FILE), 'utf8')) as Partial<Manifest>;
    return manifest.partitions ? { dir, partitions: manifest.partitions } : null;
  } catch {
    return null;
  }
}

async function referencePeriodIn(conn: DuckDBConnection): Promise<Manifest['reference_period']> {
  await conn.run(`use ${quoteIdent(WAREHOUSE_DB)}`);
  try {
    const p = await referencePeriod(conn);
    return p && { first_year: p.firstYear, last_year: p.lastYear, reference_date: p.referenceDate };
  } finally {
    await conn.run('use memory');
  }
}

export async function writeExports(input: ExportInput, log: Logger): Promise<ExportResult> {
  if (!existsSync(input.warehouse)) {
    throw new OlinpeError(
      'FILE_UNREADABLE',
      `no published national base at ${input.warehouse}: run olinpe build first`,
    );
  }
  recoverInterruptedSwap(input.exportsDir);
  const building = buildingDirFor(input.exportsDir, input.buildId);
  rmSync(building, { recursive: true, force: true });
  mkdirSync(building, { recursive: true });
  try {
    const result = await writeRelease(input, building, log);
    swapInto(building, input.exportsDir);
    log.info({ files: result.files, rows: result.rows, exportsDir: input.exportsDir }, 'exports written');
    return result;
  } catch (e) {
    rmSync(building, { recursive: true, force: true });
    throw e;
  }
}

export { productVersion } from './version.js';
