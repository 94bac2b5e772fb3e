/**
 * Writes the reports of the published national base: per département and year the livret
 * d'échanges and its findings.csv, per département the tableau de bord, and the index.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { buildingDirFor, recoverInterruptedSwap, swapInto } from '../warehouse/atomic-dir.js';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import type { Logger } from '../log.js';
import { renderDashboard } from './dashboard.js';
import {
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
}

export interface BuildReportsResult {
  readonly files: number;
}

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
  log: Logger,
): Promise<number> {
  const data = await loadReportData(conn, schema, input, log);
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
    const dir = join(outDir, c.departement, String(c.annee));
    write(
      join(dir, 'livret.html'),
      renderLivret({
        receipt,
        rules: byFile.rules.get(receipt.file_id) ?? [],
        examples: byFile.examples.get(receipt.file_id) ?? [],
        completeness: byFile.completeness.get(receipt.file_id) ?? [],
        quality: byFile.quality.get(receipt.file_id),
        previous: previousOf(receipt, data, byFile),
        generatedAt,
      }),
    );
    write(join(dir, 'findings.csv'), findingsCsv(await findingsForCsv(conn, schema, receipt.file_id)));
  }
  const dashboards = [...new Set(data.coverage.map((c) => c.departement))].sort();
  for (const d of dashboards) {
    if (!wanted(d)) continue;
    write(join(outDir, d, 'tableau-de-bord.html'), await renderDashboard(d, data, generatedAt));
  }
  write(join(outDir, 'index.html'), renderIndex({ data, dashboards, generatedAt }));
  log.info({ files, departements: dashboards.length }, 'reports written');
  return files;
}

/**
 * Builds every report. Without a département filter the reports are written beside the old ones
 * and swapped in at the end, so a failure leaves the previous reports in place.
 */
export async function buildReports(input: BuildReportsInput, log: Logger): Promise<BuildReportsResult> {
  const partial = input.departements !== undefined;
  if (!partial) recoverInterruptedSwap(input.reportsDir);
  const outDir = partial ? input.reportsDir : buildingDirFor(input.reportsDir, 'reports');
  if (!partial) rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  try {
    let files: number;
    if (typeof input.warehouse === 'string') {
      const instance = await DuckDBInstance.create(':memory:');
      const conn = await instance.connect();
      try {
        await conn.run(
          `attach '${input.warehouse.replaceAll("'", "''")}' as ${WAREHOUSE_SCHEMA} (read_only)`,
        );
        files = await writeAll(conn, WAREHOUSE_SCHEMA, input, outDir, log);
      } finally {
        conn.closeSync();
        instance.closeSync();
      }
    } else {
      files = await writeAll(input.warehouse, null, input, outDir, log);
    }
    if (!partial) swapInto(outDir, input.reportsDir);
    return { files };
  } catch (e) {
    if (!partial) rmSync(outDir, { recursive: true, force: true });
    throw e;
  }
}
