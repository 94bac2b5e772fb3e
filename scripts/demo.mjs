#!/usr/bin/env node
// `make demo`: a local key (mode 0600) if none, a synthetic national sample in the inbox if it
// is empty, a national build, and the summary of what was built and where.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const data = resolve(process.env.OLINPE_DATA_DIR ?? join(root, 'data'));
const inbox = join(data, 'inbox');
const keyFile = join(data, 'olinpe.key');
// The DREES 31 December 2020 stock (public figures) for the comparisons in dashboards and `stock`.
process.env.OLINPE_DREES_REFERENCE ??= join(root, 'src', 'synth', 'drees-ase-2020.csv');
const olinpe = (...args) =>
  execFileSync(process.execPath, [join(root, 'bin', 'olinpe.js'), ...args, '--data', data], {
    stdio: 'inherit',
    cwd: root,
  });

mkdirSync(inbox, { recursive: true });
if (!process.env.OLINPE_PSEUDONYMISATION_KEY && !existsSync(keyFile)) {
  writeFileSync(keyFile, randomBytes(32).toString('hex') + '\n', { mode: 0o600 });
  console.log(`Clé de pseudonymisation locale créée : ${keyFile} (mode 0600)`);
}
if (readdirSync(inbox).filter((n) => !n.startsWith('.')).length === 0) {
  console.log('Boîte de réception vide : génération d’un échantillon national synthétique…');
  olinpe(
    'synth',
    '--out',
    inbox,
    '--departments',
    '59,75,48,2A,971',
    '--years',
    '2016-2024',
    '--scale',
    '0.05',
    '--seed',
    '2026',
    '--format',
    'mixed',
  );
}
olinpe('build');
olinpe('stock', '--year', '2020');
console.log(`\nBase nationale : ${join(data, 'warehouse', 'olinpe.duckdb')}`);
console.log(`Exports : ${join(data, 'exports')}    Rapports : ${join(data, 'reports', 'index.html')}`);
console.log(
  `Essayer : npx olinpe query "select drees_category, count(*) from measures group by all" --data ${data}`,
);
