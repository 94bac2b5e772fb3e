/**
 * Writes the reports of the published national base: per département and year the livret
 * d'échanges and its findings.csv, per département the tableau de bord, and the index.
 */
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  linkSync,
  mkdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { productVersion } from '../exports/version.js';
import { buildingDirFor, recoverInterruptedSwap, swapInto } from '../warehouse/atomic-dir.js';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import type { Logger } from '../log.js';
import { renderDashboard } from './dashboard.js';
import {
  findingsDigests,
  findingsForCsv,
  loadReportData,
  type CompletenessRow,
  type ExampleRow,
  type QualityRow,
  type ReceiptRow,
  type ReportData,
  type RuleCountRow,
} from './data.js';
import { findingsCsv } from './findings-csv.js';
import { renderIndex } from './index-page.js';
import { renderLivret, type PreviousFile } from './livret.js';

export interface BuildReportsInput {
  /** The published national base: an open connection on it, or its path (attached read-only). */
  readonly warehouse: DuckDBConnection | string;
  /** Where the Bases Années are stored (`bases/<dep>/<annee>/<file_id>/…`). */
  readonly basesDir: string;
  readonly reportsDir: string;
  /** A DREES reference table (CSV: departement, libelle, annee, drees_category, n_measures), or null. */
  readonly dreesReference: string | null;
  /** Where completeness results are cached per file between builds (none when undefined). */
  readonly cacheDir?: string;
  /** Only these départements' reports (the index is always rewritten); all when undefined. */
  readonly departements?: readonly string[];
  /** Date shown on the pages (tests fix it); now by default. */
  readonly generatedAt?: Date;
  /**
   * Take from the published reports every livret (and findings.csv) whose inputs did not change,
   * as it was (with the date it was produced); default true. False writes every one.
   */
  readonly reuseLivrets?: boolean;
}

export interface BuildReportsResult {
  readonly files: number;
  /** Livrets taken unchanged from the published reports. */
  readonly reusedLivrets: number;
}

/** Beside the livrets of a release: the key of each livret's inputs (`<dep>/<annee>` → key). */
const LIVRET_KEYS = '.livrets.json';

function readLivretKeys(dir: string | null): Record<string, string> {
  if (dir === null) return {};
  try {
    return JSON.parse(readFileSync(join(dir, LIVRET_KEYS), 'utf8')) as Record<string, string>;
  } catch {
    return {};
  }
}

const keyOf = (value: unknown): string =>
  createHash('sha256')
    .update(JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)))
    .digest('hex');

const WAREHOUSE_SCHEMA = 'olinpe_warehouse';

function formatDate(d: Date): string {
  return new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'Europe/Paris' }).format(d);
}

/** The rows of one file, grouped once (a national build has about a thousand files). */
interface FileRows {
  readonly rules: Map<string, RuleCountRow[]>;
  readonly examples: Map<string, ExampleRow[]>;
  readonly completeness: Map<string, CompletenessRow[]>;
  readonly quality: Map<string, QualityRow>;
  readonly receipts: Map<string, ReceiptRow>;
}

function groupBy<T extends { file_id: string }>(rows: readonly T[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const r of rows) {
    const list = map.get(r.file_id);
    if (list) list.push(r);
    else map.set(r.file_id, [r]);
  }
  return map;
}

function fileRows(data: ReportData): FileRows {
  return {
    rules: groupBy(data.ruleCounts),
    examples: groupBy(data.examples),
    completeness: groupBy(data.completeness),
    quality: new Map(data.quality.map((q) => [q.file_id, q])),
    receipts: new Map(data.receipts.map((r) => [r.file_id, r])),
  };
}

/** The file a livret is compared with: the one it replaced, else the département's previous year. */
function previousOf(r: ReceiptRow, data: ReportData, byFile: FileRows): PreviousFile | null {
  const pick = (p: ReceiptRow, kind: PreviousFile['kind']): PreviousFile => ({
    kind,
    receipt: p,
    rules: byFile.rules.get(p.file_id) ?? [],
    completeness: byFile.completeness.get(p.file_id) ?? [],
    quality: byFile.quality.get(p.file_id),
  });
  const replaced = data.receipts.filter((p) => p.superseded_by === r.file_id).at(-1);
  if (replaced) return pick(replaced, 'replaced');
  const earlier = data.coverage
    .filter((c) => c.departement === r.departement && r.annee !== null && c.annee < r.annee)
    .sort((a, b) => a.annee - b.annee)
    .at(-1);
  const previous = earlier && byFile.receipts.get(earlier.report_file_id);
  return previous ? pick(previous, 'previous-year') : null;
}

async function writeAll(
  conn: DuckDBConnection,
  schema: string | null,
  input: BuildReportsInput,
  outDir: string,
  previousDir: string | null,
  log: Logger,
): Promise<BuildReportsResult> {
  const data = await loadReportData(conn, schema, input, log);
  const previousKeys = readLivretKeys(previousDir);
  const digests = await findingsDigests(conn);
  const keys: Record<string, string> = {};
  let reusedLivrets = 0;
  const generatedAt = formatDate(input.generatedAt ?? new Date());
  const wanted = (d: string): boolean => input.departements === undefined || input.departements.includes(d);
  let files = 0;
  const write = (path: string, text: string): void => {
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, text);
    files += 1;
  };
  const byFile = fileRows(data);
  for (const c of data.coverage) {
    if (!wanted(c.departement)) continue;
    const receipt = byFile.receipts.get(c.report_file_id);
    if (!receipt) continue;
    const relative = join(c.departement, String(c.annee));
    const dir = join(outDir, relative);
    const livret = {
      receipt,
      rules: byFile.rules.get(receipt.file_id) ?? [],
      examples: byFile.examples.get(receipt.file_id) ?? [],
      completeness: byFile.completeness.get(receipt.file_id) ?? [],
      quality: byFile.quality.get(receipt.file_id),
      previous: previousOf(receipt, data, byFile),
    };
    const key = keyOf({ livret, findings: digests.get(receipt.file_id) ?? null, version: REPORTS_VERSION });
    keys[relative] = key;
    if (previousDir !== null && previousKeys[relative] === key && reuse(previousDir, outDir, relative)) {
      files += LIVRET_FILES.length;
      reusedLivrets += 1;
      continue;
    }
    write(join(dir, 'livret.html'), renderLivret({ ...livret, generatedAt }));
    write(join(dir, 'findings.csv'), findingsCsv(await findingsForCsv(conn, schema, receipt.file_id)));
  }
  const dashboards = [...new Set(data.coverage.map((c) => c.departement))].sort();
  for (const d of dashboards) {
    if (!wanted(d)) continue;
    write(join(outDir, d, 'tableau-de-bord.html'), await renderDashboard(d, data, generatedAt));
  }
  write(join(outDir, 'index.html'), renderIndex({ data, dashboards, generatedAt }));
  // Keys of a partial rebuild would not cover every livret: written by full rebuilds only.
  if (input.departements === undefined) {
    writeFileSync(join(outDir, LIVRET_KEYS), `${JSON.stringify(keys, Object.keys(keys).sort(), 2)}\n`);
  }
  log.info({ files, departements: dashboards.length, reusedLivrets }, 'reports written');
  return { files, reusedLivrets };
}

/**
 * Builds every report. Without a département filter the reports are written beside the old ones
 * and swapped in at the end, so a failure leaves the previous reports in place.
 */
/** The files of a livret, hard-linked (or copied) from the published release when unchanged. */
const LIVRET_FILES = ['livret.html', 'findings.csv'] as const;

/** Bump when the livret's rendering changes, so that no livret is reused across versions. */
const REPORTS_VERSION = `${productVersion()}/1`;

function reuse(previousDir: string, outDir: string, relative: string): boolean {
  const from = join(previousDir, relative);
  if (!LIVRET_FILES.every((f) => existsSync(join(from, f)))) return false;
  mkdirSync(join(outDir, relative), { recursive: true });
  for (const f of LIVRET_FILES) {
    try {
      linkSync(join(from, f), join(outDir, relative, f));
    } catch {
      copyFileSync(join(from, f), join(outDir, relative, f));
    }
  }
  return true;
}

export async function buildReports(input: BuildReportsInput, log: Logger): Promise<BuildReportsResult> {
  const partial = input.departements !== undefined;
  const previousDir =
    !partial && input.reuseLivrets !== false && existsSync(input.reportsDir)
      ? realpathSync(input.reportsDir)
      : null;
  if (!partial) recoverInterruptedSwap(input.reportsDir);
  const outDir = partial ? input.reportsDir : buildingDirFor(input.reportsDir, 'reports');
  if (!partial) rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  try {
    let result: BuildReportsResult;
    if (typeof input.warehouse === 'string') {
      const instance = await DuckDBInstance.create(':memory:');
      const conn = await instance.connect();
      try {
        await conn.run(
          `attach '${input.warehouse.replaceAll("'", "''")}' as ${WAREHOUSE_SCHEMA} (read_only)`,
        );
        result = await writeAll(conn, WAREHOUSE_SCHEMA, input, outDir, previousDir, log);
      } finally {
        conn.closeSync();
        instance.closeSync();
      }
    } else {
      result = await writeAll(input.warehouse, null, input, outDir, previousDir, log);
    }
    if (!partial) swapInto(outDir, input.reportsDir);
    return result;
  } catch (e) {
    if (!partial) rmSync(outDir, { recursive: true, force: true });
    throw e;
  }
}
