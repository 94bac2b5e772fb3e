import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSynth, type SynthSummary } from '../../src/synth/index.js';
import { DREES_PERIMETER, dreesStock, perimeterTotal, truthStock } from './calibration-helpers.js';

const SCALE = 0.05;
let root: string;
let summary: SynthSummary;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'olinpe-synth-national-'));
  summary = await runSynth({
    out: join(root, 'files'),
    truth: join(root, 'truth'),
    scale: SCALE,
    format: 'csv',
    defects: [],
    seed: 11,
  });
}, 180_000);

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('national calibration on the DREES 2020 stock (scale 0.05, no defects)', () => {
  it('knows every département, Corsica split in 2A/2B and the Rhône in 69D/69M', () => {
    expect(summary.departements).toHaveLength(102);
    expect(summary.departements).toEqual(expect.arrayContaining(['2A', '2B', '69D', '69M', '976', '971']));
    expect(summary.departements).not.toContain('20');
    expect(summary.nFiles).toBe(102 * 9);
  });

  it('gives the 2020 stock of every DREES category within 10 % of the table, scaled', () => {
    const want = dreesStock(summary.departements, SCALE);
    const got = truthStock(join(root, 'truth'), 2020);
    for (const c of DREES_PERIMETER) {
      const ratio = (got.get(c) ?? 0) / (want.get(c) as number);
      expect(ratio, c).toBeGreaterThan(0.9);
      expect(ratio, c).toBeLessThan(1.1);
    }
    // the measures outside the perimeter are numerous: about a sixth of the DREES perimeter in stock
    expect(got.get('hors_perimetre') ?? 0).toBeGreaterThan(0.15 * perimeterTotal(want));
  });

  it('follows the national trend of about +2 % a year after 2020', () => {
    const total = (y: number) => perimeterTotal(truthStock(join(root, 'truth'), y));
    expect(total(2024) / total(2020)).toBeGreaterThan(1.02 ** 4 - 0.03);
    expect(total(2024) / total(2020)).toBeLessThan(1.02 ** 4 + 0.03);
    expect(total(2018) / total(2020)).toBeGreaterThan(1.02 ** -2 - 0.03);
    expect(total(2018) / total(2020)).toBeLessThan(1.02 ** -2 + 0.03);
  });
});
