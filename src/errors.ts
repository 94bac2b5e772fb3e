/** The few named errors of the product. Expected failures carry a code and a cause. */
export type ErrorCode =
  'CONFIG_INVALID' | 'KEY_MISSING' | 'FILE_UNREADABLE' | 'FILE_REJECTED' | 'LOCK_HELD' | 'CATALOG' | 'USAGE';

export class OlinpeError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'OlinpeError';
    this.code = code;
  }
}

export class ConfigError extends OlinpeError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('CONFIG_INVALID', message, options);
    this.name = 'ConfigError';
  }
}

/** A received file that cannot be ingested at all (not XML, truncated, empty, no NUMANONYM…). */
export class FileRejectedError extends OlinpeError {
  /** Kebab-case rule code of the file-level finding that explains the rejection. */
  readonly rule: string;
  constructor(rule: string, message: string, options?: { cause?: unknown }) {
    super('FILE_REJECTED', message, options);
    this.name = 'FileRejectedError';
    this.rule = rule;
  }
}

export class LockHeldError extends OlinpeError {
  constructor(message: string) {
    super('LOCK_HELD', message);
    this.name = 'LockHeldError';
  }
}

export const isOlinpeError = (e: unknown): e is OlinpeError => e instanceof OlinpeError;
