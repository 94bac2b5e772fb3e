/**
 * Configuration, read once from defaults, `olinpe.config.json` in the working directory,
 * `OLINPE_*` environment variables and command options (later wins), validated and frozen.
 * The pseudonymisation key is not part of it: see `readPseudonymisationKey`.
 */
import { readFileSync, existsSync, statSync } from 'node:fs';
import { resolve, isAbsolute, join } from 'node:path';
import { availableParallelism } from 'node:os';
import { ConfigError, OlinpeError } from './errors.js';

export type PseudonymisationMethod = 'hmac-sha256' | 'giped-sha1';

export interface Config {
  readonly dataDir: string;
  readonly inboxDir: string;
  /** PostgreSQL URL of the catalog; null for the embedded DuckDB catalog under the data directory. */
  readonly catalogUrl: string | null;
  readonly pseudonymisationMethod: PseudonymisationMethod;
  /** File holding the key (default `<data>/olinpe.key` when it exists); the environment variable wins. */
  readonly keyFile: string | null;
  /** Keep received files after a successful ingestion (the guide says to destroy them). */
  readonly keepReceivedFiles: boolean;
  /** Worker threads for parsing. */
  readonly workers: number;
  readonly logLevel: string;
  /** Optional DREES reference table (CSV) for the comparisons. */
  readonly dreesReference: string | null;
}

export type ConfigOverrides = Partial<{ -readonly [K in keyof Config]: Config[K] }>;

const FILE_NAME = 'olinpe.config.json';
const METHODS: readonly PseudonymisationMethod[] = ['hmac-sha256', 'giped-sha1'];

const ENV_KEYS: Record<string, keyof Config> = {
  OLINPE_DATA_DIR: 'dataDir',
  OLINPE_INBOX_DIR: 'inboxDir',
  OLINPE_CATALOG_URL: 'catalogUrl',
  OLINPE_PSEUDONYMISATION_METHOD: 'pseudonymisationMethod',
  OLINPE_KEY_FILE: 'keyFile',
  OLINPE_KEEP_RECEIVED_FILES: 'keepReceivedFiles',
  OLINPE_WORKERS: 'workers',
  OLINPE_LOG_LEVEL: 'logLevel',
  OLINPE_DREES_REFERENCE: 'dreesReference',
};

function readConfigFile(cwd: string): Record<string, unknown> {
  const path = join(cwd, FILE_NAME);
  if (!existsSync(path)) return {};
  try {
    const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'));
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
      throw new ConfigError(`${FILE_NAME} must hold a JSON object`);
    }
    return parsed as Record<string, unknown>;
  } catch (e) {
    if (e instanceof ConfigError) throw e;
    throw new ConfigError(`${FILE_NAME} is not valid JSON`, { cause: e });
  }
}

function readEnv(env: NodeJS.ProcessEnv): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [envName, key] of Object.entries(ENV_KEYS)) {
    const value = env[envName];
    if (value !== undefined && value !== '') out[key] = value;
  }
  return out;
}

function asBoolean(value: unknown, name: string): boolean {
  if (typeof value === 'boolean') return value;
  if (value === 'true' || value === '1') return true;
  if (value === 'false' || value === '0') return false;
  throw new ConfigError(`${name} must be true or false (got ${String(value)})`);
}

function asPositiveInt(value: unknown, name: string): number {
  const n = typeof value === 'number' ? value : Number(value);
  if (!Number.isInteger(n) || n < 1) throw new ConfigError(`${name} must be a positive integer`);
  return n;
}

function asString(value: unknown, name: string): string {
  if (typeof value !== 'string' || value === '') throw new ConfigError(`${name} must be a non-empty string`);
  return value;
}

/** `<data>/olinpe.key` when it exists (as `make demo` creates it), else none. */
function defaultKeyFile(dataDir: string): string | null {
  const path = join(dataDir, 'olinpe.key');
  return existsSync(path) ? path : null;
}

function asOptionalString(value: unknown, name: string): string | null {
  return value === undefined || value === null ? null : asString(value, name);
}

export function loadConfig(
  overrides: ConfigOverrides = {},
  opts: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
): Config {
  const cwd = opts.cwd ?? process.cwd();
  const merged: Record<string, unknown> = {
    ...readConfigFile(cwd),
    ...readEnv(opts.env ?? process.env),
    ...Object.fromEntries(Object.entries(overrides).filter(([, v]) => v !== undefined)),
  };
  const known = new Set<string>(Object.values(ENV_KEYS));
  const unknownKeys = Object.keys(merged).filter((k) => !known.has(k));
  if (unknownKeys.length > 0) {
    throw new ConfigError(
      `unknown configuration keys: ${unknownKeys.join(', ')} (known: ${[...known].join(', ')})`,
    );
  }
  const abs = (p: string): string => (isAbsolute(p) ? p : resolve(cwd, p));
  const dataDir = abs(asString(merged.dataDir ?? 'data', 'dataDir'));
  const method = merged.pseudonymisationMethod ?? 'hmac-sha256';
  if (!METHODS.includes(method as PseudonymisationMethod)) {
    throw new ConfigError(
      `pseudonymisationMethod must be one of ${METHODS.join(', ')} (got ${String(method)})`,
    );
  }
  const keyFile = asOptionalString(merged.keyFile, 'keyFile') ?? defaultKeyFile(dataDir);
  const dreesReference = asOptionalString(merged.dreesReference, 'dreesReference');
  return Object.freeze({
    dataDir,
    inboxDir: abs(asString(merged.inboxDir ?? join(dataDir, 'inbox'), 'inboxDir')),
    catalogUrl: asOptionalString(merged.catalogUrl, 'catalogUrl'),
    pseudonymisationMethod: method as PseudonymisationMethod,
    keyFile: keyFile === null ? null : abs(keyFile),
    keepReceivedFiles: asBoolean(merged.keepReceivedFiles ?? false, 'keepReceivedFiles'),
    workers: asPositiveInt(merged.workers ?? Math.max(1, availableParallelism()), 'workers'),
    logLevel: asString(merged.logLevel ?? 'info', 'logLevel'),
    dreesReference: dreesReference === null ? null : abs(dreesReference),
  });
}

/**
 * The observatory's secret key: OLINPE_PSEUDONYMISATION_KEY, else the configured key file.
 * Never logged, never stored in an output.
 */
export function readPseudonymisationKey(config: Config, env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env.OLINPE_PSEUDONYMISATION_KEY;
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  if (config.keyFile === null) {
    throw new OlinpeError(
      'KEY_MISSING',
      'no pseudonymisation key: set OLINPE_PSEUDONYMISATION_KEY or name a key file (keyFile in olinpe.config.json or OLINPE_KEY_FILE)',
    );
  }
  if (!existsSync(config.keyFile) || !statSync(config.keyFile).isFile()) {
    throw new OlinpeError('KEY_MISSING', `the key file ${config.keyFile} does not exist`);
  }
  const key = readFileSync(config.keyFile, 'utf8').trim();
  if (key === '') throw new OlinpeError('KEY_MISSING', `the key file ${config.keyFile} is empty`);
  return key;
}

/** Where each kind of data lives under the data directory. */
export function dataPaths(config: Config) {
  const d = config.dataDir;
  return Object.freeze({
    inbox: config.inboxDir,
    catalogDir: join(d, 'catalog'),
    catalogDb: join(d, 'catalog', 'catalog.duckdb'),
    bases: join(d, 'bases'),
    warehouseDir: join(d, 'warehouse'),
    warehouse: join(d, 'warehouse', 'olinpe.duckdb'),
    exports: join(d, 'exports'),
    reports: join(d, 'reports'),
    tmp: join(d, 'tmp'),
    /** What builds keep to redo less: each département's national relations, report figures. */
    cache: join(d, 'cache'),
    lock: join(d, 'build.lock'),
  });
}
export type DataPaths = ReturnType<typeof dataPaths>;
