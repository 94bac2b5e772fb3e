import { defineCommand } from 'citty';
import { logger } from '../../log.js';
import { DEFECTS, type DefectName, runSynth, type SynthFormatOption } from '../../synth/index.js';
import { commonArgs, EXIT, UsageError } from '../exit.js';
import { formatTable, printJson } from '../output.js';

function parseYears(text: string): [number, number] {
  const m = /^(\d{4})(?:-(\d{4}))?$/.exec(text.trim());
  if (!m) throw new UsageError(`--years must be YYYY or YYYY-YYYY (got ${text})`);
  const first = Number(m[1]);
  const last = m[2] === undefined ? first : Number(m[2]);
  if (last < first) throw new UsageError(`--years: ${last} is before ${first}`);
  return [first, last];
}

function parseNumber(name: string, text: string | undefined, fallback: number, integer: boolean): number {
  if (text === undefined) return fallback;
  const n = Number(text);
  if (!Number.isFinite(n) || (integer && !Number.isInteger(n)) || (!integer && n <= 0)) {
    throw new UsageError(`--${name} must be ${integer ? 'an integer' : 'a positive number'} (got ${text})`);
  }
  return n;
}

export function parseDefects(text: string | undefined): DefectName[] {
  if (text === undefined || text === 'all') return [...DEFECTS];
  if (text === 'none' || text === '') return [];
  const names = text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  for (const n of names) {
    if (!(DEFECTS as readonly string[]).includes(n)) {
      throw new UsageError(`unknown defect ${n} (known: ${DEFECTS.join(', ')})`);
    }
  }
  return names as DefectName[];
}

export default defineCommand({
  meta: {
    name: 'synth',
    description:
      'writes synthetic yearly files, one per (département, year), named like CD59_Olinpe_2019.xml, and with --truth the true measures, children and stock as CSV',
  },
  args: {
    out: { type: 'string', description: 'directory for the yearly files', required: true },
    departments: { type: 'string', description: 'département codes, comma-separated (default: all)' },
    years: { type: 'string', description: 'years, YYYY-YYYY (default: 2016-2024)', default: '2016-2024' },
    seed: { type: 'string', description: 'seed of the pseudo-random generator (default: 1)' },
    scale: { type: 'string', description: 'size relative to the real national volume (default: 1)' },
    format: {
      type: 'string',
      description: 'xml, csv or mixed (formats and encodings of real files)',
      default: 'xml',
    },
    truth: {
      type: 'string',
      description: 'directory for the ground truth (measures, children, stock_31dec, defects, files CSV)',
    },
    defects: {
      type: 'string',
      description: `all, none, or a comma-separated list of: ${DEFECTS.join(', ')}`,
      default: 'all',
    },
    ...commonArgs,
  },
  async run({ args }) {
    const [firstYear, lastYear] = parseYears(args.years);
    const format = args.format as SynthFormatOption;
    if (!['xml', 'csv', 'mixed'].includes(format))
      throw new UsageError(`--format must be xml, csv or mixed (got ${args.format})`);
    const departements = args.departments
      ? args.departments
          .split(',')
          .map((s) => s.trim())
          .filter((s) => s !== '')
      : undefined;
    const summary = await runSynth({
      out: args.out,
      ...(departements ? { departements } : {}),
      firstYear,
      lastYear,
      seed: parseNumber('seed', args.seed, 1, true),
      scale: parseNumber('scale', args.scale, 1, false),
      format,
      truth: args.truth ?? null,
      defects: parseDefects(args.defects),
    });
    logger().info({ files: summary.nFiles, records: summary.nRecords }, 'synthetic files written');
    if (args.json) {
      printJson(summary);
      return EXIT.ok;
    }
    console.log(
      `${summary.nFiles} fichiers, ${summary.nRecords} enregistrements, ${summary.departements.length} départements, ` +
        `${summary.firstYear}–${summary.lastYear}, échelle ${summary.scale}, graine ${summary.seed} → ${summary.out}`,
    );
    console.log(
      `\nDéfauts injectés :\n${formatTable(Object.entries(summary.defects).map(([defect, count]) => ({ defect, count })))}`,
    );
    console.log(
      `\nMesures en cours au 31/12/${summary.lastYear} : ${summary.natural.openAtLastYear} ; ` +
        `commencées avant ${summary.firstYear} : ${summary.natural.beganBeforeFirstYear}`,
    );
    if (summary.truthCounts) {
      console.log(
        `Vérité terrain (${summary.truth}) : ${summary.truthCounts.measures} mesures, ${summary.truthCounts.children} enfants, ` +
          `${summary.truthCounts.stockRows} cellules de stock`,
      );
    }
    return EXIT.ok;
  },
});
