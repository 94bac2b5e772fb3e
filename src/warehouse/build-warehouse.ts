/**
 * Builds the national base from the stored Bases Années into a staging DuckDB file, then
 * publishes it atomically over `warehouse/olinpe.duckdb`.
 */
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { listValue, type DuckDBConnection } from '@duckdb/node-api';
import type { DataPaths } from '../config.js';
import type { Logger } from '../log.js';
import type { Receipt } from '../catalog/receipts.js';
import { baseDir } from '../ingest/base-store.js';
import { buildNational } from '../national/index.js';
import { buildPaths } from '../paths/index.js';
import { createInputTables } from '../national/input-tables.js';
import { createReceiptsTable } from './receipts-table.js';
import { createRulesTable } from './rules-table.js';
import { createRelation, query } from './duckdb.js';
import { discardStaging, publish, stagingPathFor } from './publish.js';
import { withDuckDB } from './duckdb.js';
import { failpoint } from '../runner/failpoint.js';
import { writeBuildInfo } from '../runner/fingerprint.js';
import { productVersion } from '../exports/version.js';
import { OlinpeError } from '../errors.js';

/** The stored Parquet file of each receipt; a missing one is a damaged data directory, never skipped. */
function storedFiles(paths: DataPaths, receipts: readonly Receipt[], table: string): string[] {
  return receipts.map((r) => {
    const dir = baseDir(paths.bases, r.status === 'rejected' ? null : r.departement, r.annee, r.file_id);
    const path = join(dir, `${table}.parquet`);
    if (!existsSync(path)) {
      throw new OlinpeError(
        'FILE_UNREADABLE',
        `${path} is missing: the stored Base Année of ${r.file_name} (receipt ${r.file_id}) is gone; restore the data directory or receive the file again`,
      );
    }
    return path;
  });
}

async function loadStoredBases(
  conn: DuckDBConnection,
  paths: DataPaths,
  receipts: readonly Receipt[],
): Promise<void> {
  const active = receipts.filter((r) => r.status === 'active');
  await createInputTables(conn);
  await conn.run(`insert into receipts_active
    select file_id, departement, annee, try_cast(datexport as date), received_at from receipts where status = 'active'`);
  const baseFiles = storedFiles(paths, active, 'base_annee');
  if (baseFiles.length > 0) {
    await conn.run(
      'insert into base_annee_raw by name select * from read_parquet($files, union_by_name = true)',
      {
        files: listValue(baseFiles),
      },
    );
  }
  const findingFiles = storedFiles(
    paths,
    receipts.filter((r) => r.status !== 'superseded'),
    'findings',
  );
  if (findingFiles.length > 0) {
    await conn.run(
      'create table findings_ingestion as select * from read_parquet($files, union_by_name = true)',
      {
        files: listValue(findingFiles),
      },
    );
  } else {
    await conn.run(`create table findings_ingestion (file_id VARCHAR, departement VARCHAR, annee SMALLINT,
      record_no INTEGER, rule VARCHAR, severity VARCHAR, variable VARCHAR, value VARCHAR, message VARCHAR)`);
  }
}

export interface WarehouseBuild {
  readonly rows: Record<string, number>;
}

export async function buildWarehouse(
  paths: DataPaths,
  receipts: readonly Receipt[],
  runId: string,
  fingerprint: string,
  log: Logger,
  options: { full?: boolean } = {},
): Promise<WarehouseBuild> {
  const departementCache = join(paths.cache, 'national');
  // --full recomputes every département from the stored Bases Années.
  if (options.full) rmSync(departementCache, { recursive: true, force: true });
  mkdirSync(paths.warehouseDir, { recursive: true });
  const staging = stagingPathFor(paths.warehouse, runId);
  discardStaging(staging);
  try {
    const rows = await withDuckDB(staging, async (conn) => {
      await createReceiptsTable(conn, receipts);
      await loadStoredBases(conn, paths, receipts);
      await createRulesTable(conn);
      const national = await buildNational(conn, log, {
        departementCache: { dir: departementCache, productVersion: productVersion() },
      });
      const pathTables = await buildPaths(conn, log);
      await createRelation(conn, 'publish/findings', 'findings', {
        findings_ingestion: 'findings_ingestion',
        findings_longitudinal: 'findings_longitudinal',
      });
      for (const t of ['findings_ingestion', 'base_annee_raw', 'receipts_active'])
        await conn.run(`drop table ${t}`);
      const [f] = await query<{ n: number }>(conn, 'select count(*)::integer as n from findings');
      await writeBuildInfo(conn, fingerprint);
      await conn.run('checkpoint');
      return { ...national, ...pathTables, receipts: receipts.length, findings: f?.n ?? 0 };
    });
    failpoint('national:before-publish');
    publish(staging, paths.warehouse);
    return { rows };
  } catch (e) {
    discardStaging(staging);
    throw e;
  }
}
