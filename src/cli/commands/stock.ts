/** `olinpe stock --year Y`: the 31 December stock from the published national base. */
import { defineCommand } from 'citty';
import { dataPaths, loadConfig } from '../../config.js';
import { withPublishedBase } from '../../warehouse/read-only.js';
import { readStock, stockTableRows, type StockRow } from '../../national/stock-report.js';
import { compareWithDrees, type DreesRow } from '../../reports/data.js';
import { commonArgs, EXIT, UsageError } from '../exit.js';
import { formatTable, printJson } from '../output.js';
import { toCsv } from '../formats.js';

const FORMATS = ['table', 'csv', 'json'] as const;

export default defineCommand({
  meta: {
    name: 'stock',
    description: 'the 31 December stock by département and DREES category, with block and France totals',
  },
  args: {
    year: { type: 'string', description: 'year Y of the stock on 31/12/Y', required: true },
    departement: { type: 'string', description: 'only this département (then no France total)' },
    format: { type: 'string', description: 'table, csv or json', default: 'table' },
    drees: {
      type: 'string',
      description: 'DREES reference CSV to compare with (default: dreesReference of the configuration)',
    },
    ...commonArgs,
  },
  async run({ args }) {
    if (!/^\d{4}$/.test(String(args.year))) throw new UsageError(`--year must be a year (got ${args.year})`);
    const year = Number(args.year);
    const format = args.json ? 'json' : args.format;
    if (!FORMATS.includes(format as (typeof FORMATS)[number])) {
      throw new UsageError(`--format must be one of ${FORMATS.join(', ')} (got ${format})`);
    }
    const departement = args.departement ?? null;
    const config = loadConfig(args.data ? { dataDir: args.data } : {});
    const dreesPath = args.drees ?? config.dreesReference;
    const { rows: stock, drees } = await withPublishedBase(dataPaths(config).warehouse, async (conn) => ({
      rows: await readStock(conn, { year, departement }),
      drees: dreesPath ? await compareWithDrees(conn, dreesPath) : null,
    }));
    const rows = drees === null ? stock : withDrees(stock, drees);
    // A year or département that is not in the base is a usage error.
    if (rows.length === 0) {
      throw new UsageError(`no stock for ${year}${departement ? ` in département ${departement}` : ''}`);
    }
    if (format === 'json') printJson(rows);
    else if (format === 'csv') process.stdout.write(toCsv(rows as unknown as Record<string, unknown>[]));
    else {
      console.log(`Stock au 31 décembre ${year} : mesures en cours et enfants distincts\n`);
      console.log(formatTable(stockTableRows(rows)));
      if (drees !== null) console.log(`\nDREES : ${dreesPath} (Corse comparée en entier, 2A + 2B contre 20)`);
    }
    return EXIT.ok;
  },
});

/** Each département's and France's category cells with the DREES figure beside and the ratio. */
function withDrees(
  rows: readonly StockRow[],
  drees: readonly DreesRow[],
): (StockRow & { drees: number | null; ratio: number | null })[] {
  const key = (dep: string | null, year: number, cat: string | null) => `${dep ?? 'FR'}|${year}|${cat}`;
  const byCell = new Map(drees.map((d) => [key(d.drees_departement, Number(d.annee), d.drees_category), d]));
  return rows.map((r) => {
    const dep = r.departement === '2A' || r.departement === '2B' ? '20' : r.departement;
    const d = r.drees_category === null ? undefined : byCell.get(key(dep, r.annee, r.drees_category));
    const ratio = d?.ratio ?? null;
    return {
      ...r,
      drees: d?.n_drees ?? null,
      ratio: ratio === null ? null : Math.round(Number(ratio) * 100) / 100,
    };
  });
}
