/** Printing of results: human tables on stdout, or JSON with `--json`. */
import type { IngestOutcome } from '../ingest/ingest-file.js';
import type { RunResult } from '../runner/stage.js';

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, (_k, v) => (typeof v === 'bigint' ? Number(v) : v), 2)}\n`);
}

export function formatTable(rows: readonly Record<string, unknown>[], columns?: readonly string[]): string {
  if (rows.length === 0) return '(aucune ligne)';
  const cols = columns ?? Object.keys(rows[0] as object);
  const cell = (v: unknown): string => (v === null || v === undefined ? '' : String(v));
  const widths = cols.map((c) => Math.max(c.length, ...rows.map((r) => cell(r[c]).length)));
  const line = (values: string[]) =>
    values
      .map((v, i) => v.padEnd(widths[i] as number))
      .join('  ')
      .trimEnd();
  return [
    line([...cols]),
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.map((r) => line(cols.map((c) => cell(r[c])))),
  ].join('\n');
}

export function outcomeRow(o: IngestOutcome): Record<string, unknown> {
  const r = o.receipt;
  const kept = Number(r.n_records) - Number(r.n_rejected) - Number(r.n_duplicates);
  return {
    file: o.fileName,
    outcome: o.kind,
    departement: r.departement,
    annee: r.annee,
    records: Number(r.n_records),
    kept: o.kind === 'rejected' ? 0 : kept,
    rejected: Number(r.n_rejected),
    duplicates: Number(r.n_duplicates),
    errors: Number(r.n_errors),
    warnings: Number(r.n_warnings),
    infos: Number(r.n_infos),
    ...(o.kind === 'rejected' ? { reason: o.reason } : {}),
    ...(o.kind === 'accepted' && o.supersedes ? { supersedes: o.supersedes } : {}),
  };
}

export function stageRows(result: RunResult): Record<string, unknown>[] {
  return result.stages.map((s) => ({
    stage: s.name,
    status: s.status,
    seconds: (s.durationMs / 1000).toFixed(1),
    ...(s.error ? { error: s.error.message } : {}),
  }));
}
