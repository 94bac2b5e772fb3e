/**
 * One Parquet dataset per table: zstd, sorted for locality in a total order (same rows, same
 * bytes: see `sortOrder`), Hive-partitioned (`departement=59/annee=2020/data_0.parquet`)
 * or one file (`data_0.parquet`). An empty partitioned table gets one empty file under the
 * default partition, so that its schema can still be read.
 */
import { mkdirSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { quoteIdent } from '../warehouse/sql-files.js';
import { exportExpression, type SourceColumn } from './columns.js';
import { sortOrder, type ExportTable } from './tables.js';

const HIVE_NULL = '__HIVE_DEFAULT_PARTITION__';
const PARQUET_OPTIONS = 'format parquet, compression zstd, row_group_size 122880';

const literal = (path: string): string => `'${path.replaceAll("'", "''")}'`;

/** Files under `dir`, relative to `root`, sorted. */
export function listFiles(dir: string, root: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(relative(root, p).split('\\').join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

export async function writeParquetTable(
  conn: DuckDBConnection,
  spec: ExportTable,
  source: string,
  columns: readonly SourceColumn[],
  rows: number,
  dir: string,
): Promise<void> {
  const names = columns.map((c) => c.name);
  const order = sortOrder(spec, names, true);
  const select = `select ${names.map((c) => exportExpression(spec.name, c)).join(', ')} from ${source}
    order by ${order.map((c) => `${quoteIdent(c)} nulls first`).join(', ')}`;
  if (spec.partitionBy.length === 0) {
    mkdirSync(dir, { recursive: true });
    await conn.run(`copy (${select}) to ${literal(join(dir, 'data_0.parquet'))} (${PARQUET_OPTIONS})`);
  } else if (rows === 0) {
    const emptyDir = join(dir, ...spec.partitionBy.map((c) => `${c}=${HIVE_NULL}`));
    mkdirSync(emptyDir, { recursive: true });
    const kept = names.filter((c) => !spec.partitionBy.includes(c));
    await conn.run(
      `copy (select ${kept.map(quoteIdent).join(', ')} from (${select})) to ${literal(join(emptyDir, 'data_0.parquet'))} (${PARQUET_OPTIONS})`,
    );
  } else {
    await conn.run(
      `copy (${select}) to ${literal(dir)} (${PARQUET_OPTIONS}, partition_by (${spec.partitionBy.map(quoteIdent).join(', ')}))`,
    );
  }
}
