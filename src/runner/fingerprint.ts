/**
 * The fingerprint of a build's inputs: the received files that count (active and rejected
 * receipts, by their SHA-256), the product version and the rule-catalogue version. Every output
 * (national base, reports, exports) records the fingerprint it was built from; a stage whose
 * output carries the current fingerprint has nothing to do.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { productVersion } from '../exports/version.js';
import { CATALOGUE_VERSION } from '../rules/catalogue/index.js';
import { query } from '../warehouse/duckdb.js';
import { withPublishedBase } from '../warehouse/read-only.js';

export function inputsFingerprint(receipts: readonly { sha256: string; status: string }[]): string {
  const hash = createHash('sha256');
  hash.update(`olinpe ${productVersion()} catalogue ${CATALOGUE_VERSION}\n`);
  const lines = receipts.filter((r) => r.status !== 'superseded').map((r) => `${r.status} ${r.sha256}`);
  for (const line of lines.sort()) hash.update(`${line}\n`);
  return hash.digest('hex').slice(0, 16);
}

export async function writeBuildInfo(conn: DuckDBConnection, fingerprint: string): Promise<void> {
  await conn.run('create or replace table build_info as select $fingerprint::varchar as fingerprint', {
    fingerprint,
  });
}

/** The fingerprint the published base was built from; null when there is none or it is unreadable. */
export async function publishedFingerprint(warehouse: string): Promise<string | null> {
  try {
    return await withPublishedBase(warehouse, async (conn) => {
      const [row] = await query<{ fingerprint: string }>(conn, 'select fingerprint from build_info');
      return row?.fingerprint ?? null;
    });
  } catch {
    return null;
  }
}

/** The stamp beside the published reports: the fingerprint they were built from. */
const REPORTS_STAMP = '.inputs';

const readTrimmed = (path: string): string | null => {
  try {
    return readFileSync(path, 'utf8').trim();
  } catch {
    return null;
  }
};

export const reportsFingerprint = (reportsDir: string): string | null =>
  readTrimmed(join(reportsDir, REPORTS_STAMP));

export function writeReportsFingerprint(reportsDir: string, fingerprint: string): void {
  writeFileSync(join(reportsDir, REPORTS_STAMP), `${fingerprint}\n`);
}

/** The build id (= input fingerprint) in the published export's MANIFEST.json. */
export function exportsFingerprint(exportsDir: string): string | null {
  const text = readTrimmed(join(exportsDir, 'MANIFEST.json'));
  if (text === null) return null;
  try {
    return (JSON.parse(text) as { build_id?: string }).build_id ?? null;
  } catch {
    return null;
  }
}
