/** The published national base → the researchers' release under `exports/` (Parquet, Arrow, dictionary, MANIFEST). */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { defineStage } from '../src/runner/stage.js';
import { activeReceipts } from '../src/catalog/receipts.js';
import { CATALOGUE_VERSION } from '../src/rules/catalogue/index.js';
import { MANIFEST_FILE, contentBuildId, productVersion, writeExports } from '../src/exports/index.js';
import type { BuildContext } from './context.js';

export default defineStage<BuildContext>({
  name: 'exports',
  dependsOn: ['national'],
  async run(ctx, log) {
    if (ctx.upToDate && !ctx.full && existsSync(join(ctx.paths.exports, MANIFEST_FILE))) {
      log.info('exports up to date');
      return { details: { upToDate: true } };
    }
    const version = productVersion();
    // The release is named after its inputs, not the run: the same files give the same bytes.
    const buildId = contentBuildId(await activeReceipts(ctx.catalog.db), version, CATALOGUE_VERSION);
    const result = await writeExports(
      {
        warehouse: ctx.paths.warehouse,
        exportsDir: ctx.paths.exports,
        buildId,
        productVersion: version,
        catalogueVersion: CATALOGUE_VERSION,
      },
      log.child({ buildId, runId: ctx.runId }),
    );
    return { rows: result.rows, details: { files: result.files, buildId } };
  },
});
