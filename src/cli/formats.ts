/** Rows printed as an aligned table, CSV (`;`-free RFC 4180, comma) or JSON. */
import { formatTable, printJson } from './output.js';

export type OutputFormat = 'table' | 'csv' | 'json';

const csvCell = (v: unknown): string => {
  if (v === null || v === undefined) return '';
  const s = v instanceof Date ? v.toISOString().slice(0, 10) : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
};

export function toCsv(rows: readonly Record<string, unknown>[]): string {
  if (rows.length === 0) return '';
  const cols = Object.keys(rows[0] as object);
  return [cols.join(','), ...rows.map((r) => cols.map((c) => csvCell(r[c])).join(','))].join('\n') + '\n';
}

export function printRows(rows: readonly Record<string, unknown>[], format: OutputFormat): void {
  if (format === 'json') printJson(rows);
  else if (format === 'csv') process.stdout.write(toCsv(rows));
  else
    console.log(
      formatTable(
        rows.map((r) =>
          Object.fromEntries(
            Object.entries(r).map(([k, v]) => [k, v instanceof Date ? v.toISOString().slice(0, 10) : v]),
          ),
        ),
      ),
    );
}
