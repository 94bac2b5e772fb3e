/** `olinpe stock --year Y`: the 31 December stock from the published national base. */
import { defineCommand } from 'citty';
import { dataPaths, loadConfig } from '../../config.js';
import { withPublishedBase } from '../../warehouse/read-only.js';
import { readStock, stockTableRows } from '../../national/stock-report.js';
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
    const rows = await withPublishedBase(dataPaths(config).warehouse, (conn) =>
      readStock(conn, { year, departement }),
    );
    // A year or département that is not in the base is a usage error.
    if (rows.length === 0) {
      throw new UsageError(`no stock for ${year}${departement ? ` in département ${departement}` : ''}`);
    }
    if (format === 'json') printJson(rows);
    else if (format === 'csv') process.stdout.write(toCsv(rows as unknown as Record<string, unknown>[]));
    else {
      console.log(`Stock au 31 décembre ${year} : mesures en cours et enfants distincts\n`);
      console.log(formatTable(stockTableRows(rows)));
    }
    return EXIT.ok;
  },
});
