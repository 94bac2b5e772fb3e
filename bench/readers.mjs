// Throughput of the readers (run after `npx tsc -p tsconfig.json`): `node bench/readers.mjs [MB]`.
// Writes a large synthetic XML (~300 MB by default, ~40 filled variables a record, CRLF) and the
// same records as `;` CSV in a temporary directory, then reads each in a fresh child process
// (so that peak RSS is that of one reading) with 1 and 2 workers. Figures go to docs/readers.md.
import { Buffer } from 'node:buffer';
import { spawnSync } from 'node:child_process';
import console from 'node:console';
import process from 'node:process';
import { copyFileSync, createWriteStream, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = join(fileURLToPath(import.meta.url), '..', '..');
const dist = (p) => pathToFileURL(join(ROOT, 'dist', 'src', p)).href;

// tsc does not copy the dictionary's JSON (read through createRequire) beside the compiled module.
const compiledJson = join(ROOT, 'dist', 'src', 'dictionary', 'variables.json');
if (!existsSync(compiledJson)) copyFileSync(join(ROOT, 'src', 'dictionary', 'variables.json'), compiledJson);

async function childRun(path, workers) {
  const { openReader } = await import(dist('readers/index.js'));
  const t0 = process.hrtime.bigint();
  const reader = await openReader(path, { workers });
  let n = 0;
  let chars = 0;
  for await (const batch of reader.batches()) {
    n += batch.records.length;
    for (const r of batch.records) chars += r[1]?.length ?? 0; // touch the records
  }
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const s = reader.summary();
  if (s.nRecords !== n || chars === 0) throw new Error('bench: inconsistent reading');
  const cpu = process.cpuUsage();
  process.stdout.write(
    JSON.stringify({
      records: n,
      seconds,
      maxRssMb: process.resourceUsage().maxRSS / 1024,
      cpuSeconds: (cpu.user + cpu.system) / 1e6,
    }),
  );
}

function rng(seed) {
  let x = seed >>> 0;
  return () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x / 4294967296;
  };
}

async function generate(dir, targetMb) {
  const { VARIABLES } = await import(dist('dictionary/index.js'));
  const rand = rng(42);
  const pick = (arr) => arr[Math.floor(rand() * arr.length)];
  const date = () =>
    `20${String(15 + Math.floor(rand() * 6))}-${String(1 + Math.floor(rand() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rand() * 28)).padStart(2, '0')}`;
  const value = (v) => {
    switch (v.kind) {
      case 'code':
        return v.codes.length > 0 ? pick(v.codes).code : '1';
      case 'date':
        return date();
      case 'yearmonth':
        return date().slice(0, 7);
      case 'year':
        return String(1960 + Math.floor(rand() * 60));
      case 'month':
        return String(1 + Math.floor(rand() * 12)).padStart(2, '0');
      case 'count':
        return String(Math.floor(rand() * 6));
      case 'id':
        return Array.from({ length: 40 }, () => '0123456789ABCDEF'[Math.floor(rand() * 16)]).join('');
      default:
        return 'Accueil chez un tiers digne de confiance, suivi éducatif renforcé';
    }
  };
  const always = new Set([
    'NUMDEP',
    'NUMANONYM',
    'TYPEV',
    'SEXE',
    'ANAIS',
    'MNAIS',
    'DECISION',
    'DATDECPE',
    'DATDEB',
  ]);
  const xmlPath = join(dir, 'bench.xml');
  const csvPath = join(dir, 'bench.csv');
  const xml = createWriteStream(xmlPath);
  const csv = createWriteStream(csvPath);
  const names = VARIABLES.map((v) => v.name);
  xml.write(
    '<?xml version="1.0" encoding="UTF-8"?>\r\n<DECRET>\r\n<INTRO><VERSIONXSD>2.0</VERSIONXSD><DATEXPORT>2021-03-01</DATEXPORT></INTRO>\r\n',
  );
  csv.write(names.join(';') + '\r\n');
  let bytes = 0;
  let records = 0;
  while (bytes < targetMb * 1e6) {
    const parts = ['<DONNEE>\r\n'];
    const cells = [];
    for (const v of VARIABLES) {
      const r = rand();
      let val = null;
      if (always.has(v.name) || r < 0.33) {
        val = value(v);
        parts.push(`<${v.name}>${val}</${v.name}>\r\n`);
      } else if (r < 0.5) {
        parts.push(`<${v.name}/>\r\n`);
      }
      cells.push(val ?? '');
    }
    parts.push('</DONNEE>\r\n');
    const s = parts.join('');
    bytes += Buffer.byteLength(s);
    records++;
    if (!xml.write(s)) await new Promise((r) => xml.once('drain', r));
    if (!csv.write(cells.join(';') + '\r\n')) await new Promise((r) => csv.once('drain', r));
  }
  xml.write('</DECRET>\r\n');
  await Promise.all([new Promise((r) => xml.end(r)), new Promise((r) => csv.end(r))]);
  return { xmlPath, csvPath, records };
}

async function main() {
  if (process.argv[2] === '--child') return childRun(process.argv[3], Number(process.argv[4]));
  const targetMb = Number(process.argv[2] ?? 300);
  const dir = mkdtempSync(join(tmpdir(), 'olinpe-bench-readers-'));
  try {
    const t0 = Date.now();
    const { xmlPath, csvPath, records } = await generate(dir, targetMb);
    console.log(`generated ${records} records in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    const load = () => loadavg()[0].toFixed(1);
    console.log(`${cpus().length} cores, ${process.version}, load average ${load()} before reading`);
    for (const [label, path] of [
      ['xml', xmlPath],
      ['csv', csvPath],
    ]) {
      const mb = statSync(path).size / 1e6;
      for (const workers of label === 'xml' ? [1, 2] : [1]) {
        const child = spawnSync(
          process.execPath,
          [fileURLToPath(import.meta.url), '--child', path, String(workers)],
          {
            encoding: 'utf8',
            maxBuffer: 1 << 20,
          },
        );
        if (child.status !== 0) throw new Error(child.stderr);
        const r = JSON.parse(child.stdout);
        console.log(
          `${label} ${mb.toFixed(0)} MB, workers ${workers}: ${r.seconds.toFixed(2)} s, ` +
            `${(mb / r.seconds).toFixed(0)} MB/s, ${Math.round(r.records / r.seconds).toLocaleString('en')} records/s, ` +
            `peak RSS ${r.maxRssMb.toFixed(0)} MB, CPU ${r.cpuSeconds.toFixed(1)} s (${(mb / r.cpuSeconds).toFixed(0)} MB per CPU-second), load ${load()}`,
        );
      }
    }
  } finally {
    if (!process.env.KEEP) rmSync(dir, { recursive: true, force: true });
    else console.log(dir);
  }
}

await main();
