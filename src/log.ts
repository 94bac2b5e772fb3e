/** The one pino logger: JSON lines on stderr, human-readable when stderr is a terminal. */
import { pino, destination, type Logger } from 'pino';

export type { Logger };

function makeLogger(level: string): Logger {
  if (process.stderr.isTTY) {
    return pino({
      level,
      transport: { target: 'pino-pretty', options: { destination: 2, colorize: true } },
    });
  }
  return pino({ level }, destination(2));
}

let root: Logger | undefined;

export function logger(): Logger {
  root ??= makeLogger(process.env.OLINPE_LOG_LEVEL ?? (process.env.VITEST ? 'silent' : 'info'));
  return root;
}

export function setLogLevel(level: string): void {
  logger().level = level;
}
