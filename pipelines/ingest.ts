/** Each received file → its Base Année, findings and receipt. */
import { defineStage } from '../src/runner/stage.js';
import { ingestFile } from '../src/ingest/ingest-file.js';
import type { BuildContext } from './context.js';

export default defineStage<BuildContext>({
  name: 'ingest',
  dependsOn: ['receive'],
  async run(ctx, log) {
    const total = ctx.received.length;
    for (const [index, file] of ctx.received.entries()) {
      ctx.onProgress?.({ kind: 'file-start', name: file.name, index, total });
      const outcome = await ingestFile(
        {
          config: ctx.config,
          paths: ctx.paths,
          catalog: ctx.catalog,
          pseudonymise: ctx.pseudonymiser(),
          log,
        },
        { path: file.path, ...(ctx.declaredYear === undefined ? {} : { declaredYear: ctx.declaredYear }) },
      );
      ctx.outcomes.push(outcome);
      ctx.onProgress?.({ kind: 'file-done', outcome, index, total });
    }
    const count = (k: string) => ctx.outcomes.filter((o) => o.kind === k).length;
    return {
      rows: {
        accepted: count('accepted'),
        rejected: count('rejected'),
        already_received: count('already-received'),
      },
      details: {
        files: ctx.outcomes.map((o) => ({ file: o.fileName, file_id: o.receipt.file_id, outcome: o.kind })),
      },
    };
  },
});
