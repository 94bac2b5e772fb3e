/** The published national base → the researchers' release under `exports/` (Parquet, Arrow, dictionary, MANIFEST). */
import { defineStage } from '../src/runner/stage.js';
import { listReceipts } from '../src/catalog/receipts.js';
import { exportsFingerprint, inputsFingerprint } from '../src/runner/fingerprint.js';
import { CATALOGUE_VERSION } from '../src/rules/catalogue/index.js';
import { productVersion, writeExports } from '../src/exports/index.js';
import type { BuildContext } from './context.js';

export default defineStage<BuildContext>({
  name: 'exports',
  dependsOn: ['national'],
  async run(ctx, log) {
    // The release is named after its inputs, not the run: the same files give the same bytes.
    const buildId = ctx.fingerprint ?? inputsFingerprint(await listReceipts(ctx.catalog.db));
    if (!ctx.full && exportsFingerprint(ctx.paths.exports) === buildId) {
      log.info('exports up to date');
      return { details: { upToDate: true } };
    }
    const version = productVersion();
    const result = await writeExports(
      {
        warehouse: ctx.paths.warehouse,
        exportsDir: ctx.paths.exports,
        buildId,
        productVersion: version,
        catalogueVersion: CATALOGUE_VERSION,
        // --full writes every partition afresh; otherwise unchanged ones come from the last release.
        reusePartitions: !ctx.full,
      },
      log.child({ buildId, runId: ctx.runId }),
    );
    return {
      rows: result.rows,
      details: { files: result.files, buildId, reusedPartitions: result.reusedPartitions },
    };
  },
});
