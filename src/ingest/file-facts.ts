/** Facts about a received file that come before reading it: hash, size, year and département hints. */
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { ConfigError } from '../errors.js';

export async function sha256OfFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** The receipt id: the first 16 hex characters of the file's SHA-256. */
export const fileIdOf = (sha256: string): string => sha256.slice(0, 16);

export type YearSource = 'option' | 'manifest' | 'filename' | 'dates';

/** A 4-digit year (2000–2099) standing alone in the file name, e.g. `CD59_Olinpe_2019.xml`. */
export function yearFromFileName(name: string): number | null {
  const matches = [...basename(name).matchAll(/(?<![0-9])(20[0-9]{2})(?![0-9])/g)];
  const last = matches.at(-1);
  return last ? Number(last[1]) : null;
}

/** A département code in a name like `CD59_…`, `CD2A_…`, `CD971_…`, `CD69M_…`. */
export function departementFromFileName(name: string): string | null {
  const m = /^(?:CD|CG|ONPE[-_]?)?0*([0-9]{2,3}|2A|2B|69D|69M)(?=[_\-.])/i.exec(basename(name));
  return m ? (m[1] as string).toUpperCase().padStart(2, '0') : null;
}

export interface ManifestEntry {
  readonly annee?: number;
}

/**
 * Optional `manifest.json` beside received files: `{ "files": { "<file name>": { "annee": 2019 } } }`.
 */
export function readManifest(dir: string): ReadonlyMap<string, ManifestEntry> {
  const path = join(dir, 'manifest.json');
  if (!existsSync(path)) return new Map();
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new ConfigError(`${path} is not valid JSON`, { cause: e });
  }
  const files = (parsed as { files?: unknown }).files;
  if (files === null || typeof files !== 'object')
    throw new ConfigError(`${path} must hold { "files": { … } }`);
  const out = new Map<string, ManifestEntry>();
  for (const [name, entry] of Object.entries(files as Record<string, unknown>)) {
    const annee = (entry as { annee?: unknown } | null)?.annee;
    if (
      annee !== undefined &&
      !(Number.isInteger(annee) && (annee as number) >= 2000 && (annee as number) < 2100)
    ) {
      throw new ConfigError(`${path}: annee of ${name} must be a year`);
    }
    out.set(name, annee === undefined ? {} : { annee: annee as number });
  }
  return out;
}

export function manifestYear(path: string): number | null {
  return readManifest(dirname(path)).get(basename(path))?.annee ?? null;
}

export const fileSize = (path: string): number => statSync(path).size;
