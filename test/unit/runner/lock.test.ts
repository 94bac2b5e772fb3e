import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { acquireAdvisoryLock, acquireLock } from '../../../src/runner/lock.js';
import { LockHeldError } from '../../../src/errors.js';
import { postgresUrlForTests } from '../../helpers/postgres.js';

const dir = mkdtempSync(join(tmpdir(), 'olinpe-lock-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('build lock file', () => {
  it('lets one holder in and refuses a second until released', async () => {
    const path = join(dir, 'a.lock');
    const first = acquireLock(path);
    expect(() => acquireLock(path)).toThrow(LockHeldError);
    await first.release();
    expect(existsSync(path)).toBe(false);
    const again = acquireLock(path);
    await again.release();
  });

  it('takes over a lock left by a dead process', async () => {
    const path = join(dir, 'b.lock');
    const dead = spawnSync(process.execPath, [
      '-e',
      'process.stdout.write(String(process.pid))',
    ]).stdout.toString();
    writeFileSync(
      path,
      JSON.stringify({ pid: Number(dead), host: hostname(), since: '2020-01-01T00:00:00Z' }),
    );
    const lock = acquireLock(path);
    await lock.release();
  });

  it('refuses a lock held by a live process', () => {
    const path = join(dir, 'c.lock');
    writeFileSync(
      path,
      JSON.stringify({ pid: process.ppid, host: hostname(), since: '2020-01-01T00:00:00Z' }),
    );
    expect(() => acquireLock(path)).toThrow(/another build holds the lock/);
  });
});

describe('PostgreSQL advisory lock', () => {
  it('lets one session in and refuses a second until released', async () => {
    const url = await postgresUrlForTests();
    const first = await acquireAdvisoryLock(url);
    await expect(acquireAdvisoryLock(url)).rejects.toBeInstanceOf(LockHeldError);
    await first.release();
    const again = await acquireAdvisoryLock(url);
    await again.release();
  });
});
