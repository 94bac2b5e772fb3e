/**
 * Stages: typed definitions ordered by their dependencies. The runner never throws for an
 * expected failure: it returns a status per stage, and skips everything downstream of a failure.
 */
import type { Logger } from '../log.js';

export type StageStatus = 'success' | 'failed' | 'skipped';

export interface StageOutput {
  /** Rows written, by table or file. */
  readonly rows?: Readonly<Record<string, number>>;
  /** Free-form facts for the run ledger (inputs, files, …). */
  readonly details?: Readonly<Record<string, unknown>>;
}

export interface Stage<Ctx> {
  readonly name: string;
  readonly dependsOn: readonly string[];
  readonly run: (ctx: Ctx, log: Logger) => Promise<StageOutput | void>;
}

export interface StageResult {
  readonly name: string;
  readonly status: StageStatus;
  readonly startedAt: Date;
  readonly durationMs: number;
  readonly output?: StageOutput;
  readonly error?: { readonly message: string; readonly code?: string };
}

export interface RunResult {
  readonly ok: boolean;
  readonly stages: readonly StageResult[];
}

export function defineStage<Ctx>(stage: Stage<Ctx>): Stage<Ctx> {
  return Object.freeze(stage);
}

/** Orders stages so that each comes after those it depends on (stable for independent stages). */
export function orderStages<Ctx>(stages: readonly Stage<Ctx>[]): Stage<Ctx>[] {
  const byName = new Map(stages.map((s) => [s.name, s]));
  const ordered: Stage<Ctx>[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (s: Stage<Ctx>, path: string[]): void => {
    if (state.get(s.name) === 'done') return;
    if (state.get(s.name) === 'visiting') throw new Error(`stage cycle: ${[...path, s.name].join(' → ')}`);
    state.set(s.name, 'visiting');
    for (const dep of s.dependsOn) {
      const d = byName.get(dep);
      if (!d) throw new Error(`stage ${s.name} depends on unknown stage ${dep}`);
      visit(d, [...path, s.name]);
    }
    state.set(s.name, 'done');
    ordered.push(s);
  };
  for (const s of stages) visit(s, []);
  return ordered;
}

export interface RunHooks {
  readonly onStageEnd?: (result: StageResult) => void;
}

export async function runStages<Ctx>(
  stages: readonly Stage<Ctx>[],
  ctx: Ctx,
  log: Logger,
  hooks: RunHooks = {},
): Promise<RunResult> {
  const results: StageResult[] = [];
  const failed = new Set<string>();
  for (const stage of orderStages(stages)) {
    const startedAt = new Date();
    const blocked = stage.dependsOn.filter((d) => failed.has(d));
    if (blocked.length > 0) {
      failed.add(stage.name);
      results.push({ name: stage.name, status: 'skipped', startedAt, durationMs: 0 });
      hooks.onStageEnd?.(results.at(-1) as StageResult);
      continue;
    }
    const stageLog = log.child({ stage: stage.name });
    try {
      const output = (await stage.run(ctx, stageLog)) ?? {};
      results.push({
        name: stage.name,
        status: 'success',
        startedAt,
        durationMs: Date.now() - +startedAt,
        output,
      });
    } catch (e) {
      failed.add(stage.name);
      const err = e as Error & { code?: string };
      stageLog.error({ err }, `stage ${stage.name} failed`);
      results.push({
        name: stage.name,
        status: 'failed',
        startedAt,
        durationMs: Date.now() - +startedAt,
        error: { message: err.message, ...(err.code ? { code: err.code } : {}) },
      });
    }
    hooks.onStageEnd?.(results.at(-1) as StageResult);
  }
  return { ok: failed.size === 0, stages: results };
}
