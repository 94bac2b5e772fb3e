import { defineCommand } from 'citty';
import { loadConfig } from '../../config.js';
import { runBuild } from '../../runner/build.js';
import { INGEST_STAGES } from '../../../pipelines/index.js';
import { commonArgs, EXIT, UsageError } from '../exit.js';
import { formatTable, outcomeRow, printJson, stageRows } from '../output.js';
import { progressPrinter } from '../progress.js';

export default defineCommand({
  meta: {
    name: 'ingest',
    description:
      'receives files into the catalog and their Bases Années, with findings, without the national rebuild',
  },
  args: {
    files: { type: 'positional', description: 'files to ingest', required: true },
    year: {
      type: 'string',
      description: 'the year the files are for (else from the file name or the dates)',
    },
    ...commonArgs,
  },
  async run({ args }) {
    const files = args._ as string[];
    if (files.length === 0) throw new UsageError('name at least one file');
    let declaredYear: number | undefined;
    if (args.year !== undefined) {
      declaredYear = Number(args.year);
      if (!Number.isInteger(declaredYear) || declaredYear < 2000 || declaredYear > 2099) {
        throw new UsageError(`--year must be a year (got ${args.year})`);
      }
    }
    const config = loadConfig(args.data ? { dataDir: args.data } : {});
    const report = await runBuild({
      config,
      stages: INGEST_STAGES,
      trigger: 'ingest',
      files,
      ...(declaredYear === undefined ? {} : { declaredYear }),
      ...(args.json ? {} : { onProgress: progressPrinter() }),
    });
    const rows = report.context.outcomes.map(outcomeRow);
    const ok = report.result.ok && report.context.outcomes.every((o) => o.kind !== 'rejected');
    if (args.json) printJson({ run_id: report.runId, ok, files: rows, stages: stageRows(report.result) });
    else {
      console.log(
        formatTable(rows, [
          'file',
          'outcome',
          'departement',
          'annee',
          'records',
          'kept',
          'rejected',
          'duplicates',
          'errors',
          'warnings',
          'infos',
        ]),
      );
      for (const r of rows.filter((x) => x.reason)) console.log(`\n${r.file}: rejeté — ${r.reason}`);
      for (const s of report.result.stages.filter((x) => x.error))
        console.error(`stage ${s.name} failed: ${s.error?.message}`);
    }
    return ok ? EXIT.ok : EXIT.failure;
  },
});
