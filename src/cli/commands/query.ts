import { defineCommand } from 'citty';
import { dataPaths, loadConfig } from '../../config.js';
import { withPublishedBase } from '../../warehouse/read-only.js';
import { query } from '../../warehouse/duckdb.js';
import { commonArgs, EXIT, UsageError } from '../exit.js';
import { printRows, type OutputFormat } from '../formats.js';

export default defineCommand({
  meta: { name: 'query', description: 'read-only SQL on the published national base' },
  args: {
    sql: { type: 'positional', description: 'the SQL query', required: true },
    format: { type: 'string', description: 'table, csv or json', default: 'table' },
    ...commonArgs,
  },
  async run({ args }) {
    const format = (args.json ? 'json' : args.format) as OutputFormat;
    if (!['table', 'csv', 'json'].includes(format))
      throw new UsageError('--format must be table, csv or json');
    const config = loadConfig(args.data ? { dataDir: args.data } : {});
    const rows = await withPublishedBase(dataPaths(config).warehouse, (conn) => query(conn, args.sql), {
      sandboxed: true,
    });
    printRows(rows, format);
    return EXIT.ok;
  },
});
