// `make bench`: speed and memory of the pipeline on synthetic data, each phase in a fresh child
// process (so peak RSS is that phase's), with baselines measured in the same run:
// - baseline: streaming read + SHA-256 of the file (the I/O floor of any ingestion);
// - read: the readers alone (parse to raw records);
// - ingest: the whole ingestion of the file (read, type, pseudonymise, check, store Parquet);
// - national: the national build (children, periods, measures, stock, paths) from stored Bases Années.
// Usage: node bench/run.mjs [--scale-file 5] [--scale-national 0.3] [--keep]. Prints Markdown.
import { spawnSync } from 'node:child_process';
import console from 'node:console';
import process from 'node:process';
import { mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = join(fileURLToPath(import.meta.url), '..', '..');
const dist = (p) => pathToFileURL(join(ROOT, 'dist', p)).href;
const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : fallback;
};

async function phase(name, params) {
  process.env.OLINPE_PSEUDONYMISATION_KEY ??= 'cle-de-banc-d-essai';
  process.env.OLINPE_LOG_LEVEL = 'silent';
  const t0 = process.hrtime.bigint();
  const cpu0 = process.cpuUsage();
  const out = {};
  if (name === 'synth') {
    const { runSynth } = await import(dist('src/synth/index.js'));
    const s = await runSynth(params);
    out.files = s.nFiles;
    out.records = s.nRecords;
  } else if (name === 'baseline') {
    const { sha256OfFile } = await import(dist('src/ingest/file-facts.js'));
    await sha256OfFile(params.file);
  } else if (name === 'read') {
    const { openReader } = await import(dist('src/readers/index.js'));
    const reader = await openReader(params.file, { workers: params.workers });
    let n = 0;
    for await (const b of reader.batches()) n += b.records.length;
    out.records = n;
  } else if (name === 'build') {
    const { loadConfig } = await import(dist('src/config.js'));
    const { runBuild } = await import(dist('src/runner/build.js'));
    const { BUILD_STAGES, INGEST_STAGES } = await import(dist('pipelines/index.js'));
    const config = loadConfig({ dataDir: params.data, inboxDir: params.inbox, keepReceivedFiles: true });
    const r = await runBuild({
      config,
      stages: params.ingestOnly ? INGEST_STAGES : BUILD_STAGES,
      trigger: 'build',
      full: params.full ?? true,
    });
    out.stages = Object.fromEntries(
      r.result.stages.map((s) => [s.name, { status: s.status, seconds: s.durationMs / 1000 }]),
    );
    out.records = r.context.outcomes.reduce((a, o) => a + Number(o.receipt.n_records), 0);
    out.rows = r.context.warehouse?.rows;
  }
  const cpu = process.cpuUsage(cpu0);
  out.seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  out.cpuSeconds = (cpu.user + cpu.system) / 1e6;
  out.maxRssMb = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(JSON.stringify(out));
}

function child(name, params) {
  const r = spawnSync(
    process.execPath,
    [fileURLToPath(import.meta.url), '--phase', name, JSON.stringify(params)],
    {
      encoding: 'utf8',
      maxBuffer: 1 << 26,
    },
  );
  if (r.status !== 0) throw new Error(`phase ${name} failed: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

const sizeMb = (dir) => readdirSync(dir).reduce((a, f) => a + statSync(join(dir, f)).size, 0) / 1e6;
const row = (cells) => `| ${cells.join(' | ')} |`;

async function main() {
  const scaleFile = Number(arg('--scale-file', '5'));
  const scaleNational = Number(arg('--scale-national', '0.3'));
  const work = mkdtempSync(join(tmpdir(), 'olinpe-bench-'));
  console.log(
    `# make bench — ${new Date().toISOString().slice(0, 10)}, ${cpus().length} cores, load ${loadavg()[0].toFixed(1)}\n`,
  );
  try {
    const lines = [
      row(['phase', 'input', 'MB', 'records', 'wall s', 'CPU s', 'MB/s', 'records/s', 'peak RSS MB']),
      row(Array(9).fill('---')),
    ];
    for (const format of ['xml', 'csv']) {
      const inbox = join(work, `one-${format}`);
      child('synth', {
        out: inbox,
        departements: ['59'],
        firstYear: 2020,
        lastYear: 2020,
        scale: scaleFile,
        seed: 1,
        format,
        defects: [],
      });
      const file = join(inbox, readdirSync(inbox)[0]);
      const mb = statSync(file).size / 1e6;
      const label = `Nord 2020 ×${scaleFile} (${format})`;
      const add = (name, r) =>
        lines.push(
          row([
            name,
            label,
            mb.toFixed(0),
            r.records ?? '',
            r.seconds.toFixed(1),
            r.cpuSeconds.toFixed(1),
            (mb / r.seconds).toFixed(1),
            r.records ? Math.round(r.records / r.seconds) : '',
            r.maxRssMb.toFixed(0),
          ]),
        );
      add('baseline: read + SHA-256', child('baseline', { file }));
      add('readers only, 2 workers', child('read', { file, workers: 2 }));
      const ingest = child('build', { data: join(work, `data-${format}`), inbox, ingestOnly: true });
      add('ingestion (whole)', ingest);
    }
    const inbox = join(work, 'national');
    const deps = ['59', '75', '13', '33', '48', '2A', '971', '69M'];
    child('synth', {
      out: inbox,
      departements: deps,
      firstYear: 2016,
      lastYear: 2024,
      scale: scaleNational,
      seed: 2,
      format: 'mixed',
    });
    // The Lozère's last file is held back, then received alone: an incremental build.
    const later = join(work, 'later');
    mkdirSync(later);
    const lastFile = readdirSync(inbox).find((n) => n.startsWith('CD48_Olinpe_2024'));
    renameSync(join(inbox, lastFile), join(later, lastFile));
    const mb = sizeMb(inbox);
    const build = child('build', { data: join(work, 'data-national'), inbox });
    const incremental = child('build', { data: join(work, 'data-national'), inbox: later, full: false });
    const label = `${deps.length} départements × 9 years ×${scaleNational}`;
    lines.push(
      row([
        'build: all stages',
        label,
        mb.toFixed(0),
        build.records,
        build.seconds.toFixed(1),
        build.cpuSeconds.toFixed(1),
        (mb / build.seconds).toFixed(1),
        Math.round(build.records / build.seconds),
        build.maxRssMb.toFixed(0),
      ]),
    );
    const laterMb = sizeMb(later);
    lines.push(
      row([
        'build after one new file',
        `+ ${lastFile}`,
        laterMb.toFixed(1),
        incremental.records,
        incremental.seconds.toFixed(1),
        incremental.cpuSeconds.toFixed(1),
        '',
        '',
        incremental.maxRssMb.toFixed(0),
      ]),
    );
    console.log(lines.join('\n'));
    const stages = (r) =>
      Object.entries(r.stages)
        .map(([k, v]) => `${k} ${v.seconds.toFixed(1)}`)
        .join(', ');
    console.log(`\nStages of the national build (s): ${stages(build)}`);
    console.log(
      `Stages after one new file (s): ${stages(incremental)}; départements rebuilt ${incremental.rows?.departements_rebuilt}, reused ${incremental.rows?.departements_reused}`,
    );
    console.log(
      `Rows: ${Object.entries(build.rows ?? {})
        .map(([k, v]) => `${k} ${v}`)
        .join(', ')}`,
    );
  } finally {
    if (!process.argv.includes('--keep')) rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--phase') await phase(process.argv[3], JSON.parse(process.argv[4]));
else await main();
