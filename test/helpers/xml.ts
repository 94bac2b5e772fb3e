/** Small hand-made exchange files for tests (synthetic values only). */
export type RecordValues = Record<string, string>;

export function xmlFile(records: readonly RecordValues[], datexport = '2020-03-15'): string {
  const donnees = records
    .map(
      (r) =>
        `  <DONNEE>${Object.entries(r)
          .map(([k, v]) => `<${k}>${v}</${k}>`)
          .join('')}</DONNEE>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<DECRET>\n  <INTRO><VERSIONXSD>2.0</VERSIONXSD><DATEXPORT>${datexport}</DATEXPORT></INTRO>\n${donnees}\n</DECRET>\n`;
}

export function csvFile(records: readonly RecordValues[], sep = ';'): string {
  const cols = [...new Set(records.flatMap((r) => Object.keys(r)))];
  return [cols.join(sep), ...records.map((r) => cols.map((c) => r[c] ?? '').join(sep))].join('\r\n') + '\r\n';
}

/** A made-up transitional number: 40 upper-case hex characters derived from a seed. */
export function fakeNumber(seed: number): string {
  let s = '';
  let x = seed * 2654435761;
  while (s.length < 40) {
    x = (x * 1103515245 + 12345) % 2147483648;
    s += x.toString(16).toUpperCase();
  }
  return s.slice(0, 40);
}
