/**
 * Children who move: a measure ends in one département with MOTFININT=3 (transfer) and the same
 * kind of measure begins in another within a month. The transitional number is national, so
 * they keep it. Drawn for the whole run before the départements are simulated one by one.
 */
import { type DepartementCalibration, total } from './calibration.js';
import { dec31, jan1 } from './dates.js';
import { KINDS, type MeasureKind } from './kinds.js';
import type { SimMeasure } from './model.js';
import { rngFor } from './prng.js';
import { birthFor, buildMeasure, type MeasureOptions, newChild, type SimulationWindow } from './simulate.js';

/** Movers a year per measure of the DREES stock (ONPE: a few thousand transfers a year). */
const MOVER_RATE = 0.004;
const MOVER_KINDS = ['placement-ase', 'aemo', 'aed', 'apm'];

export interface MoverPlan {
  /** Measures of movers, per département. */
  readonly byDepartement: Map<string, SimMeasure[]>;
  readonly nMovers: number;
  readonly onDecember31: number;
}

export function planMovers(
  selected: readonly DepartementCalibration[],
  window: SimulationWindow,
  scale: number,
  seed: number,
  options: MeasureOptions,
): MoverPlan {
  const byDepartement = new Map<string, SimMeasure[]>(selected.map((d) => [d.code, []]));
  if (selected.length < 2) return { byDepartement, nMovers: 0, onDecember31: 0 };
  const rng = rngFor(seed, 'movers');
  const kinds = MOVER_KINDS.map((id) => KINDS.find((k) => k.id === id) as MeasureKind);
  const weights = selected.map((d) => [d, total(d.stock2020)] as const);
  const years = window.lastYear - window.firstYear + 1;
  let nMovers = 0;
  let onDecember31 = 0;
  for (const origin of selected) {
    const n = Math.round(total(origin.stock2020) * scale * MOVER_RATE * years);
    for (let i = 0; i < n; i++) {
      let destination = rng.weighted(weights);
      if (destination.code === origin.code)
        destination = rng.pick(selected.filter((d) => d.code !== origin.code));
      const kind = rng.pick(kinds);
      const transferDay = rng.int(jan1(window.firstYear), dec31(window.lastYear));
      const firstDuration = rng.int(90, 900);
      const decisionDay = transferDay - firstDuration;
      const age = kind.ageMin + rng.next() * Math.max(0.5, Math.min(kind.ageMax, 16) - kind.ageMin - 3);
      const birth = birthFor(decisionDay, age);
      const child = newChild(`M-${++nMovers}`, rng, birth, seed, true);
      const list = (code: string) => byDepartement.get(code) as SimMeasure[];
      const first = buildMeasure(
        { kind, child, decisionDay, durationDays: firstDuration, transfer: true },
        0,
        origin.code,
        rng,
        options,
      );
      if (first.measure.motfinint !== '3') continue; // reached the age limit first: no transfer
      list(origin.code).push(first.measure);
      const secondDecision = first.measure.endDay + rng.int(1, 30);
      const duration = rng.int(180, 3 * 365);
      const second = buildMeasure(
        { kind, child, decisionDay: secondDecision, durationDays: duration },
        0,
        destination.code,
        rng,
        options,
      );
      list(destination.code).push(second.measure);
      onDecember31 += first.onDecember31 + second.onDecember31;
    }
  }
  return { byDepartement, nMovers, onDecember31 };
}
