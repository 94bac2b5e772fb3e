/**
 * The simulation in continuous time of one département: measures arrive as an inhomogeneous
 * process whose rate keeps each kind's stock on its DREES level (growing about 2 % a year), last a
 * duration drawn from the kind's law, stop at the age limits, and are renewed on their legal
 * rhythm. Children coming out of a measure are often taken again by a later one.
 */
import { type DepartementCalibration, total, YEARLY_GROWTH } from './calibration.js';
import { birthday, type Day, dayOf, DAYS_PER_YEAR, dec31, jan1, monthOf, yearOf } from './dates.js';
import { KINDS, type MeasureKind } from './kinds.js';
import type { SimChild, SimMeasure } from './model.js';
import { goldenQuantile, Rng, rngFor } from './prng.js';

export interface SimulationWindow {
  readonly firstYear: number;
  readonly lastYear: number;
}

const REFERENCE_DAY = dec31(2020);
const LN_GROWTH = Math.log(YEARLY_GROWTH);
/** Share of new measures given to a child whose previous measure ended within the year. */
const FOLLOW_ON_SHARE = 0.3;

function durationDays(kind: MeasureKind, quantile: number): number {
  if (kind.maxDays === kind.meanDays) return kind.meanDays;
  const d = Math.round(-kind.meanDays * Math.log(1 - quantile * 0.999999));
  return Math.max(1, Math.min(kind.maxDays, d));
}

/** Ages are drawn a little below the maximum, as births fall on the 1st of a month. */
function ageSpan(kind: MeasureKind): number {
  return kind.ageMax - kind.ageMin - 0.1;
}

function ageLimit(kind: MeasureKind): number {
  return kind.minorsOnly ? 18 : 21;
}

const survivalCache = new Map<string, number>();

/**
 * Expected discounted time in force of one arrival (years): stock = arrival rate × this, when the
 * rate grows by YEARLY_GROWTH a year. Computed on evenly spread ages and durations, as drawn.
 */
export function meanDiscountedLife(kind: MeasureKind): number {
  const cached = survivalCache.get(kind.id);
  if (cached !== undefined) return cached;
  const n = 4096;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const age = kind.ageMin + ((0.5 + i * 0.7548776662466927) % 1) * ageSpan(kind);
    const birthOffset = (i % 30) / 365.25; // birth on the 1st of the month: up to a month older
    const years = Math.min(
      durationDays(kind, (0.5 + i * 0.5698402909980532) % 1) / DAYS_PER_YEAR,
      ageLimit(kind) - age - birthOffset - 10 / 365.25,
    );
    const life = Math.max(years, 1 / 365.25);
    sum += (1 - Math.exp(-LN_GROWTH * life)) / LN_GROWTH;
  }
  const mean = sum / n;
  survivalCache.set(kind.id, mean);
  return mean;
}

/** Stock of a kind at scale 1 on 31/12/2020 in a département. */
export function targetStock(kind: MeasureKind, calibration: DepartementCalibration): number {
  if (kind.category === 'hors_perimetre') return total(calibration.stock2020) * kind.share;
  return calibration.stock2020[kind.category] * kind.share;
}

interface Arrival {
  readonly kind: MeasureKind;
  readonly day: Day;
  readonly durationDays: number;
  readonly age: number;
}

function arrivalsOf(kind: MeasureKind, stock: number, window: SimulationWindow, rng: Rng): Arrival[] {
  if (stock <= 0) return [];
  const rate = stock / meanDiscountedLife(kind); // per year at the reference day
  const x0 = (jan1(window.firstYear) - kind.maxDays - 31 - REFERENCE_DAY) / DAYS_PER_YEAR;
  const x1 = (dec31(window.lastYear) - REFERENCE_DAY) / DAYS_PER_YEAR;
  const g0 = Math.exp(LN_GROWTH * x0);
  const cumulative = (rate * (Math.exp(LN_GROWTH * x1) - g0)) / LN_GROWTH;
  const phase = rng.next();
  const durationOffset = rng.next();
  const out: Arrival[] = [];
  for (let i = 0; i + phase < cumulative; i++) {
    const x = Math.log(g0 + ((i + phase) * LN_GROWTH) / rate) / LN_GROWTH;
    out.push({
      kind,
      day: Math.floor(REFERENCE_DAY + x * DAYS_PER_YEAR),
      durationDays: durationDays(kind, goldenQuantile(i, durationOffset)),
      age: kind.ageMin + rng.next() * ageSpan(kind),
    });
  }
  return out;
}

/** Min-heap of children by the day their measure ends. */
class EndHeap {
  private readonly items: { day: Day; child: SimChild }[] = [];
  push(day: Day, child: SimChild): void {
    const a = this.items;
    a.push({ day, child });
    let i = a.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if ((a[p] as { day: Day }).day <= day) break;
      [a[i], a[p]] = [a[p] as (typeof a)[number], a[i] as (typeof a)[number]];
      i = p;
    }
  }
  peek(): { day: Day; child: SimChild } | undefined {
    return this.items[0];
  }
  pop(): { day: Day; child: SimChild } | undefined {
    const a = this.items;
    const top = a[0];
    const last = a.pop();
    if (a.length > 0 && last) {
      a[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < a.length && (a[l] as { day: Day }).day < (a[m] as { day: Day }).day) m = l;
        if (r < a.length && (a[r] as { day: Day }).day < (a[m] as { day: Day }).day) m = r;
        if (m === i) break;
        [a[i], a[m]] = [a[m] as (typeof a)[number], a[i] as (typeof a)[number]];
        i = m;
      }
    }
    return top;
  }
}

export interface MeasureShape {
  readonly kind: MeasureKind;
  readonly child: SimChild;
  readonly decisionDay: Day;
  readonly durationDays: number;
  readonly transfer?: boolean;
}

export interface MeasureOptions {
  /** Probability of a decision or an end put on 31 December. */
  readonly december31: number;
}

export interface MeasureFactory {
  build(
    shape: MeasureShape,
    serial: number,
    departement: string,
    rng: Rng,
  ): { measure: SimMeasure; onDecember31: number };
}

const pickCode = (rng: Rng, table: readonly (readonly [string, number])[] | undefined): string | null =>
  table ? rng.weighted(table) : null;

/** Turns an arrival into a measure: start lag, age limit, renewals, end reasons, decision details. */
export function buildMeasure(
  shape: MeasureShape,
  serial: number,
  departement: string,
  rng: Rng,
  options: MeasureOptions,
): { measure: SimMeasure; onDecember31: number } {
  const { kind, child } = shape;
  let decisionDay = shape.decisionDay;
  let onDecember31 = 0;
  if (rng.chance(options.december31 / 2)) {
    decisionDay = dec31(yearOf(decisionDay));
    onDecember31++;
  }
  const limitDay = birthday(child.birthYear, child.birthMonth, ageLimit(kind));
  let endDay = decisionDay + shape.durationDays;
  let motfinint = shape.transfer
    ? '3'
    : rng.weighted([
        ['1', 55],
        ['2', 35],
        ['9', 10],
      ] as const);
  let motifml: string | null = null;
  if (endDay >= limitDay - 1) {
    endDay = Math.max(decisionDay + 1, limitDay - 1 - rng.int(0, 20));
    motfinint = '1';
    motifml = '15';
  } else if (!shape.transfer && rng.chance(options.december31 / 2)) {
    const d = dec31(yearOf(endDay));
    if (d < limitDay - 1) {
      endDay = d;
      onDecember31++;
    }
  }
  if (motifml === null && (motfinint === '1' || motfinint === '2')) {
    motifml = rng.weighted([
      ['10', 40],
      ['11', 5],
      ['12', 5],
      ['13', 3],
      ['14', kind.nature === '15' ? 30 : 0],
      ['19', 10],
      ['99', 37],
    ] as const);
  }
  const lag = rng.int(kind.startLag[0], kind.startLag[1]);
  const startDay = decisionDay + lag < endDay ? decisionDay + lag : decisionDay;
  const renewals: Day[] = [];
  if (kind.renewalDays !== null) {
    for (let d = startDay + kind.renewalDays; d < endDay - 1; d += kind.renewalDays) renewals.push(d);
  }
  const placement = kind.decision === '2' && ['17', '18', '21'].includes(kind.nature);
  const placeJud = kind.decision === '2' && ['17', '18', '21', '22', '23'].includes(kind.nature);
  const accueilAdm =
    kind.decision === '1' && ['11', '12', '13', '14', '15', '16', '19', '21'].includes(kind.nature);
  const measure: SimMeasure = {
    serial,
    departement,
    kind,
    child,
    decisionDay,
    startDay,
    endDay,
    renewals,
    motfinint,
    motifml,
    typinterdom: pickCode(rng, kind.typinterdom),
    typdecjud: pickCode(rng, kind.typdecjud),
    natdecplac: placement
      ? rng.weighted([
          ['1', 40],
          ['2', 35],
          ['3', 10],
          ['9', 15],
        ] as const)
      : null,
    institplac: placement
      ? kind.nature === '18'
        ? rng.weighted([
            ['2', 70],
            ['4', 20],
            ['9', 10],
          ] as const)
        : rng.weighted([
            ['3', 85],
            ['9', 15],
          ] as const)
      : null,
    lieuacc: accueilAdm
      ? kind.nature === '11'
        ? '11'
        : rng.weighted([
            ['1', 45],
            ['2', 30],
            ['6', 5],
            ['9', 3],
            ['13', 2],
            ['99', 15],
          ] as const)
      : null,
    lieuplac: placeJud
      ? rng.weighted([
          ['1', 45],
          ['2', 32],
          ['5', 5],
          ['9', 3],
          ['12', 3],
          ['99', 12],
        ] as const)
      : null,
    endNotSent: false,
    partialStart: false,
  };
  return { measure, onDecember31 };
}

export interface DepartementSimulation {
  readonly measures: SimMeasure[];
  readonly onDecember31: number;
}

export function newChild(serial: string, rng: Rng, birthDay: Day, seed: number, isMover: boolean): SimChild {
  return {
    serial,
    sexe: rng.chance(0.54) ? '1' : '2',
    birthYear: yearOf(birthDay),
    birthMonth: monthOf(birthDay),
    number: rngFor(seed, 'number', serial).hex40(),
    numberChange: null,
    isMover,
  };
}

/** Birth on the 1st of the month, so that the age at `day` is at least `age` years. */
export function birthFor(day: Day, age: number): Day {
  const d = Math.floor(day - age * DAYS_PER_YEAR);
  return dayOf(yearOf(d), monthOf(d), 1);
}

/** Simulates every measure of one département (movers' measures are added by the caller). */
export function simulateDepartement(
  calibration: DepartementCalibration,
  window: SimulationWindow,
  scale: number,
  seed: number,
  options: MeasureOptions,
): DepartementSimulation {
  const rng = rngFor(seed, 'simulate', calibration.code);
  const arrivals = KINDS.flatMap((kind) =>
    arrivalsOf(kind, targetStock(kind, calibration) * scale, window, rng),
  );
  arrivals.sort((a, b) => a.day - b.day || a.kind.id.localeCompare(b.kind.id));
  const ends = new EndHeap();
  const pool: { child: SimChild; freeFrom: Day }[] = [];
  const measures: SimMeasure[] = [];
  let onDecember31 = 0;
  let childCount = 0;
  for (const arrival of arrivals) {
    for (let top = ends.peek(); top && top.day <= arrival.day - 7; top = ends.peek()) {
      ends.pop();
      pool.push({ child: top.child, freeFrom: top.day });
    }
    let child: SimChild | undefined;
    if (pool.length > 0 && rng.chance(FOLLOW_ON_SHARE)) child = takeFromPool(pool, arrival, rng);
    child ??= newChild(
      `C${calibration.code}-${++childCount}`,
      rng,
      birthFor(arrival.day, arrival.age),
      seed,
      false,
    );
    const built = buildMeasure(
      { kind: arrival.kind, child, decisionDay: arrival.day, durationDays: arrival.durationDays },
      measures.length + 1,
      calibration.code,
      rng,
      options,
    );
    onDecember31 += built.onDecember31;
    measures.push(built.measure);
    ends.push(built.measure.endDay, child);
  }
  return { measures, onDecember31 };
}

function takeFromPool(
  pool: { child: SimChild; freeFrom: Day }[],
  arrival: Arrival,
  rng: Rng,
): SimChild | undefined {
  for (let attempt = 0; attempt < 6 && pool.length > 0; attempt++) {
    const i = rng.int(0, pool.length - 1);
    const entry = pool[i] as { child: SimChild; freeFrom: Day };
    const remove = (): void => {
      pool[i] = pool[pool.length - 1] as { child: SimChild; freeFrom: Day };
      pool.pop();
    };
    if (arrival.day - entry.freeFrom > 365) {
      remove();
      continue;
    }
    const age = (arrival.day - dayOf(entry.child.birthYear, entry.child.birthMonth, 1)) / DAYS_PER_YEAR;
    if (age >= arrival.kind.ageMin && age < arrival.kind.ageMax) {
      remove();
      return entry.child;
    }
  }
  return undefined;
}
