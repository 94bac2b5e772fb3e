/**
 * Where Bases Années live: `bases/<departement>/<annee>/<file_id>/{base_annee,findings}.parquet`,
 * and `bases/_rejected/<file_id>/findings.parquet` for a rejected file. A directory appears
 * whole or not at all: it is written under a temporary name and renamed.
 */
import { mkdirSync, renameSync, rmSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { quoteIdent } from '../warehouse/sql-files.js';

export const REJECTED_DIR = '_rejected';

export function baseDir(
  basesRoot: string,
  departement: string | null,
  annee: number | null,
  fileId: string,
): string {
  return departement === null || annee === null
    ? join(basesRoot, REJECTED_DIR, fileId)
    : join(basesRoot, departement, String(annee), fileId);
}

const sqlString = (s: string): string => `'${s.replaceAll("'", "''")}'`;

/** Writes tables of `conn` as zstd Parquet files `<table>.parquet` into `finalDir`, atomically. */
export async function writeParquetDir(
  conn: DuckDBConnection,
  tables: readonly string[],
  finalDir: string,
  tmpRoot: string,
): Promise<void> {
  const tmp = join(tmpRoot, `base-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}`);
  mkdirSync(tmp, { recursive: true });
  try {
    for (const table of tables) {
      const target = sqlString(join(tmp, `${table}.parquet`));
      await conn.run(`copy ${quoteIdent(table)} to ${target} (format parquet, compression zstd)`);
    }
    mkdirSync(join(finalDir, '..'), { recursive: true });
    if (existsSync(finalDir)) rmSync(finalDir, { recursive: true, force: true });
    renameSync(tmp, finalDir);
  } catch (e) {
    rmSync(tmp, { recursive: true, force: true });
    throw e;
  }
}
