/**
 * Emission of a measure's events into the yearly files (domain §1): a decision or start in year N
 * goes to file N (decided in N and started in N+1: TYPEV=1 in both files, the second with DATDEB),
 * a renewal to the file of its decision, an end to the file of DATFIN, repeating the decision
 * variables of the period it closes.
 */
import { type Day, isoOf, yearOf } from './dates.js';
import type { EmittedEvent, SimMeasure } from './model.js';
import type { SimulationWindow } from './simulate.js';

/** `aaaa-mm-99`: the day left unknown. */
export function partialIso(day: Day): string {
  return `${isoOf(day).slice(0, 8)}99`;
}

const UNKNOWN_DATE = '9999-99-99';

function event(
  measure: SimMeasure,
  year: number,
  typev: '1' | '2' | '3',
  period: number,
  datdecpe: Day,
  datdeb: string,
  datfin: string | null,
): EmittedEvent {
  return {
    departement: measure.departement,
    year,
    measure,
    child: measure.child,
    typev,
    period,
    datdecpe: isoOf(datdecpe),
    datdeb,
    datfin,
    refDay: datdecpe,
    invalidNumber: null,
    ddmmyyyy: false,
    invalidCode: null,
    otherInterant: false,
    serial: 0,
  };
}

/** Every record the measure yields in the files of the window, in chronological order. */
export function eventsOfMeasure(measure: SimMeasure, window: SimulationWindow): EmittedEvent[] {
  const out: EmittedEvent[] = [];
  const inWindow = (y: number): boolean => y >= window.firstYear && y <= window.lastYear;
  const startText = (day: Day, period: number): string =>
    period === 0 && measure.partialStart ? partialIso(day) : isoOf(day);
  const periods: { decision: Day; start: Day }[] = [
    { decision: measure.decisionDay, start: measure.startDay },
    ...measure.renewals.map((d) => ({ decision: d, start: d })),
  ];
  periods.forEach((p, i) => {
    const typev = i === 0 ? '1' : '2';
    const yd = yearOf(p.decision);
    const ys = yearOf(p.start);
    if (ys === yd) {
      if (inWindow(yd)) out.push(event(measure, yd, typev, i, p.decision, startText(p.start, i), null));
      return;
    }
    // decided in one year, started in a later one: sent twice, the first time not yet started
    if (inWindow(yd)) out.push(event(measure, yd, typev, i, p.decision, UNKNOWN_DATE, null));
    if (inWindow(ys)) out.push(event(measure, ys, typev, i, p.decision, startText(p.start, i), null));
  });
  const last = periods.length - 1;
  const lastPeriod = periods[last] as { decision: Day; start: Day };
  const ye = yearOf(measure.endDay);
  if (!measure.endNotSent && inWindow(ye)) {
    out.push(
      event(
        measure,
        ye,
        '3',
        last,
        lastPeriod.decision,
        startText(lastPeriod.start, last),
        isoOf(measure.endDay),
      ),
    );
  }
  return out;
}

/** The transitional numbers a record carries (NUMANONYM, NUMANONYMANT), per the guide §6.1. */
export function numbersOf(ev: EmittedEvent, firstYearUnderNewNumber: number | null): [string, string] {
  const change = ev.child.numberChange;
  if (change === null || ev.year < change.year) return [ev.child.number, ev.child.number];
  const anterior = ev.year === firstYearUnderNewNumber ? ev.child.number : change.newNumber;
  return [change.newNumber, anterior];
}
