/**
 * Atomic replacement of the exports directory: the release is written into a temporary
 * directory beside it, then renamed into place. The previous release is moved aside first and
 * deleted last (two renames in the same directory: readers see the old release or the new one,
 * at worst for an instant none, never a half-written one). A failure before the swap leaves the
 * previous release untouched.
 */
import { existsSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

export const buildingDirFor = (exportsDir: string, buildId: string): string =>
  `${exportsDir}.building-${buildId}`;
const previousDirFor = (exportsDir: string, buildId: string): string => `${exportsDir}.previous-${buildId}`;

/** Puts back a previous release left aside by an interrupted swap; removes stale temporary directories. */
export function recoverInterruptedSwap(exportsDir: string): void {
  const parent = dirname(exportsDir);
  if (!existsSync(parent)) return;
  const base = basename(exportsDir);
  const leftovers = readdirSync(parent).filter(
    (n) => n.startsWith(`${base}.previous-`) || n.startsWith(`${base}.building-`),
  );
  for (const name of leftovers.sort()) {
    const path = join(parent, name);
    if (name.startsWith(`${base}.previous-`) && !existsSync(exportsDir)) renameSync(path, exportsDir);
    else rmSync(path, { recursive: true, force: true });
  }
}

export function swapInto(building: string, exportsDir: string, buildId: string): void {
  const previous = previousDirFor(exportsDir, buildId);
  const hadPrevious = existsSync(exportsDir);
  if (hadPrevious) renameSync(exportsDir, previous);
  try {
    renameSync(building, exportsDir);
  } catch (e) {
    if (hadPrevious) renameSync(previous, exportsDir);
    throw e;
  }
  if (hadPrevious) rmSync(previous, { recursive: true, force: true });
}
