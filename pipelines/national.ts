/** All active Bases Années → the national base (children, periods, measures, stock…), published atomically. */
import { defineStage } from '../src/runner/stage.js';
import { listReceipts } from '../src/catalog/receipts.js';
import { inputsFingerprint, publishedFingerprint } from '../src/runner/fingerprint.js';
import { buildWarehouse } from '../src/warehouse/build-warehouse.js';
import type { BuildContext } from './context.js';

export default defineStage<BuildContext>({
  name: 'national',
  dependsOn: ['ingest'],
  async run(ctx, log) {
    const receipts = await listReceipts(ctx.catalog.db);
    ctx.fingerprint = inputsFingerprint(receipts);
    if (!ctx.full && (await publishedFingerprint(ctx.paths.warehouse)) === ctx.fingerprint) {
      ctx.upToDate = 'no new file since the last build';
      log.info({ fingerprint: ctx.fingerprint }, ctx.upToDate);
      return { details: { upToDate: true, fingerprint: ctx.fingerprint } };
    }
    ctx.warehouse = await buildWarehouse(ctx.paths, receipts, ctx.runId, ctx.fingerprint, log, {
      full: ctx.full,
    });
    return { rows: ctx.warehouse.rows, details: { fingerprint: ctx.fingerprint } };
  },
});
