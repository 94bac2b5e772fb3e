/**
 * Atomic publication of the national base: a build writes a new DuckDB file beside the
 * published one and renames it over it; readers never see a half-built base.
 */
import {
  existsSync,
  mkdirSync,
  renameSync,
  rmSync,
  openSync,
  fsyncSync,
  closeSync,
  readdirSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';

export function stagingPathFor(published: string, buildId: string): string {
  return `${published}.building-${buildId}`;
}

export function discardStaging(path: string): void {
  for (const p of [path, `${path}.wal`]) if (existsSync(p)) rmSync(p, { force: true });
}

/** Moves a finished staging file over the published one (same directory, so rename is atomic). */
export function publish(staging: string, published: string): void {
  mkdirSync(dirname(published), { recursive: true });
  const fd = openSync(staging, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(staging, published);
  const dirFd = openSync(dirname(published), 'r');
  try {
    fsyncSync(dirFd);
  } finally {
    closeSync(dirFd);
  }
}

/** Removes staging files left by a killed build (call only while holding the build lock). */
export function discardLeftoverStaging(published: string): string[] {
  const dir = dirname(published);
  if (!existsSync(dir)) return [];
  const prefix = `${basename(published)}.building-`;
  const leftovers = readdirSync(dir).filter((n) => n.startsWith(prefix));
  for (const name of leftovers) rmSync(join(dir, name), { force: true });
  return leftovers;
}
