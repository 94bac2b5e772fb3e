/**
 * One received file → its Base Année and findings, and a receipt in the catalog.
 * Nothing is published until everything is written: a broken file leaves a `rejected` receipt
 * and every earlier Base Année untouched.
 */
import { basename, join } from 'node:path';
import { rmSync, unlinkSync } from 'node:fs';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Config, DataPaths } from '../config.js';
import type { Logger } from '../log.js';
import type { Catalog } from '../catalog/index.js';
import {
  findReceiptBySha,
  recordAcceptedReceipt,
  recordRejectedReceipt,
  type Receipt,
} from '../catalog/receipts.js';
import { FileRejectedError } from '../errors.js';
import { openReader } from '../readers/index.js';
import type { FileDescription, ReadSummary } from '../readers/types.js';
import { createRecordTyper } from '../values/index.js';
import type { Pseudonymiser } from '../values/types.js';
import { runIngestionChecks } from '../rules/run-checks.js';
import { createRelation, query, withDuckDB } from '../warehouse/duckdb.js';
import { createRulesTable } from '../warehouse/rules-table.js';
import { failpoint } from '../runner/failpoint.js';
import { createStagingTables, STAGING, StagingWriter } from './staging.js';
import { baseDir, writeParquetDir } from './base-store.js';
import {
  departementFromFileName,
  fileIdOf,
  fileSize,
  manifestYear,
  sha256OfFile,
  yearFromFileName,
  type YearSource,
} from './file-facts.js';

export interface IngestContext {
  readonly config: Config;
  readonly paths: DataPaths;
  readonly catalog: Catalog;
  readonly pseudonymise: Pseudonymiser;
  readonly log: Logger;
}

export interface IngestRequest {
  readonly path: string;
  /** Year declared on the command line (`--year`). */
  readonly declaredYear?: number;
}

export interface SeverityCounts {
  readonly error: number;
  readonly warning: number;
  readonly info: number;
}

export type IngestOutcome =
  | { readonly kind: 'already-received'; readonly fileName: string; readonly receipt: Receipt }
  | {
      readonly kind: 'accepted';
      readonly fileName: string;
      readonly receipt: Receipt;
      readonly supersedes: string | null;
      readonly findings: SeverityCounts;
    }
  | {
      readonly kind: 'rejected';
      readonly fileName: string;
      readonly receipt: Receipt;
      readonly reason: string;
    };

interface FileIdentity {
  readonly departement: string;
  readonly annee: number;
  readonly yearSource: YearSource;
}

class Rejection extends FileRejectedError {}

/** Memory of one file's staging database before it spills to disk. */
const STAGING_MEMORY_LIMIT = '1GB';

/** Milliseconds spent in each phase of an ingestion, for the log. */
function phaseTimer() {
  let last = performance.now();
  const laps: Record<string, number> = {};
  return {
    laps,
    lap(name: string): void {
      const now = performance.now();
      laps[name] = Math.round(now - last);
      last = now;
    },
  };
}

function resolveYear(
  req: IngestRequest,
  datesYear: number | null,
): { annee: number; source: YearSource } | null {
  if (req.declaredYear !== undefined) return { annee: req.declaredYear, source: 'option' };
  const fromManifest = manifestYear(req.path);
  if (fromManifest !== null) return { annee: fromManifest, source: 'manifest' };
  const fromName = yearFromFileName(req.path);
  if (fromName !== null) return { annee: fromName, source: 'filename' };
  return datesYear === null ? null : { annee: datesYear, source: 'dates' };
}

async function identify(
  conn: DuckDBConnection,
  req: IngestRequest,
): Promise<FileIdentity & { nKept: number }> {
  await createRelation(conn, 'ingest/file_profile', STAGING.profile, { records: STAGING.records });
  const [profile] = await query<{
    departement: string | null;
    dates_year: number | null;
    n_kept: number;
  }>(conn, `select * from ${STAGING.profile}`);
  const nKept = Number(profile?.n_kept ?? 0);
  if (nKept === 0) {
    throw new Rejection(
      'aucun-enregistrement-exploitable',
      'aucun enregistrement exploitable dans le fichier',
    );
  }
  const departement = profile?.departement ?? departementFromFileName(req.path);
  if (departement === null) {
    throw new Rejection(
      'departement-inconnu',
      'département introuvable (NUMDEP absent et nom de fichier muet)',
    );
  }
  const year = resolveYear(req, profile?.dates_year === null ? null : Number(profile?.dates_year));
  if (year === null) throw new Rejection('annee-inconnue', 'année du fichier introuvable');
  return { departement, annee: year.annee, yearSource: year.source, nKept };
}

function emptyReceipt(fileId: string, sha256: string, path: string, receivedAt: string): Receipt {
  return {
    file_id: fileId,
    sha256,
    file_name: basename(path),
    departement: null,
    annee: null,
    year_source: null,
    decree: null,
    format: null,
    encoding: null,
    datexport: null,
    received_at: receivedAt,
    status: 'active',
    n_records: 0,
    n_rejected: 0,
    n_duplicates: 0,
    n_errors: 0,
    n_warnings: 0,
    n_infos: 0,
    superseded_by: null,
    rejection: null,
    size_bytes: fileSize(path),
  };
}

async function stageRecords(
  conn: DuckDBConnection,
  ctx: IngestContext,
  path: string,
): Promise<{ description: FileDescription; summary: ReadSummary; nRejected: number }> {
  const reader = await openReader(path, { workers: ctx.config.workers });
  const typeRecord = createRecordTyper(ctx.pseudonymise);
  await createStagingTables(conn);
  const writer = await StagingWriter.open(conn);
  let nRejected = 0;
  try {
    for await (const batch of reader.batches()) {
      batch.records.forEach((raw, i) => {
        const typed = typeRecord(raw);
        if (typed.rejected) nRejected++;
        writer.addRecord(batch.firstRecordNo + i, typed);
      });
    }
    for (const note of reader.description.notes ?? []) writer.addFinding(null, { ...note, variable: null });
  } finally {
    writer.close();
  }
  return { description: reader.description, summary: reader.summary(), nRejected };
}

async function countBySeverity(conn: DuckDBConnection): Promise<SeverityCounts> {
  const rows = await query<{ severity: string; n: number }>(
    conn,
    'select severity, count(*)::integer as n from findings group by severity',
  );
  const n = (s: string): number => rows.find((r) => r.severity === s)?.n ?? 0;
  return { error: n('error'), warning: n('warning'), info: n('info') };
}

/**
 * Stores why a file was rejected: its findings (those raised while staging it, when it got that
 * far, and the rejection itself) under `bases/_rejected/<file_id>/`, and a `rejected` receipt.
 */
async function storeRejection(
  ctx: IngestContext,
  receipt: Receipt,
  rejection: FileRejectedError,
  staged?: DuckDBConnection,
): Promise<Receipt> {
  const write = async (conn: DuckDBConnection): Promise<SeverityCounts> => {
    if (!staged) await createStagingTables(conn);
    await conn.run(`insert into ${STAGING.valueFindings} values (null, $rule, null, $value)`, {
      rule: rejection.rule,
      value: rejection.message,
    });
    await conn.run(
      'create or replace table no_check_findings (record_no INTEGER, rule VARCHAR, variable VARCHAR, value VARCHAR)',
    );
    await createRulesTable(conn);
    await createRelation(
      conn,
      'ingest/findings',
      'findings',
      { value_findings: STAGING.valueFindings, check_findings: 'no_check_findings', rules: 'rules' },
      { file_id: receipt.file_id, departement: receipt.departement, annee: receipt.annee },
    );
    await writeParquetDir(
      conn,
      ['findings'],
      baseDir(ctx.paths.bases, null, null, receipt.file_id),
      ctx.paths.tmp,
    );
    return countBySeverity(conn);
  };
  const counts = staged ? await write(staged) : await withDuckDB(':memory:', write);
  const rejected: Receipt = {
    ...receipt,
    status: 'rejected',
    rejection: rejection.message,
    n_errors: counts.error,
    n_warnings: counts.warning,
    n_infos: counts.info,
  };
  await recordRejectedReceipt(ctx.catalog.db, rejected);
  return rejected;
}

export async function ingestFile(ctx: IngestContext, req: IngestRequest): Promise<IngestOutcome> {
  const fileName = basename(req.path);
  const sha256 = await sha256OfFile(req.path);
  const existing = await findReceiptBySha(ctx.catalog.db, sha256);
  if (existing) return { kind: 'already-received', fileName, receipt: existing };

  const fileId = fileIdOf(sha256);
  const log = ctx.log.child({ file: fileName, file_id: fileId });
  let receipt = emptyReceipt(fileId, sha256, req.path, new Date().toISOString());
  try {
    const timer = phaseTimer();
    // The staging database spills to the data directory's tmp/ past its memory limit, so a file of
    // any size ingests in bounded memory (it holds definitive numbers only, never transitional ones).
    const staging = {
      memory_limit: STAGING_MEMORY_LIMIT,
      temp_directory: join(ctx.paths.tmp, `staging-${fileId}`),
    };
    const outcome = await withDuckDB(
      ':memory:',
      async (conn) => {
        const { description, summary, nRejected } = await stageRecords(conn, ctx, req.path);
        timer.lap('read_type_stage');
        receipt = {
          ...receipt,
          decree: summary.decree,
          format: description.format,
          encoding: description.encoding,
          datexport: description.datexport,
          n_records: summary.nRecords,
          n_rejected: nRejected,
        };
        let id: FileIdentity;
        try {
          id = await identify(conn, req);
        } catch (e) {
          if (!(e instanceof FileRejectedError)) throw e;
          log.warn({ rule: e.rule }, `file rejected: ${e.message}`);
          const rejected = await storeRejection(ctx, receipt, e, conn);
          return { kind: 'rejected' as const, fileName, receipt: rejected, reason: e.message };
        }
        timer.lap('identify');
        receipt = { ...receipt, departement: id.departement, annee: id.annee, year_source: id.yearSource };
        const fileLog = log.child({ departement: id.departement, annee: id.annee });
        const checks = await runIngestionChecks(conn, {
          records: STAGING.records,
          annee: id.annee,
          datexport: description.datexport,
          yearSource: id.yearSource,
          summary,
          description,
          profile: STAGING.profile,
        });
        timer.lap('checks');
        await createRulesTable(conn);
        const params = { file_id: fileId, departement: id.departement, annee: id.annee };
        await createRelation(
          conn,
          'ingest/base_annee',
          'base_annee',
          { records: STAGING.records, dropped: checks.droppedTable },
          params,
        );
        await createRelation(
          conn,
          'ingest/findings',
          'findings',
          { value_findings: STAGING.valueFindings, check_findings: checks.findingsTable, rules: 'rules' },
          params,
        );
        const findings = await countBySeverity(conn);
        timer.lap('relations');
        receipt = {
          ...receipt,
          n_duplicates: checks.nDuplicates,
          n_errors: findings.error,
          n_warnings: findings.warning,
          n_infos: findings.info,
        };
        await writeParquetDir(
          conn,
          ['base_annee', 'findings'],
          baseDir(ctx.paths.bases, id.departement, id.annee, fileId),
          ctx.paths.tmp,
        );
        timer.lap('parquet');
        failpoint('ingest:before-receipt');
        const supersedes = await recordAcceptedReceipt(ctx.catalog.db, receipt);
        timer.lap('catalog');
        fileLog.info(
          {
            records: receipt.n_records,
            rejected: nRejected,
            duplicates: checks.nDuplicates,
            findings,
            supersedes,
            ms: timer.laps,
          },
          'file ingested',
        );
        return { kind: 'accepted' as const, fileName, receipt, supersedes, findings };
      },
      staging,
    );
    rmSync(staging.temp_directory, { recursive: true, force: true });
    if (outcome.kind === 'accepted' && !ctx.config.keepReceivedFiles) unlinkSync(req.path);
    return outcome;
  } catch (e) {
    if (!(e instanceof FileRejectedError)) throw e;
    log.warn({ rule: e.rule }, `file rejected: ${e.message}`);
    const rejected = await storeRejection(ctx, receipt, e);
    return { kind: 'rejected', fileName, receipt: rejected, reason: e.message };
  }
}
