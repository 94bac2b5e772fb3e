/** Read-only access to the published national base. */
import { existsSync } from 'node:fs';
import type { DuckDBConnection } from '@duckdb/node-api';
import { OlinpeError } from '../errors.js';
import { withDuckDB } from './duckdb.js';

export async function withPublishedBase<T>(
  path: string,
  work: (conn: DuckDBConnection) => Promise<T>,
  options: { sandboxed?: boolean } = {},
): Promise<T> {
  if (!existsSync(path)) {
    throw new OlinpeError('FILE_UNREADABLE', `no published national base at ${path}: run olinpe build first`);
  }
  // A sandboxed connection cannot read or write other files (for user-supplied SQL).
  const sandbox: Record<string, string> = options.sandboxed ? { enable_external_access: 'false' } : {};
  return withDuckDB(path, work, { access_mode: 'READ_ONLY', ...sandbox });
}
