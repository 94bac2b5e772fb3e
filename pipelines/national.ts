/** All active Bases Années → the national base (children, periods, measures, stock…), published atomically. */
import { existsSync } from 'node:fs';
import { defineStage } from '../src/runner/stage.js';
import { listReceipts } from '../src/catalog/receipts.js';
import { buildWarehouse } from '../src/warehouse/build-warehouse.js';
import type { BuildContext } from './context.js';

export default defineStage<BuildContext>({
  name: 'national',
  dependsOn: ['ingest'],
  async run(ctx, log) {
    const changed = ctx.outcomes.some((o) => o.kind !== 'already-received');
    if (!changed && !ctx.full && existsSync(ctx.paths.warehouse)) {
      ctx.upToDate = 'no new file since the last build';
      log.info(ctx.upToDate);
      return { details: { upToDate: true } };
    }
    const receipts = await listReceipts(ctx.catalog.db);
    ctx.warehouse = await buildWarehouse(ctx.paths, receipts, ctx.runId, log);
    return { rows: ctx.warehouse.rows };
  },
});
