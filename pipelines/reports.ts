/** The published national base → livrets d'échanges, tableaux de bord and index under `reports/`. */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { defineStage } from '../src/runner/stage.js';
import { buildReports } from '../src/reports/index.js';
import type { BuildContext } from './context.js';

export default defineStage<BuildContext>({
  name: 'reports',
  dependsOn: ['national'],
  async run(ctx, log) {
    const fingerprint = ctx.fingerprint ?? null;
    if (!ctx.full && fingerprint !== null && readStamp(ctx.paths.reports) === fingerprint) {
      log.info('reports up to date');
      return { details: { upToDate: true } };
    }
    if (!existsSync(ctx.paths.warehouse)) {
      log.warn('no published national base: no reports');
      return { details: { noWarehouse: true } };
    }
    const { files } = await buildReports(
      {
        warehouse: ctx.paths.warehouse,
        basesDir: ctx.paths.bases,
        reportsDir: ctx.paths.reports,
        dreesReference: ctx.config.dreesReference,
        cacheDir: join(ctx.paths.cache, 'reports'),
      },
      log,
    );
    // Written once the reports are in place: a build killed before leaves them to be rebuilt.
    if (fingerprint !== null) writeFileSync(join(ctx.paths.reports, STAMP), `${fingerprint}\n`);
    return { rows: { reports: files } };
  },
});

/** The fingerprint of the inputs the published reports were built from. */
const STAMP = '.inputs';

function readStamp(reportsDir: string): string | null {
  try {
    return readFileSync(join(reportsDir, STAMP), 'utf8').trim();
  } catch {
    return null;
  }
}
