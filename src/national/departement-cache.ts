/**
 * The Bases Départements and what is computed from them alone — events, period_base, periods,
 * measures — are rebuilt only for the départements whose inputs changed: each département's
 * rows are kept under `<cache>/<departement>/` with the fingerprint of their inputs
 * (sql/national/departement_fingerprints.sql), and reused while it holds. Identifiers are
 * hashes of natural keys and every window is within a département, so a département computed
 * alone gives exactly the rows it gets in a national computation.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Logger } from '../log.js';
import { createRelation, selectRows } from '../warehouse/duckdb.js';
import { quoteIdent, sqlText } from '../warehouse/sql-files.js';

/** The relations computed per département, in order: [SQL file, table]. */
export const PER_DEPARTEMENT_RELATIONS: readonly (readonly [string, string])[] = [
  ['department/events', 'events'],
  ['national/period_base', 'period_base'],
  ['national/periods', 'periods'],
  ['national/measures', 'measures'],
];

const FINGERPRINT_FILE = 'fingerprint';
const sqlString = (s: string): string => `'${s.replaceAll("'", "''")}'`;
const computed = (table: string): string => `${table}_computed`;

/** Changes whenever the code that computes the cached relations changes. */
function codeVersion(productVersion: string): string {
  const hash = createHash('sha256').update(productVersion);
  for (const [file] of PER_DEPARTEMENT_RELATIONS) hash.update(sqlText(file));
  hash.update(sqlText('national/departement_fingerprints'));
  return hash.digest('hex');
}

function cachedFingerprint(dir: string): string | null {
  try {
    return readFileSync(join(dir, FINGERPRINT_FILE), 'utf8').trim();
  } catch {
    return null;
  }
}

const complete = (dir: string): boolean =>
  PER_DEPARTEMENT_RELATIONS.every(([, table]) => existsSync(join(dir, `${table}.parquet`)));

export interface DepartementCacheResult {
  readonly rebuilt: readonly string[];
  readonly reused: readonly string[];
}

/**
 * Builds events, period_base, periods and measures in `conn` (which holds base_annee, children,
 * receipts_active and drees_categories), reusing the cached départements that did not change.
 */
export async function buildPerDepartement(
  conn: DuckDBConnection,
  cacheDir: string,
  productVersion: string,
  log: Logger,
): Promise<DepartementCacheResult> {
  const fingerprints = await selectRows<{ departement: string; fingerprint: string }>(
    conn,
    'national/departement_fingerprints',
    { base_annee: 'base_annee', children: 'children' },
    { code_version: codeVersion(productVersion) },
  );
  const reused = fingerprints
    .filter((f) => {
      const dir = join(cacheDir, f.departement);
      return cachedFingerprint(dir) === f.fingerprint && complete(dir);
    })
    .map((f) => f.departement);
  const rebuilt = fingerprints.map((f) => f.departement).filter((d) => !reused.includes(d));

  await conn.run('create or replace temp table rebuilt_departements (departement VARCHAR)');
  const appender = await conn.createAppender('rebuilt_departements');
  for (const d of rebuilt) {
    appender.appendVarchar(d);
    appender.endRow();
  }
  appender.closeSync();
  await conn.run(
    'create or replace temp view base_annee_rebuilt as select b.* from base_annee as b semi join rebuilt_departements using (departement)',
  );
  const relations: Record<string, string> = { base_annee: 'base_annee_rebuilt' };
  for (const [file, table] of PER_DEPARTEMENT_RELATIONS) {
    await createRelation(conn, file, computed(table), relations);
    relations[table] = computed(table);
  }
  for (const [, table] of PER_DEPARTEMENT_RELATIONS) {
    const files = reused.map((d) => join(cacheDir, d, `${table}.parquet`));
    const cached =
      files.length === 0
        ? ''
        : ` union all by name select * from read_parquet([${files.map(sqlString).join(', ')}])`;
    await conn.run(
      `create or replace table ${quoteIdent(table)} as select * from ${quoteIdent(computed(table))}${cached}`,
    );
  }
  for (const d of rebuilt)
    await storeDepartement(
      conn,
      cacheDir,
      d,
      fingerprints.find((f) => f.departement === d)!,
    );
  for (const [, table] of PER_DEPARTEMENT_RELATIONS)
    await conn.run(`drop table ${quoteIdent(computed(table))}`);
  await conn.run('drop view base_annee_rebuilt');
  await conn.run('drop table rebuilt_departements');
  forgetDepartements(cacheDir, new Set(fingerprints.map((f) => f.departement)));
  log.info({ rebuilt, reused }, 'Bases Départements: rebuilt what changed');
  return { rebuilt, reused };
}

/** The fingerprint goes last: a département half written is never taken for a complete one. */
async function storeDepartement(
  conn: DuckDBConnection,
  cacheDir: string,
  departement: string,
  { fingerprint }: { readonly fingerprint: string },
): Promise<void> {
  const dir = join(cacheDir, departement);
  mkdirSync(dir, { recursive: true });
  rmSync(join(dir, FINGERPRINT_FILE), { force: true });
  for (const [, table] of PER_DEPARTEMENT_RELATIONS) {
    // COPY takes no bound parameter: the slice is made first.
    await conn.run(
      `create or replace temp table departement_slice as select * from ${quoteIdent(computed(table))} where departement = $d`,
      { d: departement },
    );
    await conn.run(
      `copy departement_slice to ${sqlString(join(dir, `${table}.parquet`))} (format parquet, compression zstd)`,
    );
  }
  await conn.run('drop table departement_slice');
  writeFileSync(join(dir, FINGERPRINT_FILE), `${fingerprint}\n`);
}

/** Drops the cache of départements that no longer have an active file. */
function forgetDepartements(cacheDir: string, present: ReadonlySet<string>): void {
  if (!existsSync(cacheDir)) return;
  for (const d of readdirSync(cacheDir))
    if (!present.has(d)) rmSync(join(cacheDir, d), { recursive: true, force: true });
}
