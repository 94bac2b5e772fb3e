/** The run ledger: one `runs` row per build or ingestion, with its stage results. */
import type { CatalogDb } from '../catalog/index.js';
import type { RunResult } from './stage.js';

export async function recordRunStart(
  db: CatalogDb,
  runId: string,
  trigger: string,
  startedAt: Date,
): Promise<void> {
  await db
    .insertInto('runs')
    .values({
      run_id: runId,
      trigger,
      started_at: startedAt.toISOString(),
      ended_at: null,
      status: 'running',
      files: '[]',
      stage_results: '[]',
    })
    .execute();
}

export async function recordRunEnd(
  db: CatalogDb,
  runId: string,
  result: RunResult,
  files: readonly string[],
): Promise<void> {
  const stages = result.stages.map((s) => ({
    name: s.name,
    status: s.status,
    duration_ms: s.durationMs,
    rows: s.output?.rows ?? {},
    // What the stage read and decided: files, fingerprints, what it reused.
    details: s.output?.details ?? {},
    ...(s.error ? { error: s.error.message } : {}),
  }));
  await db
    .updateTable('runs')
    .set({
      ended_at: new Date().toISOString(),
      status: result.ok ? 'success' : 'failed',
      files: JSON.stringify(files),
      stage_results: JSON.stringify(stages),
    })
    .where('run_id', '=', runId)
    .execute();
  for (const s of result.stages) {
    await db
      .insertInto('run_stages')
      .values({
        run_id: runId,
        stage: s.name,
        status: s.status,
        started_at: s.startedAt.toISOString(),
        duration_ms: s.durationMs,
        rows: JSON.stringify(s.output?.rows ?? {}),
        error: s.error?.message ?? null,
      })
      .execute();
  }
}

export async function lastRuns(db: CatalogDb, limit = 10) {
  return db.selectFrom('runs').selectAll().orderBy('started_at', 'desc').limit(limit).execute();
}
