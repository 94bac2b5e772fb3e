/**
 * One Parquet dataset per table: zstd, sorted for locality in a total order (same rows, same
 * bytes: see `sortOrder`), Hive-partitioned (`departement=59/annee=2020/data_0.parquet`)
 * or one file (`data_0.parquet`). An empty partitioned table gets one empty file under the
 * default partition, so that its schema can still be read.
 */
import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { quoteIdent } from '../warehouse/sql-files.js';
import { query } from '../warehouse/duckdb.js';
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

/** A previous release to take unchanged partitions from: its table directory and partition hashes. */
export interface PreviousPartitions {
  readonly dir: string;
  readonly hashes: Readonly<Record<string, string>>;
}

/** The Hive directory of a row's partition, as DuckDB names it (`departement=59/annee=2020`). */
function partitionPathSql(partitionBy: readonly string[]): string {
  return `concat_ws('/', ${partitionBy
    .map((c) => `'${c}=' || coalesce(cast(${quoteIdent(c)} as varchar), '${HIVE_NULL}')`)
    .join(', ')})`;
}

/**
 * Writes one table; returns, for a partitioned table, the content hash of each partition (its
 * rows: sum of row hashes and count), so that the next release can take unchanged partitions from this one,
 * and how many partitions were taken from the previous release.
 */
export async function writeParquetTable(
  conn: DuckDBConnection,
  spec: ExportTable,
  source: string,
  columns: readonly SourceColumn[],
  rows: number,
  dir: string,
  previous?: PreviousPartitions,
): Promise<{ hashes: Record<string, string>; reused: number }> {
  const names = columns.map((c) => c.name);
  const order = sortOrder(spec, names, true);
  const orderBy = `order by ${order.map((c) => `${quoteIdent(c)} nulls first`).join(', ')}`;
  const exported = `select ${names.map((c) => exportExpression(spec.name, c)).join(', ')} from ${source}`;
  const select = `${exported}\n    ${orderBy}`;
  if (spec.partitionBy.length === 0) {
    mkdirSync(dir, { recursive: true });
    await conn.run(`copy (${select}) to ${literal(join(dir, 'data_0.parquet'))} (${PARQUET_OPTIONS})`);
    return { hashes: {}, reused: 0 };
  }
  if (rows === 0) {
    const emptyDir = join(dir, ...spec.partitionBy.map((c) => `${c}=${HIVE_NULL}`));
    mkdirSync(emptyDir, { recursive: true });
    const kept = names.filter((c) => !spec.partitionBy.includes(c));
    await conn.run(
      `copy (select ${kept.map(quoteIdent).join(', ')} from (${select})) to ${literal(join(emptyDir, 'data_0.parquet'))} (${PARQUET_OPTIONS})`,
    );
    return { hashes: {}, reused: 0 };
  }
  const part = partitionPathSql(spec.partitionBy);
  // The content of a partition: the sum of a 64-bit hash of each of its rows, and their number.
  // Rows sorted by their own values make the file, so the same rows give the same bytes; a change
  // that kept both the sum and the count would go unseen with a probability of about 2^-64.
  await conn.run(
    `create or replace temp table export_partitions as
     select ${part} as part, cast(sum(hash(r)) as varchar) || ':' || count(*) as content
     from (${exported}) as r
     group by all`,
  );
  const hashes = await query<{ part: string; content: string }>(
    conn,
    'select part, content from export_partitions order by part',
  );
  const reused = previous
    ? hashes.filter((h) => previous.hashes[h.part] === h.content && existsSync(join(previous.dir, h.part)))
    : [];
  if (reused.length < hashes.length) {
    // Only the partitions that changed are written (DuckDB writes into an empty directory).
    const reusedSet = new Set(reused.map((h) => h.part));
    await conn.run('create or replace temp table export_changed (part VARCHAR)');
    const appender = await conn.createAppender('export_changed');
    for (const h of hashes) {
      if (reusedSet.has(h.part)) continue;
      appender.appendVarchar(h.part);
      appender.endRow();
    }
    appender.closeSync();
    await conn.run(
      `copy (select * from (${exported}) as r where ${part} in (select part from export_changed)
             ${orderBy}) to ${literal(dir)} (${PARQUET_OPTIONS}, partition_by (${spec.partitionBy.map(quoteIdent).join(', ')}))`,
    );
  }
  if (previous) for (const h of reused) linkTree(join(previous.dir, h.part), join(dir, h.part));
  return { hashes: Object.fromEntries(hashes.map((h) => [h.part, h.content])), reused: reused.length };
}

/** Hard-links (or copies, across devices) every file of a previous partition into the new release. */
function linkTree(from: string, to: string): void {
  mkdirSync(to, { recursive: true });
  for (const name of readdirSync(from)) {
    const source = join(from, name);
    if (statSync(source).isDirectory()) linkTree(source, join(to, name));
    else {
      try {
        linkSync(source, join(to, name));
      } catch {
        copyFileSync(source, join(to, name));
      }
    }
  }
}
