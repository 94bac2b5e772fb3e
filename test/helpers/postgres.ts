/**
 * A PostgreSQL database for a test: a fresh database on the server named by OLINPE_TEST_PG_URL
 * (CI sets it), else on a container started by testcontainers. Never skips: without either,
 * the test fails and says why.
 */
import pg from 'pg';
import { randomBytes } from 'node:crypto';

let containerUrl: Promise<string> | undefined;

async function serverUrl(): Promise<string> {
  const fromEnv = process.env.OLINPE_TEST_PG_URL;
  if (fromEnv) return fromEnv;
  containerUrl ??= (async () => {
    const { PostgreSqlContainer } = await import('@testcontainers/postgresql');
    try {
      const container = await new PostgreSqlContainer('postgres:16-alpine').start();
      return container.getConnectionUri();
    } catch (e) {
      throw new Error(
        `PostgreSQL tests need OLINPE_TEST_PG_URL or a container engine for testcontainers: ${(e as Error).message}`,
      );
    }
  })();
  return containerUrl;
}

/** URL of a new, empty database on the test server. */
export async function postgresUrlForTests(): Promise<string> {
  const base = await serverUrl();
  const name = `olinpe_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(base);
  url.pathname = `/${name}`;
  return url.toString();
}
