import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import exportsStage from '../../../pipelines/exports.js';
import type { BuildContext } from '../../../pipelines/context.js';
import { openCatalog, type Catalog } from '../../../src/catalog/index.js';
import { recordAcceptedReceipt, type Receipt } from '../../../src/catalog/receipts.js';
import { dataPaths, loadConfig } from '../../../src/config.js';
import { productVersion, type Manifest } from '../../../src/exports/index.js';
import { inputsFingerprint } from '../../../src/runner/fingerprint.js';
import { CATALOGUE_VERSION } from '../../../src/rules/catalogue/index.js';
import { createWarehouse } from '../../e2e/exports/warehouse-fixture.js';

const log = pino({ level: 'silent' });
let dir: string;
let catalog: Catalog;
let ctx: BuildContext;

const receipt = (file_id: string, sha256: string, annee: number): Receipt => ({
  file_id,
  sha256,
  file_name: `CD59_Olinpe_${annee}.xml`,
  departement: '59',
  annee,
  year_source: 'filename',
  decree: '2016',
  format: 'xml',
  encoding: 'utf-8',
  datexport: `${annee + 1}-03-01`,
  received_at: `${annee + 1}-03-02T10:00:00.000Z`,
  status: 'active',
  n_records: 1,
  n_rejected: 0,
  n_duplicates: 0,
  n_errors: 0,
  n_warnings: 0,
  n_infos: 0,
  superseded_by: null,
  rejection: null,
  size_bytes: 100,
});

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'olinpe-stage-'));
  const config = loadConfig({ dataDir: dir }, { cwd: dir, env: {} });
  const paths = dataPaths(config);
  mkdirSync(paths.warehouseDir, { recursive: true });
  await createWarehouse(paths.warehouseDir);
  catalog = await openCatalog({ url: null, duckdbPath: paths.catalogDb });
  await recordAcceptedReceipt(catalog.db, receipt('f1', 'a'.repeat(64), 2019));
  await recordAcceptedReceipt(catalog.db, receipt('f2', 'b'.repeat(64), 2021));
  ctx = {
    config,
    paths,
    catalog,
    runId: 'run-1',
    full: false,
    received: [],
    outcomes: [],
    pseudonymiser: () => {
      throw new Error('no key needed');
    },
  };
});

afterAll(async () => {
  await catalog.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('exports stage', () => {
  it('runs after the national stage and names the release after its inputs, not the run', async () => {
    expect(exportsStage.name).toBe('exports');
    expect(exportsStage.dependsOn).toEqual(['national']);
    const output = await exportsStage.run(ctx, log);
    const buildId = inputsFingerprint([
      { sha256: 'b'.repeat(64), status: 'active' },
      { sha256: 'a'.repeat(64), status: 'active' },
    ]);
    expect(output?.details).toEqual({ files: expect.any(Number) as number, buildId, reusedPartitions: 0 });
    expect(output?.rows?.measures).toBe(13);
    const manifest = JSON.parse(readFileSync(join(ctx.paths.exports, 'MANIFEST.json'), 'utf8')) as Manifest;
    expect(manifest.build_id).toBe(buildId);
    expect(manifest.product_version).toBe(productVersion());
    expect(manifest.catalogue_version).toBe(CATALOGUE_VERSION);
    const first = readFileSync(join(ctx.paths.exports, 'MANIFEST.json'));
    await exportsStage.run({ ...ctx, runId: 'run-2' }, log);
    expect(readFileSync(join(ctx.paths.exports, 'MANIFEST.json')).equals(first)).toBe(true);
  });

  it('does nothing when the published release was built from the same inputs', async () => {
    const fingerprint = inputsFingerprint([
      { sha256: 'a'.repeat(64), status: 'active' },
      { sha256: 'b'.repeat(64), status: 'active' },
    ]);
    expect(await exportsStage.run({ ...ctx, fingerprint }, log)).toEqual({ details: { upToDate: true } });
    expect(await exportsStage.run({ ...ctx, fingerprint: 'other-inputs' }, log)).not.toEqual({
      details: { upToDate: true },
    });
  });
});
