/** Progress lines on a terminal (stderr), nothing when stderr is not a terminal. */
import type { ProgressEvent } from '../../pipelines/context.js';

export function progressPrinter(): ((e: ProgressEvent) => void) | undefined {
  if (!process.stderr.isTTY) return undefined;
  return (e) => {
    if (e.kind === 'file-start') process.stderr.write(`[${e.index + 1}/${e.total}] ${e.name}…\n`);
    else if (e.kind === 'file-done') {
      const r = e.outcome.receipt;
      process.stderr.write(
        `[${e.index + 1}/${e.total}] ${e.outcome.fileName}: ${e.outcome.kind} (${r.n_records} enregistrements)\n`,
      );
    } else process.stderr.write(`étape ${e.name} : ${e.status} (${(e.ms / 1000).toFixed(1)} s)\n`);
  };
}
