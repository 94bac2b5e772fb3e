/** Exit codes of every command (contract). */
export const EXIT = Object.freeze({ ok: 0, failure: 1, usage: 2, locked: 3 });

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Common options of every command. */
export const commonArgs = {
  json: { type: 'boolean', description: 'machine-readable output on stdout', default: false },
  data: { type: 'string', description: 'data directory (default: data)' },
} as const;
