/**
 * End to end: synthetic files with every defect, in every format, through the national build;
 * the pipeline's stock, measures and children must equal the truth computed by the generator.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILD_STAGES } from '../../pipelines/index.js';
import { dataPaths, loadConfig } from '../../src/config.js';
import { runBuild } from '../../src/runner/build.js';
import { runSynth, type SynthSummary } from '../../src/synth/index.js';
import { query, withDuckDB } from '../../src/warehouse/duckdb.js';

let root: string;
let summary: SynthSummary;
let warehouse: string;
const previousKey = process.env.OLINPE_PSEUDONYMISATION_KEY;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'olinpe-synth-e2e-'));
  summary = await runSynth({
    out: join(root, 'inbox'),
    truth: join(root, 'truth'),
    departements: ['59', '48', '2A'],
    firstYear: 2017,
    lastYear: 2022,
    scale: 0.03,
    format: 'mixed',
    seed: 9,
  });
  process.env.OLINPE_PSEUDONYMISATION_KEY = 'synthetic-end-to-end-key';
  const config = loadConfig({ dataDir: join(root, 'data'), inboxDir: join(root, 'inbox') });
  const report = await runBuild({ config, stages: BUILD_STAGES, trigger: 'build' });
  expect(report.result.ok).toBe(true);
  warehouse = dataPaths(config).warehouse;
}, 300_000);

afterAll(() => {
  if (previousKey === undefined) delete process.env.OLINPE_PSEUDONYMISATION_KEY;
  else process.env.OLINPE_PSEUDONYMISATION_KEY = previousKey;
  rmSync(root, { recursive: true, force: true });
});

const truthCsv = (name: string) => `read_csv('${join(root, 'truth', name)}', all_varchar = true)`;

const count = (sql: string) =>
  withDuckDB(warehouse, async (conn) => Number((await query<{ n: bigint }>(conn, sql))[0]?.n), {
    access_mode: 'READ_ONLY',
  });

describe('the national build on synthetic files equals the truth', () => {
  it('injected every defect', () => {
    for (const [defect, n] of Object.entries(summary.defects)) expect(n, defect).toBeGreaterThan(0);
  });

  it('gives the truth stock of 31 December in every cell of the DREES perimeter', async () => {
    const differences = await count(`
      with t as (select departement, annee::int annee, drees_category, n_measures::int m, n_children::int c
                 from ${truthCsv('stock_31dec.csv')} where drees_category <> 'hors_perimetre'),
           p as (select departement, annee::int annee, drees_category, n_measures::int m, n_children::int c
                 from stock_31dec where drees_category <> 'hors_perimetre')
      select count(*) n from t full join p using (departement, annee, drees_category)
      where coalesce(t.m, 0) <> coalesce(p.m, 0) or coalesce(t.c, 0) <> coalesce(p.c, 0)`);
    expect(differences).toBe(0);
    expect(await count(`select sum(n_measures) n from stock_31dec where annee = 2020`)).toBeGreaterThan(500);
  });

  it('gives the same measures (dates, category, imputed ends, periods, left censoring)', async () => {
    const columns = `departement, decision::varchar, nature::varchar, drees_category, decision_date::date, start_date::date,
      end_date::date, coalesce(end_imputed, '') <> '', n_periods::int, is_left_censored::boolean`;
    const t = `select ${columns} from ${truthCsv('measures.csv')}`;
    const p = `select ${columns} from measures`;
    expect(await count(`select count(*) n from (${t} except all ${p})`)).toBe(0);
    expect(await count(`select count(*) n from (${p} except all ${t})`)).toBe(0);
  });

  it('gives the same children (birth, first département, number of départements, first event)', async () => {
    const columns = `sexe::varchar, anais::int, mnais::int, first_departement, n_departements::int, first_event_date::date`;
    const t = `select ${columns} from ${truthCsv('children.csv')}`;
    const p = `select ${columns} from children`;
    expect(await count(`select count(*) n from (${t} except all ${p})`)).toBe(0);
    expect(await count(`select count(*) n from (${p} except all ${t})`)).toBe(0);
    expect(await count(`select count(*) n from children where n_departements > 1`)).toBeGreaterThan(0);
  });
});
