import { defineCommand } from 'citty';
import { loadConfig } from '../../config.js';
import { runBuild } from '../../runner/build.js';
import { BUILD_STAGES } from '../../../pipelines/index.js';
import { commonArgs, EXIT } from '../exit.js';
import { formatTable, outcomeRow, printJson, stageRows } from '../output.js';
import { progressPrinter } from '../progress.js';

export default defineCommand({
  meta: {
    name: 'build',
    description: 'ingests every new file of the inbox, then rebuilds the national base, exports and reports',
  },
  args: {
    inbox: { type: 'string', description: 'inbox directory (default: <data>/inbox)' },
    full: { type: 'boolean', description: 'rebuild everything from the stored Bases Années', default: false },
    ...commonArgs,
  },
  async run({ args }) {
    const config = loadConfig({
      ...(args.data ? { dataDir: args.data } : {}),
      ...(args.inbox ? { inboxDir: args.inbox } : {}),
    });
    const report = await runBuild({
      config,
      stages: BUILD_STAGES,
      trigger: 'build',
      full: args.full,
      ...(args.json ? {} : { onProgress: progressPrinter() }),
    });
    const { context, result } = report;
    const files = context.outcomes.map(outcomeRow);
    if (args.json) {
      printJson({
        run_id: report.runId,
        ok: result.ok,
        up_to_date: context.upToDate ?? null,
        files,
        stages: stageRows(result),
        rows: context.warehouse?.rows ?? {},
        warehouse: context.warehouse ? context.paths.warehouse : null,
      });
    } else {
      if (files.length > 0)
        console.log(
          `${formatTable(files, ['file', 'outcome', 'departement', 'annee', 'records', 'kept', 'rejected', 'duplicates', 'errors', 'warnings'])}\n`,
        );
      console.log(formatTable(stageRows(result)));
      if (context.upToDate)
        console.log('\nRien à faire : aucun nouveau fichier depuis la dernière construction.');
      if (context.warehouse) {
        console.log(
          `\n${formatTable(Object.entries(context.warehouse.rows).map(([table, rows]) => ({ table, rows })))}`,
        );
        console.log(`\nBase nationale : ${context.paths.warehouse}`);
        console.log(`Exports : ${context.paths.exports}\nRapports : ${context.paths.reports}`);
      }
    }
    return result.ok ? EXIT.ok : EXIT.failure;
  },
});
