/** inbox (or the files named) → the list of files to ingest, in receipt order. */
import { defineStage } from '../src/runner/stage.js';
import { describeFile, listInbox, compareReceiptOrder } from '../src/ingest/inbox.js';
import type { BuildContext } from './context.js';

export default defineStage<BuildContext>({
  name: 'receive',
  dependsOn: [],
  async run(ctx, log) {
    ctx.received = ctx.files
      ? ctx.files.map((p) => describeFile(p)).sort(compareReceiptOrder)
      : listInbox(ctx.paths.inbox);
    log.info({ files: ctx.received.length }, 'files to receive');
    return { details: { files: ctx.received.map((f) => f.name) } };
  },
});
