/**
 * A build or an ingestion run: takes the lock, opens the catalog, runs the stages, records
 * the run in the ledger. Returns the results; expected failures do not throw.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { discardLeftoverStaging } from '../warehouse/publish.js';
import { dataPaths, readPseudonymisationKey, type Config, type DataPaths } from '../config.js';
import { logger } from '../log.js';
import { openCatalog } from '../catalog/index.js';
import { createPseudonymiser } from '../values/pseudonymise.js';
import type { Pseudonymiser } from '../values/types.js';
import { acquireBuildLock } from './lock.js';
import { recordRunEnd, recordRunStart } from './ledger.js';
import { runStages, type RunResult, type Stage } from './stage.js';
import type { BuildContext, ProgressEvent } from '../../pipelines/context.js';

export interface BuildRequest {
  readonly config: Config;
  readonly stages: readonly Stage<BuildContext>[];
  readonly trigger: 'build' | 'ingest' | 'cron';
  readonly full?: boolean;
  readonly files?: readonly string[];
  readonly declaredYear?: number;
  readonly onProgress?: (event: ProgressEvent) => void;
}

export interface BuildReport {
  readonly runId: string;
  readonly result: RunResult;
  readonly context: BuildContext;
}

/** What a killed build may have left behind; safe to remove while holding the lock. */
function discardLeftovers(paths: DataPaths): void {
  const removed = discardLeftoverStaging(paths.warehouse);
  rmSync(paths.tmp, { recursive: true, force: true });
  mkdirSync(paths.tmp, { recursive: true });
  if (removed.length > 0) logger().warn({ removed }, 'removed what an interrupted build left behind');
}

export const newRunId = (): string =>
  `${new Date().toISOString().replace(/[-:]/g, '').replace(/\..*/, '')}-${randomBytes(3).toString('hex')}`;

export async function runBuild(req: BuildRequest): Promise<BuildReport> {
  const paths = dataPaths(req.config);
  mkdirSync(paths.tmp, { recursive: true });
  const lock = await acquireBuildLock(req.config.catalogUrl, paths.lock);
  try {
    discardLeftovers(paths);
    const catalog = await openCatalog({ url: req.config.catalogUrl, duckdbPath: paths.catalogDb });
    try {
      const runId = newRunId();
      const log = logger().child({ run: runId });
      let pseudonymiser: Pseudonymiser | undefined;
      const context: BuildContext = {
        config: req.config,
        paths,
        catalog,
        runId,
        full: req.full ?? false,
        ...(req.files ? { files: req.files } : {}),
        ...(req.declaredYear === undefined ? {} : { declaredYear: req.declaredYear }),
        ...(req.onProgress ? { onProgress: req.onProgress } : {}),
        pseudonymiser: () =>
          (pseudonymiser ??= createPseudonymiser(
            req.config.pseudonymisationMethod,
            readPseudonymisationKey(req.config),
          )),
        received: [],
        outcomes: [],
      };
      await recordRunStart(catalog.db, runId, req.trigger, new Date());
      const result = await runStages(req.stages, context, log, {
        onStageEnd: (s) =>
          req.onProgress?.({ kind: 'stage', name: s.name, status: s.status, ms: s.durationMs }),
      });
      await recordRunEnd(
        catalog.db,
        runId,
        result,
        context.outcomes.map((o) => o.receipt.file_id),
      );
      return { runId, result, context };
    } finally {
      await catalog.close();
    }
  } finally {
    await lock.release();
  }
}
