/** `olinpe <command>`: the command-line entry point. Only here do results become exit codes. */
import { defineCommand, runCommand, renderUsage, type CommandDef } from 'citty';
import { isOlinpeError } from '../errors.js';
import { logger } from '../log.js';
import { EXIT, UsageError } from './exit.js';

const subCommands: Record<string, () => Promise<CommandDef>> = {
  synth: () => import('./commands/synth.js').then((m) => m.default as CommandDef),
  ingest: () => import('./commands/ingest.js').then((m) => m.default as CommandDef),
  build: () => import('./commands/build.js').then((m) => m.default as CommandDef),
  status: () => import('./commands/status.js').then((m) => m.default as CommandDef),
  stock: () => import('./commands/stock.js').then((m) => m.default as CommandDef),
  query: () => import('./commands/query.js').then((m) => m.default as CommandDef),
  cron: () => import('./commands/cron.js').then((m) => m.default as CommandDef),
};

const main = defineCommand({
  meta: {
    name: 'olinpe',
    description: 'Builds the OLINPE national child-protection base from the départements’ yearly files',
  },
  subCommands,
});

async function findCommand(argv: string[]): Promise<CommandDef | undefined> {
  const name = argv.find((a) => !a.startsWith('-'));
  const load = name === undefined ? undefined : subCommands[name];
  return load ? load() : undefined;
}

async function run(argv: string[]): Promise<number> {
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h') {
    console.log(await renderUsage(main));
    return argv.length === 0 ? EXIT.usage : EXIT.ok;
  }
  const first = argv[0] as string;
  if (!first.startsWith('-') && !(first in subCommands)) {
    console.error(`unknown command: ${first}\n`);
    console.error(await renderUsage(main));
    return EXIT.usage;
  }
  if (argv.includes('--help') || argv.includes('-h')) {
    const cmd = await findCommand(argv);
    console.log(await renderUsage(cmd ?? main, cmd ? main : undefined));
    return EXIT.ok;
  }
  try {
    // Run the sub-command itself: citty drops a sub-command's return value.
    const command = (await subCommands[first]?.()) ?? main;
    const { result } = await runCommand(command, { rawArgs: command === main ? argv : argv.slice(1) });
    return typeof result === 'number' ? result : EXIT.ok;
  } catch (e) {
    if (e instanceof UsageError || (e as { code?: string }).code === 'EARG') {
      console.error(`usage error: ${(e as Error).message}`);
      return EXIT.usage;
    }
    if (isOlinpeError(e)) {
      logger().error({ code: e.code }, e.message);
      console.error(`olinpe: ${e.message}`);
      return e.code === 'LOCK_HELD' ? EXIT.locked : e.code === 'USAGE' ? EXIT.usage : EXIT.failure;
    }
    logger().error({ err: e }, 'unexpected failure');
    console.error(`olinpe: unexpected failure: ${(e as Error).message}`);
    return EXIT.failure;
  }
}

process.exitCode = await run(process.argv.slice(2));
