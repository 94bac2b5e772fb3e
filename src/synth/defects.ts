/**
 * The defects of real files, each optional and counted. Counts are exact: `max(1, rate × eligible)`
 * items drawn among the eligible ones, so that every enabled defect occurs in any sample.
 */
import { variable } from '../dictionary/index.js';
import type { EmittedEvent, SimMeasure } from './model.js';
import type { Rng } from './prng.js';

export const DEFECTS = [
  'changed-number',
  'mover',
  'missing-year',
  'resent-file',
  'exact-duplicate',
  'administrative-duplicate',
  'judicial-duplicate',
  'invalid-code',
  'invalid-number',
  'ddmmyyyy-date',
  'partial-date',
  'end-not-sent',
  'december-31',
] as const;
export type DefectName = (typeof DEFECTS)[number];

/** Share of the eligible items (children, measures, records, départements) hit by each defect. */
export const DEFECT_RATES: Readonly<Record<DefectName, number>> = {
  'changed-number': 0.01,
  mover: 0.004,
  'missing-year': 0.1,
  'resent-file': 0.1,
  'exact-duplicate': 0.003,
  'administrative-duplicate': 0.002,
  'judicial-duplicate': 0.002,
  'invalid-code': 0.002,
  'invalid-number': 0.001,
  'ddmmyyyy-date': 0.002,
  'partial-date': 0.01,
  'end-not-sent': 0.02,
  'december-31': 0.01,
};

/** Draws `max(1, round(rate × n))` distinct indices among n (none when n = 0), in increasing order. */
export function drawIndices(n: number, rate: number, rng: Rng): number[] {
  if (n === 0) return [];
  const k = Math.min(n, Math.max(1, Math.round(rate * n)));
  const chosen = new Set<number>();
  while (chosen.size < k) chosen.add(rng.int(0, n - 1));
  return [...chosen].sort((a, b) => a - b);
}

export function markEndsNotSent(
  measures: readonly SimMeasure[],
  eligible: (m: SimMeasure) => boolean,
  rng: Rng,
): number {
  const list = measures.filter(eligible);
  const picked = drawIndices(list.length, DEFECT_RATES['end-not-sent'], rng);
  for (const i of picked) (list[i] as SimMeasure).endNotSent = true;
  return picked.length;
}

export function markPartialStarts(
  measures: readonly SimMeasure[],
  eligible: (m: SimMeasure) => boolean,
  rng: Rng,
): number {
  const list = measures.filter(eligible);
  const picked = drawIndices(list.length, DEFECT_RATES['partial-date'], rng);
  for (const i of picked) (list[i] as SimMeasure).partialStart = true;
  return picked.length;
}

const INVALID_NUMBERS = [
  (n: string) => n.slice(0, 39),
  () => 'F'.repeat(40),
  (n: string) => `${n.slice(0, 20)}XYZ${n.slice(23)}`,
  () => '',
];

/** NUMANONYM made unusable (39 characters, 40 f, not hexadecimal, empty): the record is rejected. */
export function injectInvalidNumbers(records: readonly EmittedEvent[], rng: Rng): number {
  const list = records.filter((r) => r.child.numberChange === null);
  const picked = drawIndices(list.length, DEFECT_RATES['invalid-number'], rng);
  for (const i of picked) {
    const r = list[i] as EmittedEvent;
    r.invalidNumber = rng.pick(INVALID_NUMBERS)(r.child.number);
  }
  return picked.length;
}

/** Variables present on every record that no measure or child depends on. */
const CODE_TARGETS = ['HANDICAP', 'INTERANT', 'MINIMA', 'ALLOC'];

/** A value outside its code list. */
export function injectInvalidCodes(records: readonly EmittedEvent[], rng: Rng): number {
  const list = records.filter((r) => r.invalidNumber === null);
  const picked = drawIndices(list.length, DEFECT_RATES['invalid-code'], rng);
  for (const i of picked) {
    const r = list[i] as EmittedEvent;
    const name = rng.pick(CODE_TARGETS);
    const value = rng.pick(['5', '7', '0', 'X']);
    if (variable(name).codeSet.has(value)) throw new Error(`synth: ${value} is a valid code of ${name}`);
    r.invalidCode = { variable: name, value };
  }
  return picked.length;
}

/** Every full date of the record written JJ/MM/AAAA (the pipeline converts them and reports it). */
export function injectDdmmyyyy(records: readonly EmittedEvent[], rng: Rng): number {
  const list = records.filter((r) => !r.measure.partialStart && r.invalidNumber === null);
  const picked = drawIndices(list.length, DEFECT_RATES['ddmmyyyy-date'], rng);
  for (const i of picked) (list[i] as EmittedEvent).ddmmyyyy = true;
  return picked.length;
}

/**
 * Duplicates inserted right after their original: identical records, or administrative /
 * judicial duplicates differing only in INTERANT (outside every key of §4 and §6).
 */
export function insertDuplicates(
  records: EmittedEvent[],
  kind: 'exact-duplicate' | 'administrative-duplicate' | 'judicial-duplicate',
  rng: Rng,
): EmittedEvent[] {
  const eligible = records
    .map((r, i) => [r, i] as const)
    .filter(([r]) => r.invalidNumber === null && r.invalidCode === null)
    .filter(
      ([r]) =>
        kind === 'exact-duplicate' ||
        r.measure.kind.decision === (kind === 'administrative-duplicate' ? '1' : '2'),
    );
  const picked = new Set(
    drawIndices(eligible.length, DEFECT_RATES[kind], rng).map(
      (i) => (eligible[i] as readonly [EmittedEvent, number])[1],
    ),
  );
  const out: EmittedEvent[] = [];
  records.forEach((r, i) => {
    out.push(r);
    if (!picked.has(i)) return;
    out.push(kind === 'exact-duplicate' ? { ...r } : { ...r, otherInterant: true });
  });
  return out;
}
