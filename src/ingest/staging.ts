/**
 * The staging tables of one file's ingestion, in a private DuckDB database: the typed records
 * (`records`) and the findings raised while typing values (`value_findings`). Rows go in
 * through DuckDB appenders, never row by row through SQL.
 */
import { DuckDBDateValue, type DuckDBAppender, type DuckDBConnection } from '@duckdb/node-api';
import { VARIABLE_COLUMNS, type TypedColumn } from '../dictionary/columns.js';
import { quoteIdent } from '../warehouse/sql-files.js';
import type { TypedRecord, ValueFinding } from '../values/types.js';

export const STAGING = Object.freeze({
  records: 'records',
  valueFindings: 'value_findings',
  profile: 'file_profile',
});

const DAY_MS = 86_400_000;

function columnDdl(c: TypedColumn): string {
  return `${quoteIdent(c.name)} ${c.type}`;
}

export async function createStagingTables(conn: DuckDBConnection): Promise<void> {
  const columns = ['record_no INTEGER', ...VARIABLE_COLUMNS.map(columnDdl)].join(',\n  ');
  await conn.run(`create or replace table ${quoteIdent(STAGING.records)} (\n  ${columns}\n)`);
  await conn.run(
    `create or replace table ${quoteIdent(STAGING.valueFindings)} (record_no INTEGER, rule VARCHAR, variable VARCHAR, value VARCHAR)`,
  );
}

type Append = (a: DuckDBAppender, text: string) => void;

const appendByType: Record<TypedColumn['type'], Append> = {
  VARCHAR: (a, t) => a.appendVarchar(t),
  SMALLINT: (a, t) => a.appendSmallInt(Number(t)),
  DATE: (a, t) => a.appendDate(new DuckDBDateValue(Date.parse(`${t}T00:00:00Z`) / DAY_MS)),
};

const appenders: readonly Append[] = VARIABLE_COLUMNS.map((c) => appendByType[c.type]);

/** Appends typed records and their value findings; rejected records only leave findings. */
export class StagingWriter {
  private constructor(
    private readonly records: DuckDBAppender,
    private readonly findings: DuckDBAppender,
  ) {}

  static async open(conn: DuckDBConnection): Promise<StagingWriter> {
    return new StagingWriter(
      await conn.createAppender(STAGING.records),
      await conn.createAppender(STAGING.valueFindings),
    );
  }

  addRecord(recordNo: number, typed: TypedRecord): void {
    for (const f of typed.findings) this.addFinding(recordNo, f);
    if (typed.rejected) return;
    const a = this.records;
    a.appendInteger(recordNo);
    const values = typed.values;
    for (let i = 0; i < appenders.length; i++) {
      const v = values[i];
      if (v === null || v === undefined) a.appendNull();
      else (appenders[i] as Append)(a, v);
    }
    a.endRow();
  }

  addFinding(recordNo: number | null, f: ValueFinding): void {
    const a = this.findings;
    if (recordNo === null) a.appendNull();
    else a.appendInteger(recordNo);
    a.appendVarchar(f.rule);
    if (f.variable === null) a.appendNull();
    else a.appendVarchar(f.variable);
    if (f.value === null) a.appendNull();
    else a.appendVarchar(f.value);
    a.endRow();
  }

  flush(): void {
    this.records.flushSync();
    this.findings.flushSync();
  }

  close(): void {
    this.records.closeSync();
    this.findings.closeSync();
  }
}
