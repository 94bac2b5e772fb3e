import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { Fixture } from './helpers.js';
import { runCli } from '../../helpers/cli.js';
import { PROJECT_ROOT } from '../../../src/warehouse/sql-files.js';

let data: string;

beforeAll(async () => {
  // Compile the command line (tsc emits even when a file elsewhere in the tree has a type error).
  spawnSync(process.execPath, [join(PROJECT_ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json'], {
    cwd: PROJECT_ROOT,
  });
  data = mkdtempSync(join(tmpdir(), 'olinpe-stock-'));
  mkdirSync(join(data, 'warehouse'));
  const f = await Fixture.create(join(data, 'warehouse', 'olinpe.duckdb'));
  await f.events([
    { year: 2019, child: 1, typev: '1', decision: '2', nature: '17', datdecpe: '2019-02-01', datdeb: '2019-02-01' },
    { year: 2019, child: 2, typev: '1', decision: '2', nature: '15', datdecpe: '2019-02-01', datdeb: '2019-02-01', dep: '62' },
  ]);
  await f.build();
  f.close();
});

afterAll(() => rmSync(data, { recursive: true, force: true }));

describe('olinpe stock', () => {
  it('prints the cells, block totals and France total as JSON', async () => {
    const run = await runCli(['stock', '--year', '2019', '--json', '--data', data]);
    expect(run.code).toBe(0);
    const rows = JSON.parse(run.stdout) as { departement: string | null; drees_category: string | null; block: string | null; n_measures: number }[];
    const pick = (dep: string | null, key: string) =>
      rows.find((r) => r.departement === dep && (r.drees_category === key || (r.drees_category === null && r.block === key)))?.n_measures;
    expect([pick('59', 'placement_ase'), pick('62', 'aemo'), pick(null, 'ensemble'), pick(null, 'confies')]).toEqual([1, 1, 2, 1]);
    expect(rows.length).toBe(3 * (10 + 4));
  });

  it('prints one département as a table with French labels, or as CSV', async () => {
    const table = await runCli(['stock', '--year', '2019', '--departement', '62', '--data', data]);
    expect(table.code).toBe(0);
    expect(table.stdout).toContain('Actions éducatives en milieu ouvert (AEMO)');
    expect(table.stdout).not.toContain('France');
    const csv = await runCli(['stock', '--year', '2019', '--departement', '59', '--format', 'csv', '--data', data]);
    expect(csv.stdout.split('\n')[0]).toBe('departement,annee,drees_category,block,libelle,n_measures,n_children');
    expect(csv.stdout).toContain("59,2019,placement_ase,,Placements judiciaires à l'ASE,1,1");
  });

  it('is a usage error on a year without stock and on a bad format', async () => {
    expect((await runCli(['stock', '--year', '2030', '--data', data])).code).toBe(2);
    expect((await runCli(['stock', '--year', '2019', '--format', 'xml', '--data', data])).code).toBe(2);
  });
});
