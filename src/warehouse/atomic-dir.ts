/**
 * Atomic replacement of an output directory (exports, reports). The published path is a symbolic
 * link to a hidden release directory beside it (`exports` → `.exports-<id>`). A new release is
 * written in full into a new hidden directory, then a new link is renamed over the old one — a
 * single atomic rename — and the old release is deleted. A reader following the path sees the old
 * release or the new one, never a half-written one, and a process killed at any moment leaves the
 * previous release in place; the next run removes what it left behind.
 */
import { existsSync, lstatSync, readdirSync, readlinkSync, renameSync, rmSync, symlinkSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { failpoint } from '../runner/failpoint.js';

let counter = 0;

/** A new, unique hidden directory beside `dir` to write a release into. */
export function buildingDirFor(dir: string, buildId: string): string {
  counter += 1;
  return join(
    dirname(dir),
    `.${basename(dir)}-${buildId}-${process.pid}-${Date.now().toString(36)}-${counter}`,
  );
}

const isLink = (path: string): boolean => {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
};

const exists = (path: string): boolean => {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
};

/** Removes releases and links left by an interrupted run; puts back a directory left aside. */
export function recoverInterruptedSwap(dir: string): void {
  const parent = dirname(dir);
  if (!existsSync(parent)) return;
  const name = basename(dir);
  const entries = readdirSync(parent);
  if (!exists(dir)) {
    const aside = entries
      .filter((n) => n.startsWith(`.${name}-aside-`) || n.startsWith(`${name}.previous-`))
      .sort();
    const last = aside.at(-1);
    if (last !== undefined) renameSync(join(parent, last), dir);
  }
  const current = isLink(dir) ? readlinkSync(dir) : null;
  for (const n of readdirSync(parent)) {
    const stale =
      (n.startsWith(`.${name}-`) && n !== current) ||
      n.startsWith(`.${name}.link-`) ||
      n.startsWith(`${name}.previous-`) ||
      n.startsWith(`${name}.building-`);
    if (stale) rmSync(join(parent, n), { recursive: true, force: true });
  }
}

/** Publishes the release written in `building` (from `buildingDirFor`) at `dir`. */
export function swapInto(building: string, dir: string): void {
  const parent = dirname(dir);
  const name = basename(dir);
  const link = join(parent, `.${name}.link-${process.pid}`);
  rmSync(link, { force: true });
  symlinkSync(basename(building), link);
  let previous: string | null = null;
  if (isLink(dir)) previous = readlinkSync(dir);
  else if (exists(dir)) {
    // A plain directory (first run, or an older layout): moved aside once, then replaced.
    previous = `.${name}-aside-${Date.now().toString(36)}`;
    renameSync(dir, join(parent, previous));
  }
  failpoint(`swap:${name}`);
  renameSync(link, dir);
  if (previous !== null && previous !== basename(building)) {
    rmSync(join(parent, previous), { recursive: true, force: true });
  }
}
