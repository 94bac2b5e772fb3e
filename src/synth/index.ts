/**
 * `runSynth`: synthetic national data with ground truth. Département by département: simulate
 * the measures, emit their events into the yearly files with the chosen defects, stream the
 * files to disk, and compute the truth from the records as sent.
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { OlinpeError } from '../errors.js';
import { type DepartementCalibration, departements } from './calibration.js';
import { dec31, jan1 } from './dates.js';
import {
  DEFECTS,
  type DefectName,
  drawIndices,
  DEFECT_RATES,
  injectDdmmyyyy,
  injectInvalidCodes,
  injectInvalidNumbers,
  insertDuplicates,
  markEndsNotSent,
  markPartialStarts,
} from './defects.js';
import { eventsOfMeasure, numbersOf } from './events.js';
import type { EmittedEvent, SimMeasure } from './model.js';
import { planMovers } from './movers.js';
import { rngFor, type Rng } from './prng.js';
import { recordValues } from './record.js';
import { DEFAULT_STYLE, type FileStyle, writeYearFile } from './serialize.js';
import { simulateDepartement, type SimulationWindow } from './simulate.js';
import { dayText, type TruthChild, type TruthEvent, truthFromEmittedEvents } from './truth.js';

export { truthFromEmittedEvents } from './truth.js';
export type { TruthEvent, TruthMeasure, TruthStockRow, TruthChild, Truth } from './truth.js';
export { DEFECTS, type DefectName } from './defects.js';
export { departements } from './calibration.js';

export type SynthFormatOption = 'xml' | 'csv' | 'mixed';

export interface SynthOptions {
  readonly out: string;
  /** Département codes (default: all known). */
  readonly departements?: readonly string[];
  readonly firstYear?: number;
  readonly lastYear?: number;
  readonly seed?: number;
  readonly scale?: number;
  readonly format?: SynthFormatOption;
  readonly truth?: string | null;
  /** Enabled defects (default: all). */
  readonly defects?: readonly DefectName[];
}

export interface SynthFile {
  readonly file: string;
  readonly departement: string;
  readonly annee: number;
  readonly format: 'xml' | 'csv';
  readonly encoding: string;
  readonly nRecords: number;
  /** A later version of the same (département, year) replaces it. */
  readonly superseded: boolean;
}

export interface SynthSummary {
  readonly out: string;
  readonly truth: string | null;
  readonly seed: number;
  readonly scale: number;
  readonly format: SynthFormatOption;
  readonly departements: readonly string[];
  readonly firstYear: number;
  readonly lastYear: number;
  readonly nFiles: number;
  readonly nRecords: number;
  readonly nSimulatedMeasures: number;
  /** Defects injected, by name (0 for a disabled one). */
  readonly defects: Readonly<Record<DefectName, number>>;
  /** Situations the simulation produces by itself. */
  readonly natural: { readonly openAtLastYear: number; readonly beganBeforeFirstYear: number };
  readonly truthCounts: {
    readonly measures: number;
    readonly children: number;
    readonly stockRows: number;
  } | null;
  readonly files: readonly SynthFile[];
}

const MIXED_STYLES: readonly (readonly [FileStyle, number])[] = [
  [{ format: 'xml', encoding: 'utf-8', delimiter: ';', lineEnd: '\r\n' }, 30],
  [{ format: 'xml', encoding: 'iso-8859-1', delimiter: ';', lineEnd: '\n' }, 10],
  [{ format: 'csv', encoding: 'utf-8', delimiter: ';', lineEnd: '\r\n' }, 20],
  [{ format: 'csv', encoding: 'utf-8-bom', delimiter: ';', lineEnd: '\r\n' }, 10],
  [{ format: 'csv', encoding: 'windows-1252', delimiter: ';', lineEnd: '\r\n' }, 15],
  [{ format: 'csv', encoding: 'utf-8', delimiter: ',', lineEnd: '\n' }, 8],
  [{ format: 'csv', encoding: 'utf-8', delimiter: '\t', lineEnd: '\n' }, 7],
];

function usage(message: string): OlinpeError {
  return new OlinpeError('USAGE', message);
}

function selectDepartements(codes: readonly string[] | undefined): DepartementCalibration[] {
  const all = departements();
  if (!codes || codes.length === 0) return [...all];
  const selected = codes.map((c) => {
    const code = /^\d$/.test(c) ? `0${c}` : c.toUpperCase();
    const found = all.find((d) => d.code === code);
    if (!found) throw usage(`département inconnu : ${c}`);
    return found;
  });
  return [...new Set(selected)];
}

class CsvSink {
  private readonly stream: WriteStream;
  constructor(path: string, header: readonly string[]) {
    this.stream = createWriteStream(path);
    this.stream.write(`${header.join(',')}\n`);
  }
  async rows(rows: readonly (readonly (string | number | boolean)[])[]): Promise<void> {
    let chunk = '';
    for (const r of rows) chunk += `${r.join(',')}\n`;
    if (!this.stream.write(chunk))
      await new Promise<void>((resolve) => this.stream.once('drain', () => resolve()));
  }
  close(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.stream.once('error', reject);
      this.stream.end(resolve);
    });
  }
}

interface TruthSinks {
  measures: CsvSink;
  children: CsvSink;
  stock: CsvSink;
  defects: CsvSink;
  files: CsvSink;
}

function openTruth(dir: string): TruthSinks {
  return {
    measures: new CsvSink(join(dir, 'measures.csv'), [
      'measure',
      'child',
      'departement',
      'decision',
      'nature',
      'drees_category',
      'block',
      'decision_date',
      'start_date',
      'end_date',
      'end_imputed',
      'n_periods',
      'is_left_censored',
    ]),
    children: new CsvSink(join(dir, 'children.csv'), [
      'child',
      'sexe',
      'anais',
      'mnais',
      'first_departement',
      'n_departements',
      'first_event_date',
    ]),
    stock: new CsvSink(join(dir, 'stock_31dec.csv'), [
      'departement',
      'annee',
      'drees_category',
      'n_measures',
      'n_children',
    ]),
    defects: new CsvSink(join(dir, 'defects.csv'), ['defect', 'departement', 'count']),
    files: new CsvSink(join(dir, 'files.csv'), [
      'file',
      'departement',
      'annee',
      'format',
      'encoding',
      'n_records',
      'superseded',
    ]),
  };
}

function childRow(c: TruthChild): (string | number)[] {
  return [
    c.child,
    c.sexe,
    c.anais,
    String(c.mnais).padStart(2, '0'),
    c.firstDepartement,
    c.departements.size,
    dayText(c.firstEventDate),
  ];
}

function toTruthEvent(r: EmittedEvent): TruthEvent {
  const m = r.measure;
  return {
    departement: r.departement,
    year: r.year,
    child: r.child.serial,
    sexe: r.child.sexe,
    anais: r.child.birthYear,
    mnais: r.child.birthMonth,
    typev: r.typev,
    decision: m.kind.decision,
    nature: m.kind.nature,
    datdecpe: r.datdecpe,
    datdeb: r.datdeb,
    datfin: r.datfin,
    motfinint: r.typev === '3' ? m.motfinint : null,
    typinterdom: m.typinterdom,
  };
}

function datexport(year: number, rng: Rng, month: number): string {
  return `${year + 1}-${String(month).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`;
}

interface DepartementResult {
  readonly files: SynthFile[];
  readonly nRecords: number;
  readonly defects: Partial<Record<DefectName, number>>;
  readonly openAtLastYear: number;
  readonly beganBeforeFirstYear: number;
  readonly keptEvents: TruthEvent[];
  readonly sentYears: Set<number>;
}

async function emitDepartement(
  calibration: DepartementCalibration,
  measures: SimMeasure[],
  window: SimulationWindow,
  options: Required<Pick<SynthOptions, 'seed' | 'format' | 'out'>> & {
    enabled: ReadonlySet<DefectName>;
    /** So that a small sample shows every enabled defect: this département always gets it. */
    witnessOf: { missingYear: boolean; resent: boolean };
  },
): Promise<DepartementResult> {
  const dep = calibration.code;
  const rng = rngFor(options.seed, 'emit', dep);
  const on = (d: DefectName): boolean => options.enabled.has(d);
  const defects: Partial<Record<DefectName, number>> = {};
  const first = jan1(window.firstYear);
  const last = dec31(window.lastYear);
  if (on('end-not-sent'))
    defects['end-not-sent'] = markEndsNotSent(measures, (m) => m.endDay >= first && m.endDay <= last, rng);
  if (on('partial-date'))
    defects['partial-date'] = markPartialStarts(
      measures,
      (m) => m.startDay >= first && m.startDay <= last,
      rng,
    );

  const years: number[] = [];
  for (let y = window.firstYear; y <= window.lastYear; y++) years.push(y);
  const byYear = new Map<number, EmittedEvent[]>(years.map((y) => [y, []]));
  for (const m of measures) for (const e of eventsOfMeasure(m, window)) byYear.get(e.year)?.push(e);

  let missingYear: number | null = null;
  if (
    on('missing-year') &&
    years.length >= 3 &&
    (rng.chance(DEFECT_RATES['missing-year']) || options.witnessOf.missingYear)
  ) {
    missingYear = years[rng.int(1, years.length - 2)] as number;
    byYear.delete(missingYear);
    defects['missing-year'] = 1;
  }
  const sentYears = new Set(byYear.keys());

  if (on('changed-number')) {
    const yearsOf = new Map<SimMeasure['child'], Set<number>>();
    for (const [y, list] of byYear)
      for (const e of list)
        if (!e.child.isMover) (yearsOf.get(e.child) ?? yearsOf.set(e.child, new Set()).get(e.child))?.add(y);
    const candidates = [...yearsOf.entries()].filter(([, ys]) => ys.size >= 2);
    const picked = drawIndices(candidates.length, DEFECT_RATES['changed-number'], rng);
    for (const i of picked) {
      const [child, ys] = candidates[i] as [SimMeasure['child'], Set<number>];
      const later = [...ys].sort((a, b) => a - b).slice(1);
      child.numberChange = {
        year: rng.pick(later),
        newNumber: rngFor(options.seed, 'renumber', child.serial).hex40(),
      };
    }
    defects['changed-number'] = picked.length;
  }

  // records of each file, ordered as an extraction by case file would be
  const fileRecords = new Map<number, EmittedEvent[]>();
  let serial = 0;
  for (const [y, list] of byYear) {
    list.sort(
      (a, b) =>
        (a.child.serial < b.child.serial ? -1 : a.child.serial > b.child.serial ? 1 : 0) ||
        a.measure.decisionDay - b.measure.decisionDay ||
        a.refDay - b.refDay ||
        a.typev.localeCompare(b.typev),
    );
    for (const e of list) e.serial = ++serial;
    fileRecords.set(y, list);
  }
  const all = (): EmittedEvent[] => [...fileRecords.values()].flat();
  if (on('invalid-number')) defects['invalid-number'] = injectInvalidNumbers(all(), rng);
  if (on('invalid-code')) defects['invalid-code'] = injectInvalidCodes(all(), rng);
  if (on('ddmmyyyy-date')) defects['ddmmyyyy-date'] = injectDdmmyyyy(all(), rng);
  for (const kind of ['exact-duplicate', 'administrative-duplicate', 'judicial-duplicate'] as const) {
    if (!on(kind)) continue;
    let n = 0;
    for (const [y, list] of fileRecords) {
      const withCopies = insertDuplicates(list, kind, rngFor(options.seed, kind, dep, String(y)));
      n += withCopies.length - list.length;
      fileRecords.set(y, withCopies);
    }
    defects[kind] = n;
  }
  const valuesOf = (list: readonly EmittedEvent[]): Iterable<(string | null)[]> =>
    (function* () {
      for (const e of list)
        yield recordValues(e, numbersOf(e, e.child.numberChange?.year ?? null), options.seed);
    })();

  let resentYear: number | null = null;
  const nonEmptyYears = [...fileRecords.entries()].filter(([, list]) => list.length > 0).map(([y]) => y);
  if (
    on('resent-file') &&
    nonEmptyYears.length > 0 &&
    (rng.chance(DEFECT_RATES['resent-file']) || options.witnessOf.resent)
  ) {
    resentYear = rng.pick(nonEmptyYears);
    defects['resent-file'] = 1;
  }

  const depStyle = rng.weighted(MIXED_STYLES);
  const files: SynthFile[] = [];
  let nRecords = 0;
  for (const [y, list] of [...fileRecords.entries()].sort((a, b) => a[0] - b[0])) {
    if (list.length === 0) {
      // nothing happened that year (a tiny sample): no file, as a département would send none
      sentYears.delete(y);
      continue;
    }
    const style =
      options.format === 'mixed'
        ? rng.chance(0.8)
          ? depStyle
          : rng.weighted(MIXED_STYLES)
        : DEFAULT_STYLE[options.format];
    const ext = style.format;
    const base = `CD${dep}_Olinpe_${y}`;
    const exportDate = datexport(y, rng, rng.int(2, 4));
    if (y === resentYear) {
      // the first sending lacked some records; the corrected file comes months later
      const dropped = new Set(drawIndices(list.length, 0.05, rng));
      const v1 = list.filter((_, i) => !dropped.has(i));
      const n1 = await writeYearFile(join(options.out, `${base}.${ext}`), style, exportDate, valuesOf(v1));
      files.push({
        file: `${base}.${ext}`,
        departement: dep,
        annee: y,
        format: ext,
        encoding: style.encoding,
        nRecords: n1,
        superseded: true,
      });
      nRecords += n1;
      const n2 = await writeYearFile(
        join(options.out, `${base}_v2.${ext}`),
        style,
        datexport(y, rng, 10),
        valuesOf(list),
      );
      files.push({
        file: `${base}_v2.${ext}`,
        departement: dep,
        annee: y,
        format: ext,
        encoding: style.encoding,
        nRecords: n2,
        superseded: false,
      });
      nRecords += n2;
      continue;
    }
    const n = await writeYearFile(join(options.out, `${base}.${ext}`), style, exportDate, valuesOf(list));
    files.push({
      file: `${base}.${ext}`,
      departement: dep,
      annee: y,
      format: ext,
      encoding: style.encoding,
      nRecords: n,
      superseded: false,
    });
    nRecords += n;
  }

  const keptEvents = all()
    .filter((e) => e.invalidNumber === null)
    .map(toTruthEvent);
  return {
    files,
    nRecords,
    defects,
    openAtLastYear: measures.filter((m) => m.decisionDay <= last && m.endDay > last).length,
    beganBeforeFirstYear: measures.filter((m) => m.decisionDay < first && m.endDay >= first).length,
    keptEvents,
    sentYears,
  };
}

export async function runSynth(options: SynthOptions): Promise<SynthSummary> {
  const seed = options.seed ?? 1;
  const scale = options.scale ?? 1;
  const format = options.format ?? 'xml';
  const firstYear = options.firstYear ?? 2016;
  const lastYear = options.lastYear ?? 2024;
  if (!(scale > 0)) throw usage('--scale doit être un nombre positif');
  if (!Number.isInteger(seed)) throw usage('--seed doit être un entier');
  if (!(firstYear <= lastYear) || firstYear < 2000 || lastYear > 2100) throw usage('--years invalide');
  if (!['xml', 'csv', 'mixed'].includes(format)) throw usage(`--format inconnu : ${format}`);
  const enabled = new Set<DefectName>(options.defects ?? DEFECTS);
  const selected = selectDepartements(options.departements);
  const window: SimulationWindow = { firstYear, lastYear };
  const missingWitness = (selected[1] ?? selected[0])?.code;
  const resentWitness = selected[0]?.code;
  await mkdir(options.out, { recursive: true });
  const truthDir = options.truth ?? null;
  let sinks: TruthSinks | null = null;
  if (truthDir !== null) {
    await mkdir(truthDir, { recursive: true });
    sinks = openTruth(truthDir);
  }
  const measureOptions = { december31: enabled.has('december-31') ? DEFECT_RATES['december-31'] : 0 };
  const movers = enabled.has('mover')
    ? planMovers(selected, window, scale, seed, measureOptions)
    : { byDepartement: new Map<string, SimMeasure[]>(), nMovers: 0, onDecember31: 0 };

  const totals = Object.fromEntries(DEFECTS.map((d) => [d, 0])) as Record<DefectName, number>;
  totals.mover = movers.nMovers;
  totals['december-31'] = movers.onDecember31;
  const files: SynthFile[] = [];
  const moverChildren = new Map<string, TruthChild>();
  let nRecords = 0;
  let nSimulated = 0;
  let openAtLastYear = 0;
  let beganBeforeFirstYear = 0;
  let truthCounts = { measures: 0, children: 0, stockRows: 0 };

  for (const calibration of selected) {
    // the simulated measures live only while the files are written, not during the truth
    const produce = async (): Promise<DepartementResult> => {
      const sim = simulateDepartement(calibration, window, scale, seed, measureOptions);
      totals['december-31'] += sim.onDecember31;
      nSimulated += sim.measures.length;
      const firstDay = jan1(firstYear);
      const measures = [
        ...sim.measures.filter((m) => m.endDay >= firstDay),
        ...(movers.byDepartement.get(calibration.code) ?? []),
      ];
      movers.byDepartement.delete(calibration.code);
      return emitDepartement(calibration, measures, window, {
        seed,
        format,
        out: options.out,
        enabled,
        witnessOf: {
          missingYear: calibration.code === missingWitness,
          resent: calibration.code === resentWitness,
        },
      });
    };
    const result = await produce();
    for (const [d, n] of Object.entries(result.defects)) totals[d as DefectName] += n;
    files.push(...result.files);
    nRecords += result.nRecords;
    openAtLastYear += result.openAtLastYear;
    beganBeforeFirstYear += result.beganBeforeFirstYear;
    if (sinks) {
      const truth = truthFromEmittedEvents({
        events: result.keptEvents,
        firstYear,
        lastYear,
        sentYears: new Map([[calibration.code, result.sentYears]]),
      });
      await sinks.measures.rows(
        truth.measures.map((m) => [
          m.measure,
          m.child,
          m.departement,
          m.decision,
          m.nature ?? '',
          m.category,
          m.block,
          dayText(m.decisionDate),
          dayText(m.startDate),
          dayText(m.endDate),
          m.endImputed ?? '',
          m.nPeriods,
          m.isLeftCensored,
        ]),
      );
      await sinks.stock.rows(
        truth.stock.map((s) => [s.departement, s.annee, s.category, s.nMeasures, s.nChildren]),
      );
      const local: (string | number)[][] = [];
      for (const c of truth.children.values()) {
        if (!c.child.startsWith('M-')) {
          local.push(childRow(c));
          continue;
        }
        const known = moverChildren.get(c.child);
        if (!known) moverChildren.set(c.child, c);
        else {
          const earlier =
            c.firstEventDate < known.firstEventDate ||
            (c.firstEventDate === known.firstEventDate && c.firstDepartement < known.firstDepartement);
          moverChildren.set(c.child, {
            ...known,
            departements: new Set([...known.departements, ...c.departements]),
            firstDepartement: earlier ? c.firstDepartement : known.firstDepartement,
            firstEventDate: earlier ? c.firstEventDate : known.firstEventDate,
          });
        }
      }
      await sinks.children.rows(local);
      await sinks.defects.rows(Object.entries(result.defects).map(([d, n]) => [d, calibration.code, n]));
      truthCounts = {
        measures: truthCounts.measures + truth.measures.length,
        children: truthCounts.children + local.length,
        stockRows: truthCounts.stockRows + truth.stock.length,
      };
    }
  }
  if (sinks) {
    await sinks.children.rows([...moverChildren.values()].map(childRow));
    truthCounts = { ...truthCounts, children: truthCounts.children + moverChildren.size };
    await sinks.files.rows(
      files.map((f) => [f.file, f.departement, f.annee, f.format, f.encoding, f.nRecords, f.superseded]),
    );
    await Promise.all(Object.values(sinks).map((s: CsvSink) => s.close()));
  }
  return {
    out: options.out,
    truth: truthDir,
    seed,
    scale,
    format,
    departements: selected.map((d) => d.code),
    firstYear,
    lastYear,
    nFiles: files.length,
    nRecords,
    nSimulatedMeasures: nSimulated,
    defects: totals,
    natural: { openAtLastYear, beganBeforeFirstYear },
    truthCounts: sinks ? truthCounts : null,
    files,
  };
}
