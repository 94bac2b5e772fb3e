/**
 * Arrow IPC files (Feather v2) of the small tables, written with apache-arrow for tools that
 * prefer Arrow to Parquet. Types follow the DuckDB columns; anything unusual is written as text.
 */
import { writeFileSync } from 'node:fs';
import type { DuckDBConnection } from '@duckdb/node-api';
import {
  Bool,
  DateDay,
  Float64,
  Int16,
  Int32,
  Int64,
  Table,
  TimestampMicrosecond,
  Utf8,
  makeData,
  makeVector,
  tableToIPC,
  vectorFromArray,
  type DataType,
  type Vector,
} from 'apache-arrow';
import { quoteIdent } from '../warehouse/sql-files.js';
import { exportExpression, type SourceColumn } from './columns.js';
import { sortOrder, type ExportTable } from './tables.js';

type Kind = 'utf8' | 'bool' | 'int16' | 'int32' | 'int64' | 'float64' | 'date' | 'timestamp';

function kindOf(type: string): Kind {
  if (type === 'BOOLEAN') return 'bool';
  if (type === 'SMALLINT' || type === 'TINYINT' || type === 'UTINYINT') return 'int16';
  if (type === 'INTEGER' || type === 'USMALLINT') return 'int32';
  if (type === 'BIGINT' || type === 'UINTEGER') return 'int64';
  if (type === 'DOUBLE' || type === 'FLOAT' || type.startsWith('DECIMAL') || type === 'HUGEINT')
    return 'float64';
  if (type === 'DATE') return 'date';
  if (type === 'TIMESTAMP') return 'timestamp';
  return 'utf8';
}

/** The select expression that hands each kind to JavaScript in the form its Arrow vector needs. */
function selectFor(kind: Kind, expr: string): string {
  switch (kind) {
    case 'date':
      return `cast(${expr} - date '1970-01-01' as integer)`;
    case 'timestamp':
      return `epoch_us(${expr})`;
    case 'int16':
      return `cast(${expr} as smallint)`;
    case 'int32':
      return `cast(${expr} as integer)`;
    case 'int64':
      return `cast(${expr} as bigint)`;
    case 'float64':
      return `cast(${expr} as double)`;
    case 'bool':
      return expr;
    default:
      return `cast(${expr} as varchar)`;
  }
}

function validity(values: readonly unknown[]): { bitmap: Uint8Array; nulls: number } {
  const bitmap = new Uint8Array(Math.ceil(values.length / 8));
  let nulls = 0;
  values.forEach((v, i) => {
    if (v === null || v === undefined) nulls += 1;
    else bitmap[i >> 3]! |= 1 << (i & 7);
  });
  return { bitmap, nulls };
}

function fixedWidth<T extends DataType>(
  type: T,
  data: Int32Array | BigInt64Array,
  values: readonly unknown[],
): Vector<T> {
  const { bitmap, nulls } = validity(values);
  return makeVector(
    makeData({ type, length: values.length, nullCount: nulls, nullBitmap: bitmap, data } as never),
  ) as Vector<T>;
}

function vectorOf(kind: Kind, values: readonly unknown[]): Vector {
  switch (kind) {
    case 'utf8':
      return vectorFromArray(values as (string | null)[], new Utf8());
    case 'bool':
      return vectorFromArray(values as (boolean | null)[], new Bool());
    case 'int16':
      return vectorFromArray(values as (number | null)[], new Int16());
    case 'int32':
      return vectorFromArray(values as (number | null)[], new Int32());
    case 'float64':
      return vectorFromArray(values as (number | null)[], new Float64());
    case 'int64':
      return fixedWidth(
        new Int64(),
        BigInt64Array.from(values, (v) => (typeof v === 'bigint' ? v : 0n)),
        values,
      );
    case 'timestamp':
      return fixedWidth(
        new TimestampMicrosecond(),
        BigInt64Array.from(values, (v) => (typeof v === 'bigint' ? v : 0n)),
        values,
      );
    case 'date':
      return fixedWidth(
        new DateDay(),
        Int32Array.from(values, (v) => (typeof v === 'number' ? v : 0)),
        values,
      );
  }
}

export async function writeArrowTable(
  conn: DuckDBConnection,
  spec: ExportTable,
  source: string,
  columns: readonly SourceColumn[],
  path: string,
): Promise<void> {
  const names = columns.map((c) => c.name);
  const kinds = columns.map((c) => kindOf(c.type));
  const order = sortOrder(spec, names, true);
  const reader = await conn.runAndReadAll(
    `select ${columns.map((c, i) => `${selectFor(kinds[i]!, exportExpression(spec.name, c.name))} as ${quoteIdent(c.name)}`).join(', ')}
     from ${source} order by ${order.map((c) => `${quoteIdent(c)} nulls first`).join(', ')}`,
  );
  const data = reader.getColumnsJS() as unknown[][];
  const vectors: Record<string, Vector> = {};
  names.forEach((name, i) => {
    vectors[name] = vectorOf(kinds[i]!, data[i] ?? []);
  });
  writeFileSync(path, tableToIPC(new Table(vectors), 'file'));
}
