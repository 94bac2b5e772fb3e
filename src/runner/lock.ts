/**
 * One writer at a time. With the embedded catalog: a lock file created exclusively, holding the
 * owner's pid and host; a lock whose process is dead (same host) is taken over. With a
 * PostgreSQL catalog: a session advisory lock, which the server releases if the process dies.
 */
import { closeSync, openSync, readFileSync, rmSync, writeSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { hostname } from 'node:os';
import pg from 'pg';
import { LockHeldError } from '../errors.js';

interface LockOwner {
  readonly pid: number;
  readonly host: string;
  readonly since: string;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readOwner(path: string): LockOwner | null {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as LockOwner;
  } catch {
    return null;
  }
}

export interface Lock {
  release(): Promise<void>;
}

/** Advisory lock key of OLINPE builds (any constant 64-bit integer; this one spells "OLINPE"). */
export const ADVISORY_LOCK_KEY = 0x4f4c494e5045n;

function tryCreate(path: string): boolean {
  try {
    const fd = openSync(path, 'wx');
    const owner: LockOwner = { pid: process.pid, host: hostname(), since: new Date().toISOString() };
    writeSync(fd, JSON.stringify(owner));
    closeSync(fd);
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw e;
  }
}

export function acquireLock(path: string): Lock {
  mkdirSync(dirname(path), { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    if (tryCreate(path)) {
      return { release: async () => rmSync(path, { force: true }) };
    }
    const owner = readOwner(path);
    const stale = owner === null || (owner.host === hostname() && !isAlive(owner.pid));
    if (!stale) {
      throw new LockHeldError(
        `another build holds the lock (pid ${owner.pid} on ${owner.host} since ${owner.since}): ${path}`,
      );
    }
    rmSync(path, { force: true });
  }
  throw new LockHeldError(`could not take the lock ${path}`);
}

export async function acquireAdvisoryLock(url: string): Promise<Lock> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const res = await client.query<{ locked: boolean }>('select pg_try_advisory_lock($1) as locked', [
    ADVISORY_LOCK_KEY.toString(),
  ]);
  if (!res.rows[0]?.locked) {
    await client.end();
    throw new LockHeldError('another build holds the lock (PostgreSQL advisory lock of the catalog)');
  }
  return {
    release: async () => {
      try {
        await client.query('select pg_advisory_unlock($1)', [ADVISORY_LOCK_KEY.toString()]);
      } finally {
        await client.end();
      }
    },
  };
}

/** The build lock for a configuration: advisory on a PostgreSQL catalog, a lock file otherwise. */
export function acquireBuildLock(catalogUrl: string | null, lockFile: string): Promise<Lock> {
  return catalogUrl !== null ? acquireAdvisoryLock(catalogUrl) : Promise.resolve(acquireLock(lockFile));
}
