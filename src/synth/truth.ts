/**
 * The ground truth: what the rules of domain §5–§7 give on the records that were sent, computed
 * here in plain TypeScript, independently of the pipeline's SQL. Input: the kept records (after the
 * newest version of each file replaced the older, without the rejected ones; duplicates may
 * remain, they collapse into the same period), with the child already identified by its serial.
 */
import { ALL_CATEGORIES, type Category } from './calibration.js';
import { birthday, computationDay, type Day, dec31, isoOf } from './dates.js';
import { type Block, blockOf, categoryOf, confiesRank, isMinorsOnly } from './kinds.js';

export interface TruthEvent {
  readonly departement: string;
  /** Year of the file holding the record. */
  readonly year: number;
  /** Synthetic serial of the child (never a transitional number). */
  readonly child: string;
  readonly sexe: string;
  readonly anais: number;
  readonly mnais: number;
  readonly typev: '1' | '2' | '3';
  readonly decision: '1' | '2';
  readonly nature: string | null;
  /** Dates as sent (`aaaa-mm-jj`, partial `aaaa-mm-99`, unknown `9999-99-99`). */
  readonly datdecpe: string | null;
  readonly datdeb: string | null;
  readonly datfin: string | null;
  readonly motfinint: string | null;
  readonly typinterdom: string | null;
}

export interface TruthMeasure {
  readonly measure: string;
  readonly child: string;
  readonly departement: string;
  readonly decision: string;
  readonly nature: string | null;
  readonly category: Category;
  readonly block: Block;
  readonly decisionDate: Day | null;
  readonly startDate: Day | null;
  readonly endDate: Day | null;
  /** null for a recorded end, else the reason of the imputed one. */
  readonly endImputed: 'age-18' | 'age-21' | null;
  readonly nPeriods: number;
  readonly isLeftCensored: boolean;
  /** Spans in force: [begin, end] (end null: open), one per period. */
  readonly spans: readonly (readonly [Day, Day | null])[];
}

export interface TruthStockRow {
  readonly departement: string;
  readonly annee: number;
  readonly category: Category;
  readonly nMeasures: number;
  readonly nChildren: number;
}

export interface TruthChild {
  readonly child: string;
  readonly sexe: string;
  readonly anais: number;
  readonly mnais: number;
  readonly firstDepartement: string;
  readonly departements: ReadonlySet<string>;
  readonly firstEventDate: Day;
}

export interface TruthInput {
  readonly events: readonly TruthEvent[];
  readonly firstYear: number;
  readonly lastYear: number;
  /** Years for which each département sent a Base Année (its stock cells exist up to the last one). */
  readonly sentYears: ReadonlyMap<string, ReadonlySet<number>>;
}

export interface Truth {
  readonly measures: TruthMeasure[];
  readonly stock: TruthStockRow[];
  readonly children: Map<string, TruthChild>;
}

interface Period {
  readonly child: string;
  readonly departement: string;
  readonly decision: '1' | '2';
  readonly nature: string | null;
  datdecpe: Day | null;
  datdeb: Day | null;
  datdebYear: number;
  typinterdom: string | null;
  typinterdomYear: number;
  renewal: boolean;
  opened: boolean;
  end: Day | null;
  endYear: number;
}

const chainKey = (e: {
  departement: string;
  child: string;
  decision: string;
  nature: string | null;
}): string => `${e.departement}|${e.child}|${e.decision}|${e.nature ?? ''}`;

const beginOf = (p: Period): Day | null =>
  p.datdecpe === null ? p.datdeb : p.datdeb === null ? p.datdecpe : Math.min(p.datdecpe, p.datdeb);

function newPeriod(e: TruthEvent, datdecpe: Day | null, datdeb: Day | null): Period {
  return {
    child: e.child,
    departement: e.departement,
    decision: e.decision,
    nature: e.nature,
    datdecpe,
    datdeb,
    datdebYear: datdeb === null ? -1 : e.year,
    typinterdom: null,
    typinterdomYear: -1,
    renewal: false,
    opened: false,
    end: null,
    endYear: -1,
  };
}

function noteTypinterdom(p: Period, e: TruthEvent): void {
  if (e.typinterdom !== null && e.typinterdom !== '9' && e.year >= p.typinterdomYear) {
    p.typinterdom = e.typinterdom;
    p.typinterdomYear = e.year;
  }
}

/** §6 periods: opening records first, then end records close them or stand alone. */
function buildPeriods(events: readonly TruthEvent[]): Period[] {
  const byKey = new Map<string, Period>();
  const ordered = [...events].sort((a, b) => a.year - b.year);
  for (const e of ordered) {
    if (e.typev === '3') continue;
    const datdecpe = computationDay(e.datdecpe);
    const datdeb = computationDay(e.datdeb);
    if (datdecpe === null && datdeb === null) continue;
    const key = `${chainKey(e)}|${datdecpe !== null ? `c${datdecpe}` : `b${datdeb}`}`;
    let p = byKey.get(key);
    if (!p) {
      p = newPeriod(e, datdecpe, datdeb);
      byKey.set(key, p);
    }
    p.opened = true;
    if (e.typev === '2') p.renewal = true;
    if (datdeb !== null && e.year >= p.datdebYear) {
      p.datdeb = datdeb;
      p.datdebYear = e.year;
    }
    noteTypinterdom(p, e);
  }
  for (const e of ordered) {
    if (e.typev !== '3') continue;
    const datdecpe = computationDay(e.datdecpe);
    const datdeb = computationDay(e.datdeb);
    const datfin = computationDay(e.datfin);
    let p: Period | undefined;
    if (datdecpe !== null) p = byKey.get(`${chainKey(e)}|c${datdecpe}`);
    else if (datdeb !== null) {
      p = [...byKey.values()].find((q) => chainKey(q) === chainKey(e) && q.datdeb === datdeb);
    }
    if (!p) {
      // no opening received: the period is built from the end record alone
      p = newPeriod(e, datdecpe, datdeb);
      byKey.set(`${chainKey(e)}|${datdecpe !== null ? `c${datdecpe}` : `b${datdeb}`}|end`, p);
    }
    if (e.year >= p.endYear) {
      p.end = datfin;
      p.endYear = e.year;
    }
    noteTypinterdom(p, e);
  }
  return [...byKey.values()];
}

/** §6 measures: chains of periods of one (département, child, DECISION, nature). */
function buildMeasures(periods: Period[], birthOf: (child: string) => [number, number]): TruthMeasure[] {
  const chains = new Map<string, Period[]>();
  for (const p of periods) {
    const k = chainKey(p);
    const list = chains.get(k);
    if (list) list.push(p);
    else chains.set(k, [p]);
  }
  const out: TruthMeasure[] = [];
  const keys = [...chains.keys()].sort();
  for (const k of keys) {
    const list = (chains.get(k) as Period[]).sort(
      (a, b) => (beginOf(a) ?? 0) - (beginOf(b) ?? 0) || (a.datdecpe ?? 0) - (b.datdecpe ?? 0),
    );
    let current: Period[] = [];
    const flush = (): void => {
      if (current.length > 0) out.push(toMeasure(current, birthOf));
      current = [];
    };
    for (const p of list) {
      const prev = current[current.length - 1];
      const begin = beginOf(p) as Day;
      const continues = prev !== undefined && (p.renewal || prev.end === null || begin <= prev.end + 1);
      if (!continues) flush();
      current.push(p);
    }
    flush();
  }
  return out;
}

function toMeasure(periods: Period[], birthOf: (child: string) => [number, number]): TruthMeasure {
  const first = periods[0] as Period;
  const last = periods[periods.length - 1] as Period;
  const [anais, mnais] = birthOf(first.child);
  let endDate = last.end;
  let endImputed: TruthMeasure['endImputed'] = null;
  if (endDate === null) {
    const minorsOnly = first.nature !== null && isMinorsOnly(first.decision, first.nature);
    endDate = birthday(anais, mnais, minorsOnly ? 18 : 21);
    endImputed = minorsOnly ? 'age-18' : 'age-21';
  }
  const spans: [Day, Day | null][] = periods.map((p, i) => {
    const next = periods[i + 1];
    const end = p.end ?? (next ? (beginOf(next) as Day) : endDate);
    return [beginOf(p) as Day, end];
  });
  let typinterdom: string | null = null;
  for (const p of periods) if (p.typinterdom !== null) typinterdom = p.typinterdom;
  const category = categoryOf(first.decision, first.nature, typinterdom);
  return {
    measure: '',
    child: first.child,
    departement: first.departement,
    decision: first.decision,
    nature: first.nature,
    category,
    block: blockOf(category),
    decisionDate: first.datdecpe ?? first.datdeb,
    startDate: first.datdeb,
    endDate,
    endImputed,
    nPeriods: periods.length,
    // its beginning was not seen: a renewal first, or an end alone with no date of beginning (§6)
    isLeftCensored: first.renewal || (!first.opened && first.datdecpe === null && first.datdeb === null),
    spans,
  };
}

function inForce(m: TruthMeasure, day: Day): boolean {
  return m.spans.some(([begin, end]) => begin <= day && (end === null || end >= day));
}

/** §7: the stock of 31 December of each year of each département's cells. */
function buildStock(
  input: TruthInput,
  measures: readonly TruthMeasure[],
  birthOf: (child: string) => [number, number],
): TruthStockRow[] {
  const rows: TruthStockRow[] = [];
  const byDep = new Map<string, TruthMeasure[]>();
  for (const m of measures) {
    const list = byDep.get(m.departement);
    if (list) list.push(m);
    else byDep.set(m.departement, [m]);
  }
  for (const [dep, sent] of [...input.sentYears.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const lastSent = Math.max(...sent);
    const list = byDep.get(dep) ?? [];
    for (let year = input.firstYear; year <= Math.min(input.lastYear, lastSent); year++) {
      const day = dec31(year);
      const counted = new Map<Category, { n: number; children: Set<string> }>(
        ALL_CATEGORIES.map((c) => [c, { n: 0, children: new Set<string>() }]),
      );
      const confies = new Map<string, Category>();
      for (const m of list) {
        const [anais, mnais] = birthOf(m.child);
        if (day >= birthday(anais, mnais, 21) || !inForce(m, day)) continue;
        const rank = confiesRank(m.category);
        if (rank !== null) {
          const best = confies.get(m.child);
          if (best === undefined || rank < (confiesRank(best) as number)) confies.set(m.child, m.category);
          continue;
        }
        const cell = counted.get(m.category) as { n: number; children: Set<string> };
        cell.n++;
        cell.children.add(m.child);
      }
      for (const [child, category] of confies) {
        const cell = counted.get(category) as { n: number; children: Set<string> };
        cell.n++;
        cell.children.add(child);
      }
      for (const c of ALL_CATEGORIES) {
        const cell = counted.get(c) as { n: number; children: Set<string> };
        rows.push({
          departement: dep,
          annee: year,
          category: c,
          nMeasures: cell.n,
          nChildren: cell.children.size,
        });
      }
    }
  }
  return rows;
}

interface ChildAccumulator {
  child: string;
  sexe: string;
  anais: number;
  mnais: number;
  firstDepartement: string;
  departements: Set<string>;
  firstEventDate: Day;
}

function buildChildren(events: readonly TruthEvent[]): Map<string, TruthChild> {
  const children = new Map<string, ChildAccumulator>();
  const ordered = [...events].sort((a, b) => a.year - b.year);
  for (const e of ordered) {
    let first: Day | null = null;
    for (const text of [e.datdecpe, e.datdeb, e.datfin]) {
      const d = computationDay(text);
      if (d !== null && (first === null || d < first)) first = d;
    }
    if (first === null) continue;
    const c = children.get(e.child);
    if (!c) {
      children.set(e.child, {
        child: e.child,
        sexe: e.sexe,
        anais: e.anais,
        mnais: e.mnais,
        firstDepartement: e.departement,
        departements: new Set([e.departement]),
        firstEventDate: first,
      });
      continue;
    }
    // attributes as last reported; the first event is the earliest date (ties: smallest code)
    c.departements.add(e.departement);
    c.sexe = e.sexe;
    c.anais = e.anais;
    c.mnais = e.mnais;
    if (first < c.firstEventDate || (first === c.firstEventDate && e.departement < c.firstDepartement)) {
      c.firstEventDate = first;
      c.firstDepartement = e.departement;
    }
  }
  return children;
}

/** Domain §5–§7 on the kept records: children, measures (with a serial per département), stock. */
export function truthFromEmittedEvents(input: TruthInput): Truth {
  const children = buildChildren(input.events);
  const birthOf = (child: string): [number, number] => {
    const c = children.get(child);
    return c ? [c.anais, c.mnais] : [9999, 7];
  };
  const measures = buildMeasures(buildPeriods(input.events), birthOf);
  const serials = new Map<string, number>();
  const named = measures.map((m) => {
    const n = (serials.get(m.departement) ?? 0) + 1;
    serials.set(m.departement, n);
    return { ...m, measure: `${m.departement}-${n}` };
  });
  return { measures: named, stock: buildStock(input, named, birthOf), children };
}

export const dayText = (d: Day | null): string => (d === null ? '' : isoOf(d));
