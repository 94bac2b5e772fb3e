// Throughput of the record typer (typing + pseudonymisation), on synthetic raw records.
// Run after `npm run build`: node bench/typing.mjs [n_records]
import console from 'node:console';
import { randomBytes } from 'node:crypto';
import { copyFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import process from 'node:process';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = join(fileURLToPath(import.meta.url), '..', '..');
const dist = (p) => pathToFileURL(join(ROOT, 'dist', 'src', p)).href;
// tsc does not copy the dictionary's JSON beside the compiled module.
const compiledJson = join(ROOT, 'dist', 'src', 'dictionary', 'variables.json');
if (!existsSync(compiledJson)) copyFileSync(join(ROOT, 'src', 'dictionary', 'variables.json'), compiledJson);

const { VARIABLES } = await import(dist('dictionary/index.js'));
const { createPseudonymiser, createRecordTyper } = await import(dist('values/index.js'));

const N = Number(process.argv[2] ?? 200_000);

// Deterministic pseudo-random generator (mulberry32), so every run types the same records.
let seed = 42;
const random = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = (list) => list[Math.floor(random() * list.length)];
const pad = (n) => String(n).padStart(2, '0');

function rawValue(v) {
  switch (v.kind) {
    case 'code':
      return pick(v.codes).code;
    case 'date':
      return random() < 0.05
        ? '9999-99-99'
        : `${2015 + Math.floor(random() * 8)}-${pad(1 + Math.floor(random() * 12))}-${pad(1 + Math.floor(random() * 28))}`;
    case 'yearmonth':
      return `${2000 + Math.floor(random() * 20)}-${pad(1 + Math.floor(random() * 12))}`;
    case 'year':
      return String(1960 + Math.floor(random() * 60));
    case 'month':
      return String(1 + Math.floor(random() * 12));
    case 'count':
      return String(Math.floor(random() * 6));
    case 'text':
      return 'texte libre';
    default:
      return null;
  }
}

// Made-up transitional numbers: 40 hex characters, a few children with several records.
const numbers = Array.from({ length: Math.ceil(N / 3) }, () => randomBytes(20).toString('hex'));
const records = Array.from({ length: N }, () => {
  const num = pick(numbers);
  return VARIABLES.map((v) => {
    if (v.name === 'NUMANONYM' || v.name === 'NUMANONYMANT') return num;
    if (v.name === 'TYPEV') return pick(['1', '2', '3']);
    return random() < 0.6 ? rawValue(v) : null; // about 60 % of the values filled
  });
});

const typers = {
  'typing only (identity pseudonymiser)': createRecordTyper((t) => t),
  'hmac-sha256': createRecordTyper(createPseudonymiser('hmac-sha256', 'cle-de-banc-d-essai')),
  'giped-sha1': createRecordTyper(createPseudonymiser('giped-sha1', 'cle-de-banc-d-essai')),
};
for (const [method, typeRecord] of Object.entries(typers)) {
  for (let i = 0; i < Math.min(N, 20_000); i++) typeRecord(records[i]); // warm-up
  const start = process.hrtime.bigint();
  let findings = 0;
  for (const r of records) findings += typeRecord(r).findings.length;
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  console.log(
    `${method}: ${N} records in ${seconds.toFixed(2)} s = ${Math.round(N / seconds).toLocaleString('en')} records/s (${findings} findings)`,
  );
}
