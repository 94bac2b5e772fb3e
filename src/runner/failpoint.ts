/**
 * Crash tests: `OLINPE_FAILPOINT=<name>` kills the process abruptly (SIGKILL, no clean-up) when it
 * reaches the point of that name. Points: `ingest:before-receipt`, `national:before-publish`,
 * `swap:<directory name>` (between moving the old output aside and renaming the new one in).
 */
export function failpoint(name: string): void {
  if (process.env.OLINPE_FAILPOINT === name) process.kill(process.pid, 'SIGKILL');
}
