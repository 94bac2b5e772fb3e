/** Runs the compiled command line (`bin/olinpe.js`) as a user would, capturing everything. */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../src/warehouse/sql-files.js';

export interface CliRun {
  readonly code: number | null;
  /** The signal that ended the process, if one did. */
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

export const TEST_KEY = 'cle-de-test-0123456789abcdef-ne-pas-utiliser';

export function runCli(
  args: readonly string[],
  env: Record<string, string> = {},
  cwd = PROJECT_ROOT,
): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(PROJECT_ROOT, 'bin', 'olinpe.js'), ...args], {
      cwd,
      env: {
        ...process.env,
        VITEST: '',
        OLINPE_LOG_LEVEL: 'info',
        OLINPE_PSEUDONYMISATION_KEY: TEST_KEY,
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}
