/** The published national base → livrets d'échanges, tableaux de bord and index under `reports/`. */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { defineStage } from '../src/runner/stage.js';
import { buildReports } from '../src/reports/index.js';
import type { BuildContext } from './context.js';

export default defineStage<BuildContext>({
  name: 'reports',
  dependsOn: ['national'],
  async run(ctx, log) {
    if (ctx.upToDate && !ctx.full && existsSync(join(ctx.paths.reports, 'index.html'))) {
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
        cacheDir: join(dirname(ctx.paths.reports), 'cache', 'reports'),
      },
      log,
    );
    return { rows: { reports: files } };
  },
});
