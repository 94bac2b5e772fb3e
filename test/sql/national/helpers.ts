/** Inline fixtures for the national stage: a few receipts and event records, then the build. */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { query } from '../../../src/warehouse/duckdb.js';
import { createInputTables, insertRows, type InputRow } from '../../../src/national/input-tables.js';
import { buildNational } from '../../../src/national/index.js';
import { logger } from '../../../src/log.js';

/** A made-up definitive number (40 lowercase hex) for a small test number. */
export const num = (n: number): string => n.toString(16).padStart(40, '0');

export interface EventSpec {
  dep?: string;
  year: number;
  /** Small number of the child's NUMANONYM (see `num`). */
  child: number;
  /** Small number of the NUMANONYMANT; defaults to the child's own number. */
  previous?: number | null;
  typev: '1' | '2' | '3';
  decision?: '1' | '2' | null;
  nature?: string | null;
  datdecpe?: string | null;
  datdeb?: string | null;
  datfin?: string | null;
  motfinint?: string | null;
  typinterdom?: string | null;
  sexe?: string;
  anais?: number;
  mnais?: number;
  /** Any other column of base_annee_raw. */
  extra?: InputRow;
}

export class Fixture {
  private recordNo = new Map<string, number>();
  private receipts = new Set<string>();
  private constructor(
    private readonly instance: DuckDBInstance,
    readonly conn: DuckDBConnection,
  ) {}

  /** A fresh database (in memory, or the file `path`) with the empty input tables. */
  static async create(path = ':memory:'): Promise<Fixture> {
    const instance = await DuckDBInstance.create(path);
    const conn = await instance.connect();
    await createInputTables(conn);
    return new Fixture(instance, conn);
  }

  close(): void {
    this.conn.closeSync();
    this.instance.closeSync();
  }

  static fileId(dep: string, year: number): string {
    return `CD${dep}-${year}`;
  }

  /** Registers the active receipt of (dep, year) (also done implicitly by `event`). */
  async receipt(dep: string, year: number): Promise<void> {
    const id = Fixture.fileId(dep, year);
    if (this.receipts.has(id)) return;
    this.receipts.add(id);
    await insertRows(this.conn, 'receipts_active', [
      {
        file_id: id,
        departement: dep,
        annee: year,
        datexport: `${year + 1}-03-01`,
        received_at: `${year + 1}-03-02 10:00:00`,
      },
    ]);
  }

  async event(e: EventSpec): Promise<void> {
    const dep = e.dep ?? '59';
    await this.receipt(dep, e.year);
    const fileId = Fixture.fileId(dep, e.year);
    const recordNo = (this.recordNo.get(fileId) ?? 0) + 1;
    this.recordNo.set(fileId, recordNo);
    const decision = e.decision === undefined ? '2' : e.decision;
    const nature = e.nature === undefined ? '17' : e.nature;
    await insertRows(this.conn, 'base_annee_raw', [
      {
        file_id: fileId,
        departement: dep,
        annee: e.year,
        record_no: recordNo,
        numdep: dep,
        numanonym: num(e.child),
        numanonymant: e.previous === null ? null : num(e.previous ?? e.child),
        typev: e.typev,
        sexe: e.sexe ?? '1',
        anais: e.anais ?? 2010,
        mnais: e.mnais ?? 5,
        decision,
        natpdecadm: decision === '1' ? nature : null,
        natdecassed: decision === '2' ? nature : null,
        datdecpe: e.datdecpe ?? null,
        datdeb: e.datdeb ?? null,
        datfin: e.datfin ?? null,
        motfinint: e.motfinint ?? (e.typev === '3' ? '1' : null),
        typinterdom: e.typinterdom ?? null,
        ...e.extra,
      },
    ]);
  }

  async events(list: readonly EventSpec[]): Promise<void> {
    for (const e of list) await this.event(e);
  }

  async build(): Promise<Record<string, number>> {
    return buildNational(this.conn, logger(), { keepIntermediate: true });
  }

  rows<T = Record<string, unknown>>(sql: string): Promise<T[]> {
    return query<T>(this.conn, sql);
  }

  /** Stock cells of one département and year with at least one measure, as `category: n_measures/n_children`. */
  async stock(dep: string, year: number): Promise<Record<string, string>> {
    const rows = await query<{ drees_category: string; n_measures: number; n_children: number }>(
      this.conn,
      `select drees_category, n_measures, n_children from stock_31dec
       where departement = $dep and annee = $year and n_measures > 0 order by drees_category`,
      { dep, year },
    );
    return Object.fromEntries(rows.map((r) => [r.drees_category, `${r.n_measures}/${r.n_children}`]));
  }

  async findings(rule?: string): Promise<{ rule: string; file_id: string; record_no: number | null; value: string | null }[]> {
    return query(
      this.conn,
      `select rule, file_id, record_no, value from findings_longitudinal
       ${rule ? 'where rule = $rule' : ''} order by rule, file_id, record_no`,
      rule ? { rule } : undefined,
    );
  }
}
