/**
 * The catalog of receipts and runs, through Kysely: an embedded DuckDB file under the data
 * directory by default, PostgreSQL when a catalog URL is configured. Schema changes are Kysely
 * migrations, applied on open.
 */
import { mkdirSync } from 'node:fs';
import {
  Kysely,
  Migrator,
  PostgresDialect,
  type Dialect,
  type Migration,
  type MigrationProvider,
} from 'kysely';
import { DuckDbDialect } from 'kysely-duckdb';
import { DuckDBInstance } from '@duckdb/node-api';
import pg from 'pg';
import { LockHeldError, OlinpeError } from '../errors.js';
import type { CatalogSchema } from './schema.js';
import * as m001 from './migrations/001-initial.js';
import * as m002 from './migrations/002-run-stages.js';

export type CatalogDb = Kysely<CatalogSchema>;
export type CatalogBackend = 'duckdb' | 'postgres';

export interface Catalog {
  readonly db: CatalogDb;
  readonly backend: CatalogBackend;
  close(): Promise<void>;
}

const MIGRATIONS: Record<string, Migration> = { '001-initial': m001, '002-run-stages': m002 };

const provider: MigrationProvider = { getMigrations: async () => MIGRATIONS };

export async function migrate(db: Kysely<unknown>): Promise<void> {
  const { error, results } = await new Migrator({ db, provider }).migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new OlinpeError('CATALOG', `catalog migration ${failed} failed`, { cause: error });
  }
}

export interface CatalogLocation {
  /** PostgreSQL URL; null for the embedded DuckDB file. */
  readonly url: string | null;
  /** The DuckDB file of the embedded catalog. */
  readonly duckdbPath: string;
}

/** The embedded catalog file; one process at a time may open it (DuckDB's file lock). */
async function openEmbedded(path: string): Promise<DuckDBInstance> {
  try {
    return await DuckDBInstance.create(path);
  } catch (e) {
    if (/Could not set lock/i.test((e as Error).message)) {
      throw new LockHeldError(
        `the catalog ${path} is in use by a running build; try again when it ends (a PostgreSQL catalog, OLINPE_CATALOG_URL, can be read meanwhile)`,
      );
    }
    throw e;
  }
}

export async function openCatalog(location: CatalogLocation): Promise<Catalog> {
  let db: CatalogDb;
  let backend: CatalogBackend;
  if (location.url !== null) {
    backend = 'postgres';
    db = new Kysely<CatalogSchema>({
      dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: location.url, max: 4 }) }),
    });
  } else {
    backend = 'duckdb';
    mkdirSync(location.duckdbPath.replace(/\/[^/]+$/, ''), { recursive: true });
    const instance = await openEmbedded(location.duckdbPath);
    // kysely-duckdb's types resolve Kysely's CommonJS declarations; the runtime objects are the same.
    const dialect = new DuckDbDialect({ database: instance }) as unknown as Dialect;
    db = new Kysely<CatalogSchema>({ dialect });
  }
  try {
    await migrate(db as unknown as Kysely<unknown>);
  } catch (e) {
    await db.destroy();
    throw e;
  }
  return { db, backend, close: () => db.destroy() };
}
