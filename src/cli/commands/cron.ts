import { defineCommand } from 'citty';
import { loadConfig } from '../../config.js';
import { runBuild } from '../../runner/build.js';
import { BUILD_STAGES } from '../../../pipelines/index.js';
import { listInbox } from '../../ingest/inbox.js';
import { dataPaths } from '../../config.js';
import { commonArgs, EXIT } from '../exit.js';
import { outcomeRow, printJson, stageRows } from '../output.js';

export default defineCommand({
  meta: {
    name: 'cron',
    description: 'for a scheduler: builds only when new files arrived, never two at once (exit 3 if locked)',
  },
  args: {
    inbox: { type: 'string', description: 'inbox directory (default: <data>/inbox)' },
    ...commonArgs,
  },
  async run({ args }) {
    const config = loadConfig({
      ...(args.data ? { dataDir: args.data } : {}),
      ...(args.inbox ? { inboxDir: args.inbox } : {}),
    });
    if (listInbox(dataPaths(config).inbox).length === 0) {
      if (args.json) printJson({ ok: true, nothing_to_do: true });
      else console.log('Rien à faire : aucun nouveau fichier.');
      return EXIT.ok;
    }
    const report = await runBuild({ config, stages: BUILD_STAGES, trigger: 'cron' });
    if (args.json) {
      printJson({
        run_id: report.runId,
        ok: report.result.ok,
        files: report.context.outcomes.map(outcomeRow),
        stages: stageRows(report.result),
      });
    } else {
      console.log(
        `run ${report.runId}: ${report.result.ok ? 'success' : 'failed'}, ${report.context.outcomes.length} file(s)`,
      );
    }
    return report.result.ok ? EXIT.ok : EXIT.failure;
  },
});
