import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSynth } from '../../src/synth/index.js';
import { DREES_PERIMETER, dreesStock, perimeterTotal, truthStock } from './calibration-helpers.js';

const SCALE = 0.5;
let root: string;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'olinpe-synth-deps-'));
  await runSynth({
    out: join(root, 'files'),
    truth: join(root, 'truth'),
    departements: ['48', '75', '59'],
    scale: SCALE,
    format: 'csv',
    defects: [],
    seed: 5,
  });
}, 180_000);

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe.each([
  ['48', 'Lozère'],
  ['75', 'Paris'],
  ['59', 'Nord'],
])('calibration of %s (%s) on the DREES 2020 stock, scale 0.5', (departement) => {
  it('gives each category of at least 50 measures, and the total, within 10 % of the table', () => {
    const want = dreesStock([departement], SCALE);
    const got = truthStock(join(root, 'truth'), 2020, departement);
    for (const c of DREES_PERIMETER) {
      const w = want.get(c) as number;
      if (w < 50) continue;
      expect((got.get(c) ?? 0) / w, c).toBeGreaterThan(0.9);
      expect((got.get(c) ?? 0) / w, c).toBeLessThan(1.1);
    }
    const ratio = perimeterTotal(got) / perimeterTotal(want);
    expect(ratio).toBeGreaterThan(0.9);
    expect(ratio).toBeLessThan(1.1);
  });
});
