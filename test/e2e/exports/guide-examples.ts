/**
 * The worked examples of docs/researchers-guide.md: each ```sql example=NAME block and the
 * ```csv result=NAME block that shows its result, read from the markdown itself so that the
 * guide and the test cannot drift.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { PROJECT_ROOT } from '../../../src/warehouse/sql-files.js';

export const GUIDE_PATH = join(PROJECT_ROOT, 'docs', 'researchers-guide.md');

export interface GuideExample {
  readonly name: string;
  readonly sql: string;
  readonly expected: string | undefined;
}

function blocks(markdown: string, info: string): Map<string, string> {
  const out = new Map<string, string>();
  const re = new RegExp('^```' + info + '=([a-z0-9-]+)\\n([\\s\\S]*?)^```$', 'gm');
  for (const m of markdown.matchAll(re)) out.set(m[1]!, m[2]!);
  return out;
}

export function guideExamples(markdown = readFileSync(GUIDE_PATH, 'utf8')): GuideExample[] {
  const results = blocks(markdown, 'csv result');
  return [...blocks(markdown, 'sql example')].map(([name, sql]) => ({
    name,
    sql: sql.trim(),
    expected: results.get(name),
  }));
}

/** Runs an example from `dataDir` (the directory holding `exports/`) and returns its result as CSV. */
export async function runExample(
  conn: DuckDBConnection,
  dataDir: string,
  sql: string,
  csvPath: string,
): Promise<string> {
  await conn.run(`set file_search_path = '${dataDir}'`);
  const select = sql.replace(/;\s*$/, '');
  await conn.run(`copy (${select}) to '${csvPath}' (header, delimiter ',')`);
  return readFileSync(csvPath, 'utf8');
}
