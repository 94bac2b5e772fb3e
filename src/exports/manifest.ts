/** `exports/MANIFEST.json`: what the release is made of, and a SHA-256 of every file in it. */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';

export interface ManifestInput {
  readonly file_id: string;
  readonly departement: string | null;
  readonly annee: number | null;
  readonly sha256: string;
}

export interface ManifestTable {
  readonly rows: number;
  readonly partitioned_by: readonly string[];
  readonly files: number;
}

export interface ManifestFile {
  readonly path: string;
  readonly bytes: number;
  readonly sha256: string;
}

export interface Manifest {
  readonly format: 'olinpe-exports/1';
  readonly build_id: string;
  readonly product_version: string;
  readonly catalogue_version: string;
  readonly reference_period: { first_year: number; last_year: number; reference_date: string } | null;
  readonly inputs: readonly ManifestInput[];
  readonly tables: Readonly<Record<string, ManifestTable>>;
  /** Per partitioned table, the content hash of each partition: the next release reuses unchanged ones. */
  readonly partitions: Readonly<Record<string, Readonly<Record<string, string>>>>;
  readonly files: readonly ManifestFile[];
}

export const MANIFEST_FILE = 'MANIFEST.json';

export function sha256File(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(path)
      .on('data', (chunk) => hash.update(chunk))
      .on('error', reject)
      .on('end', () => resolve(hash.digest('hex')));
  });
}

/** Checksums of `paths` (relative to `root`, already sorted). */
export async function fileEntries(root: string, paths: readonly string[]): Promise<ManifestFile[]> {
  const out: ManifestFile[] = [];
  for (const path of paths) {
    const full = join(root, path);
    out.push({ path, bytes: (await stat(full)).size, sha256: await sha256File(full) });
  }
  return out;
}

export function manifestText(manifest: Manifest): string {
  return `${JSON.stringify(manifest, null, 2)}\n`;
}
