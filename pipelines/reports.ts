/** The published national base → livrets d'échanges, tableaux de bord and index under `reports/`. */
import { existsSync } from 'node:fs';
import { reportsFingerprint, writeReportsFingerprint } from '../src/runner/fingerprint.js';
import { join } from 'node:path';
import { defineStage } from '../src/runner/stage.js';
import { buildReports } from '../src/reports/index.js';
import type { BuildContext } from './context.js';

export default defineStage<BuildContext>({
  name: 'reports',
  dependsOn: ['national'],
  async run(ctx, log) {
    const fingerprint = ctx.fingerprint ?? null;
    if (!ctx.full && fingerprint !== null && reportsFingerprint(ctx.paths.reports) === fingerprint) {
      log.info('reports up to date');
      return { details: { upToDate: true } };
    }
    if (!existsSync(ctx.paths.warehouse)) {
      log.warn('no published national base: no reports');
      return { details: { noWarehouse: true } };
    }
    const { files, reusedLivrets } = await buildReports(
      {
        warehouse: ctx.paths.warehouse,
        basesDir: ctx.paths.bases,
        reportsDir: ctx.paths.reports,
        dreesReference: ctx.config.dreesReference,
        cacheDir: join(ctx.paths.cache, 'reports'),
        // --full renders every livret afresh; otherwise unchanged ones come from the last reports.
        reuseLivrets: !ctx.full,
      },
      log,
    );
    // Written once the reports are in place: a build killed before leaves them to be rebuilt.
    if (fingerprint !== null) writeReportsFingerprint(ctx.paths.reports, fingerprint);
    return { rows: { reports: files, livrets_reused: reusedLivrets } };
  },
});
