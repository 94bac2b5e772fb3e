/**
 * Builds a scheduler can trust: an incremental build equals a full rebuild of the same inputs,
 * and a build killed at any of its critical points leaves the previous base, reports and
 * exports intact, after which the next build completes as if nothing happened.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runSynth } from '../../src/synth/index.js';
import { loadConfig } from '../../src/config.js';
import { runBuild } from '../../src/runner/build.js';
import { BUILD_STAGES } from '../../pipelines/index.js';
import { query, withDuckDB } from '../../src/warehouse/duckdb.js';
import { runCli, TEST_KEY } from '../helpers/cli.js';

const root = mkdtempSync(join(tmpdir(), 'olinpe-e2e-builds-'));
const source = join(root, 'synth');
let files: string[] = [];
afterAll(() => rmSync(root, { recursive: true, force: true }));

beforeAll(async () => {
  process.env.OLINPE_PSEUDONYMISATION_KEY = TEST_KEY;
  await runSynth({
    out: source,
    departements: ['48', '2A'],
    firstYear: 2016,
    lastYear: 2019,
    scale: 0.03,
    seed: 21,
    format: 'mixed',
  });
  files = readdirSync(source).sort();
});

async function build(dataDir: string, inbox: string, full = false) {
  const config = loadConfig({ dataDir, inboxDir: inbox, workers: 2 }, { cwd: root, env: {} });
  const report = await runBuild({ config, stages: BUILD_STAGES, trigger: 'build', full });
  expect(report.result.stages.filter((s) => s.status !== 'success').map((s) => [s.name, s.error])).toEqual(
    [],
  );
  return report;
}

const warehouseOf = (data: string) => join(data, 'warehouse', 'olinpe.duckdb');

/** Rows of every table of `a` missing from `b` or the other way round (0 when the contents are equal). */
async function tableDifferences(a: string, b: string): Promise<Record<string, number>> {
  return withDuckDB(':memory:', async (conn) => {
    await conn.run(`attach '${a}' as a (read_only)`);
    await conn.run(`attach '${b}' as b (read_only)`);
    const tables = await query<{ name: string }>(
      conn,
      `select table_name as name from information_schema.tables where table_catalog = 'a' order by 1`,
    );
    const out: Record<string, number> = {};
    for (const { name } of tables) {
      // When a file was received differs from one data directory to another, nothing else may.
      const cols = name === 'receipts' ? '* exclude (received_at)' : '*';
      const [row] = await query<{ n: number }>(
        conn,
        `select ((select count(*) from (select ${cols} from a."${name}" except all select ${cols} from b."${name}"))
               + (select count(*) from (select ${cols} from b."${name}" except all select ${cols} from a."${name}")))::integer as n`,
      );
      out[name] = row?.n ?? -1;
    }
    return out;
  });
}

/** A seeded shuffle (Fisher–Yates with a small LCG), so the test is repeatable. */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let x = seed;
  for (let i = out.length - 1; i > 0; i--) {
    x = (x * 1103515245 + 12345) % 2147483648;
    const j = x % (i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

describe('incremental builds', () => {
  it('give the same tables as a full rebuild, files added one by one in random order', async () => {
    const data = join(root, 'incremental');
    const inbox = join(data, 'inbox');
    mkdirSync(inbox, { recursive: true });
    const reused: number[] = [];
    const reusedPartitions: number[] = [];
    const reusedLivrets: number[] = [];
    for (const name of shuffled(files, 7)) {
      copyFileSync(join(source, name), join(inbox, name));
      const report = await build(data, inbox);
      expect(report.context.outcomes.map((o) => o.kind)).toEqual(['accepted']);
      // One file of one département: the other département's base is taken as it was.
      expect(report.context.warehouse?.rows.departements_rebuilt).toBe(1);
      reused.push(report.context.warehouse?.rows.departements_reused ?? -1);
      const exportsStage = report.result.stages.find((st) => st.name === 'exports');
      reusedPartitions.push(Number(exportsStage?.output?.details?.reusedPartitions ?? -1));
      const reportsStage = report.result.stages.find((st) => st.name === 'reports');
      reusedLivrets.push(reportsStage?.output?.rows?.livrets_reused ?? -1);
    }
    // Livrets of files whose inputs did not change are taken as they were.
    expect(reusedLivrets.filter((n) => n > 0).length).toBeGreaterThan(files.length / 2);
    // Export partitions of the other département (and unchanged years) come from the last release.
    expect(reusedPartitions.filter((n) => n > 0).length).toBeGreaterThan(files.length / 2);
    expect(reused.filter((n) => n === 1).length).toBeGreaterThan(files.length / 2);
    const incremental = join(root, 'incremental.duckdb');
    copyFileSync(warehouseOf(data), incremental);
    const manifest = readFileSync(join(data, 'exports', 'MANIFEST.json'), 'utf8');

    const full = await build(data, inbox, true);
    expect(full.context.outcomes).toEqual([]);
    expect(full.context.warehouse?.rows).toMatchObject({ departements_rebuilt: 2, departements_reused: 0 });
    const differences = await tableDifferences(incremental, warehouseOf(data));
    expect(Object.keys(differences)).toContain('measures');
    expect(
      Object.values(differences).every((n) => n === 0),
      JSON.stringify(differences),
    ).toBe(true);
    expect(readFileSync(join(data, 'exports', 'MANIFEST.json'), 'utf8')).toBe(manifest);
  });
});

describe('a build killed at a critical point', () => {
  const reference = join(root, 'reference');
  const clean = join(root, 'clean');
  const later = () => files.filter((f) => f.includes('2019'));

  beforeAll(async () => {
    mkdirSync(join(reference, 'inbox'), { recursive: true });
    for (const f of files.filter((n) => !n.includes('2019')))
      copyFileSync(join(source, f), join(reference, 'inbox', f));
    await build(reference, join(reference, 'inbox'));
    cpSync(reference, clean, { recursive: true, verbatimSymlinks: true });
    for (const f of later()) copyFileSync(join(source, f), join(clean, 'inbox', f));
    await build(clean, join(clean, 'inbox'));
  });

  /** The MANIFEST without the receipts files, which hold when each file was received. */
  const manifestOf = (data: string) => {
    const m = JSON.parse(readFileSync(join(data, 'exports', 'MANIFEST.json'), 'utf8')) as {
      files: { path: string }[];
    };
    return { ...m, files: m.files.filter((f) => !f.path.includes('receipts')) };
  };
  const snapshot = (data: string) => ({
    manifest: manifestOf(data),
    index: readFileSync(join(data, 'reports', 'index.html'), 'utf8'),
  });

  it.each([
    { point: 'ingest:before-receipt', basePublished: false, reportsPublished: false },
    { point: 'national:before-publish', basePublished: false, reportsPublished: false },
    { point: 'swap:reports', basePublished: true, reportsPublished: false },
    { point: 'swap:exports', basePublished: true, reportsPublished: true },
  ])(
    'at $point leaves the previous outputs readable, and the next build completes',
    async ({ point, basePublished, reportsPublished }) => {
      const data = join(root, point.replace(':', '-'));
      cpSync(reference, data, { recursive: true, verbatimSymlinks: true });
      for (const f of later()) copyFileSync(join(source, f), join(data, 'inbox', f));
      const before = snapshot(reference);

      const killed = await runCli(['build', '--data', data], { OLINPE_FAILPOINT: point });
      expect(killed.signal).toBe('SIGKILL');

      const expectedBase = basePublished ? warehouseOf(clean) : warehouseOf(reference);
      const diff0 = await tableDifferences(expectedBase, warehouseOf(data));
      expect(
        Object.values(diff0).every((n) => n === 0),
        JSON.stringify(diff0),
      ).toBe(true);
      const q = await runCli([
        'query',
        'select count(*)::integer as n from measures',
        '--format',
        'json',
        '--data',
        data,
      ]);
      expect(q.code).toBe(0);
      const after = snapshot(data);
      expect(after.manifest).toEqual(before.manifest);
      if (!reportsPublished) expect(after.index).toBe(before.index);

      const resumed = await runCli(['build', '--data', data, '--json']);
      expect(resumed.code, resumed.stderr).toBe(0);
      const diff = await tableDifferences(warehouseOf(clean), warehouseOf(data));
      expect(
        Object.values(diff).every((n) => n === 0),
        JSON.stringify(diff),
      ).toBe(true);
      expect(snapshot(data).manifest).toEqual(snapshot(clean).manifest);
      const leftovers = [
        ...readdirSync(join(data, 'warehouse')).filter((n) => n.includes('building')),
        ...readdirSync(data).filter(
          (n) => n.startsWith('.') && !n.startsWith('.exports-') && !n.startsWith('.reports-'),
        ),
        ...readdirSync(join(data, 'tmp')),
      ];
      expect(leftovers).toEqual([]);
    },
  );
});
