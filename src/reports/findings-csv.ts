/** `findings.csv`: UTF-8 with BOM, `;` separators, CRLF, French headers — opens as is in Excel. */
import type { CsvFindingRow } from './data.js';
import { severityLabel } from './labels.js';

const HEADER = ['enregistrement', 'regle', 'gravite', 'variable', 'valeur', 'message', 'a_corriger'];

export function csvField(value: string | number | null): string {
  if (value === null) return '';
  // A leading = + @ would make Excel read a formula.
  const text = /^[=+@]/.test(String(value)) ? `'${String(value)}` : String(value);
  return /[";\r\n]/.test(text) || /^\s|\s$/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function findingsCsv(rows: readonly CsvFindingRow[]): string {
  const lines = [HEADER.join(';')];
  for (const r of rows) {
    lines.push(
      [r.record_no, r.rule, severityLabel(r.severity), r.variable, r.value, r.message, r.fix]
        .map(csvField)
        .join(';'),
    );
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
