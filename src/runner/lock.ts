/**
 * One writer at a time: a lock file created exclusively, holding the owner's pid and host.
 * A lock whose process is dead (same host) is taken over.
 */
import { closeSync, openSync, readFileSync, rmSync, writeSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { hostname } from 'node:os';
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
  release(): void;
}

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
      return { release: () => rmSync(path, { force: true }) };
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
