/** The `reports` stage on the fixture base, and a rebuild limited to some départements. */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import reportsStage from '../../../pipelines/reports.js';
import type { BuildContext } from '../../../pipelines/context.js';
import { buildReports } from '../../../src/reports/index.js';
import { logger } from '../../../src/log.js';
import { buildFixture, type FixturePaths } from '../../fixtures/reports/warehouse.js';

let root: string;
let fixture: FixturePaths;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'olinpe-reports-stage-'));
  fixture = await buildFixture(root);
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const contextFor = (warehouse: string, reports: string): BuildContext =>
  ({
    paths: { warehouse, bases: fixture.bases, reports, cache: join(root, 'cache') },
    config: { dreesReference: null },
    full: false,
    received: [],
    outcomes: [],
  }) as unknown as BuildContext;

test('the stage writes every report and says how many', async () => {
  const reports = join(root, 'reports-stage');
  const output = await reportsStage.run(contextFor(fixture.warehouse, reports), logger());
  expect(reportsStage.dependsOn).toEqual(['national']);
  expect(output).toEqual({ rows: { reports: 12, livrets_reused: 0 } });
  expect(readdirSync(reports).sort()).toEqual(['.livrets.json', '48', '59', '75', 'index.html']);
  // Published as a link to one complete hidden release, nothing else left beside it.
  expect(readdirSync(root).filter((f) => f.startsWith('.reports-stage'))).toHaveLength(1);
});

test('without a national base the stage writes nothing', async () => {
  const reports = join(root, 'reports-none');
  const output = await reportsStage.run(contextFor(join(root, 'missing.duckdb'), reports), logger());
  expect(output).toEqual({ details: { noWarehouse: true } });
  expect(existsSync(reports)).toBe(false);
});

test('a rebuild for some départements rewrites only theirs and the index', async () => {
  const reports = join(root, 'reports-partial');
  const { files } = await buildReports(
    {
      warehouse: fixture.warehouse,
      basesDir: fixture.bases,
      reportsDir: reports,
      dreesReference: null,
      departements: ['75'],
    },
    logger(),
  );
  expect(files).toBe(4);
  expect(readdirSync(reports).sort()).toEqual(['75', 'index.html']);
  expect(readdirSync(join(reports, '75')).sort()).toEqual(['2020', 'tableau-de-bord.html']);
});

test('completeness of a stored Base Année is cached and gives the same livret', async () => {
  const cacheDir = join(root, 'completeness-cache');
  const build = async (reports: string): Promise<string> => {
    await buildReports(
      {
        warehouse: fixture.warehouse,
        basesDir: fixture.bases,
        reportsDir: reports,
        dreesReference: null,
        cacheDir,
        generatedAt: new Date('2026-11-28T12:00:00Z'),
      },
      logger(),
    );
    return readFileSync(join(reports, '59', '2020', 'livret.html'), 'utf8');
  };
  const first = await build(join(root, 'reports-cache-1'));
  // Only the superseded file is stored as Parquet in the fixture.
  expect(readdirSync(cacheDir)).toEqual([expect.stringMatching(/^f59b_old-[0-9a-f]{12}\.parquet$/)]);
  const second = await build(join(root, 'reports-cache-2'));
  expect(second).toBe(first);
  expect(first).toContain('33,3 %');
});

test('a rebuild takes every unchanged livret from the published reports, as it was', async () => {
  const reports = join(root, 'reports-reuse');
  const build = (day: string) =>
    buildReports(
      {
        warehouse: fixture.warehouse,
        basesDir: fixture.bases,
        reportsDir: reports,
        dreesReference: null,
        generatedAt: new Date(`${day}T12:00:00Z`),
      },
      logger(),
    );
  const first = await build('2026-11-27');
  expect(first.reusedLivrets).toBe(0);
  const livret = readFileSync(join(reports, '59', '2020', 'livret.html'), 'utf8');
  const index = readFileSync(join(reports, 'index.html'), 'utf8');
  const second = await build('2026-11-28');
  expect(second.reusedLivrets).toBeGreaterThan(0);
  expect(second.files).toBe(first.files);
  expect(readFileSync(join(reports, '59', '2020', 'livret.html'), 'utf8')).toBe(livret);
  expect(readFileSync(join(reports, 'index.html'), 'utf8')).not.toBe(index);
  const third = await buildReports(
    {
      warehouse: fixture.warehouse,
      basesDir: fixture.bases,
      reportsDir: reports,
      dreesReference: null,
      reuseLivrets: false,
    },
    logger(),
  );
  expect(third.reusedLivrets).toBe(0);
});
