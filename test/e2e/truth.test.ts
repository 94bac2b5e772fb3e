/**
 * The proof of the longitudinal core: synthetic national data with every defect, built by the
 * pipeline, equals the generator's ground truth — every stock cell, the number of children and
 * the measures by category — at several seeds.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runSynth } from '../../src/synth/index.js';
import { loadConfig } from '../../src/config.js';
import { runBuild } from '../../src/runner/build.js';
import { BUILD_STAGES } from '../../pipelines/index.js';
import { compareStock, type StockCell } from '../../src/national/compare.js';
import { query, withDuckDB } from '../../src/warehouse/duckdb.js';
import { TEST_KEY } from '../helpers/cli.js';

const root = mkdtempSync(join(tmpdir(), 'olinpe-e2e-truth-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const cases = [
  { seed: 11, departements: ['59', '48', '2A', '971'], scale: 0.04, format: 'mixed' as const },
  { seed: 12, departements: ['75', '93', '69M'], scale: 0.03, format: 'xml' as const },
  { seed: 13, departements: ['62', '80', '2B'], scale: 0.03, format: 'csv' as const },
];

describe.each(cases)('synthetic data at seed $seed ($format)', ({ seed, departements, scale, format }) => {
  it('builds exactly the true stock, children and measures', async () => {
    const dir = join(root, `seed-${seed}`);
    const inbox = join(dir, 'inbox');
    const truth = join(dir, 'truth');
    const synth = await runSynth({
      out: inbox,
      truth,
      departements,
      scale,
      seed,
      format,
      firstYear: 2016,
      lastYear: 2024,
    });
    expect(Object.values(synth.defects).every((n) => n > 0)).toBe(true);

    process.env.OLINPE_PSEUDONYMISATION_KEY = TEST_KEY;
    const config = loadConfig(
      { dataDir: join(dir, 'data'), inboxDir: inbox, workers: 2 },
      { cwd: dir, env: {} },
    );
    const report = await runBuild({ config, stages: BUILD_STAGES, trigger: 'build' });
    expect(report.result.stages.map((s) => [s.name, s.status, s.error?.message])).toEqual(
      report.result.stages.map((s) => [s.name, 'success', undefined]),
    );

    await withDuckDB(
      join(dir, 'data', 'warehouse', 'olinpe.duckdb'),
      async (conn) => {
        const expected = await query<StockCell>(
          conn,
          `select departement, annee::integer as annee, drees_category, n_measures::integer as n_measures,
                n_children::integer as n_children
         from read_csv($path, all_varchar = true)`,
          { path: join(truth, 'stock_31dec.csv') },
        );
        expect(expected.length).toBeGreaterThan(100);
        expect(await compareStock(conn, expected)).toEqual([]);

        const [children] = await query<{ built: number; truth: number }>(
          conn,
          `select (select count(*)::integer from children) as built,
                (select count(*)::integer from read_csv($path, all_varchar = true)) as truth`,
          { path: join(truth, 'children.csv') },
        );
        expect(children?.built).toBe(children?.truth);

        const byCategory = await query<{
          drees_category: string;
          built: number | null;
          truth: number | null;
        }>(
          conn,
          `with t as (select drees_category, count(*)::integer as n from read_csv($path, all_varchar = true) group by all),
              b as (select drees_category, count(*)::integer as n from measures group by all)
         select coalesce(t.drees_category, b.drees_category) as drees_category, b.n as built, t.n as truth
         from t full join b using (drees_category) order by 1`,
          { path: join(truth, 'measures.csv') },
        );
        expect(byCategory.length).toBe(10);
        for (const row of byCategory) expect(row.built, row.drees_category).toBe(row.truth);
      },
      { access_mode: 'READ_ONLY' },
    );
  });
});
