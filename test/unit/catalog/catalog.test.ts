import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openCatalog, type Catalog } from '../../../src/catalog/index.js';
import {
  activeReceipts,
  findReceiptBySha,
  listReceipts,
  recordAcceptedReceipt,
  recordRejectedReceipt,
  type Receipt,
} from '../../../src/catalog/receipts.js';
import { postgresUrlForTests } from '../../helpers/postgres.js';
import { LockHeldError } from '../../../src/errors.js';

function receipt(over: Partial<Receipt>): Receipt {
  return {
    file_id: 'f1',
    sha256: 'a'.repeat(64),
    file_name: 'CD59_Olinpe_2019.xml',
    departement: '59',
    annee: 2019,
    year_source: 'filename',
    decree: '2016',
    format: 'xml',
    encoding: 'utf-8',
    datexport: '2020-03-01',
    received_at: '2020-03-02T10:00:00.000Z',
    status: 'active',
    n_records: 10,
    n_rejected: 1,
    n_duplicates: 2,
    n_errors: 1,
    n_warnings: 3,
    n_infos: 0,
    superseded_by: null,
    rejection: null,
    size_bytes: 1234,
    ...over,
  };
}

function catalogSuite(name: string, open: () => Promise<Catalog>) {
  describe(`catalog on ${name}`, () => {
    let catalog: Catalog;
    beforeAll(async () => {
      catalog = await open();
    });
    afterAll(async () => {
      await catalog.close();
    });

    it('records receipts, finds them by hash and supersedes the older one of a (département, year)', async () => {
      await recordAcceptedReceipt(catalog.db, receipt({}));
      const replaced = await recordAcceptedReceipt(
        catalog.db,
        receipt({ file_id: 'f2', sha256: 'b'.repeat(64), received_at: '2020-05-01T00:00:00.000Z' }),
      );
      expect(replaced).toBe('f1');
      await recordRejectedReceipt(
        catalog.db,
        receipt({ file_id: 'f3', sha256: 'c'.repeat(64), departement: null, annee: null, rejection: 'vide' }),
      );
      expect((await findReceiptBySha(catalog.db, 'b'.repeat(64)))?.file_id).toBe('f2');
      expect(await findReceiptBySha(catalog.db, 'd'.repeat(64))).toBeUndefined();
      const all = await listReceipts(catalog.db);
      expect(all.map((r) => [r.file_id, r.status, r.superseded_by])).toEqual([
        ['f1', 'superseded', 'f2'],
        ['f3', 'rejected', null],
        ['f2', 'active', null],
      ]);
      expect((await activeReceipts(catalog.db)).map((r) => r.file_id)).toEqual(['f2']);
    });

    it('refuses a second receipt of the same bytes', async () => {
      await expect(recordRejectedReceipt(catalog.db, receipt({ file_id: 'f9' }))).rejects.toThrow();
    });
  });
}

const dir = mkdtempSync(join(tmpdir(), 'olinpe-catalog-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

catalogSuite('DuckDB', () => openCatalog({ url: null, duckdbPath: join(dir, 'catalog.duckdb') }));
catalogSuite('PostgreSQL', async () => openCatalog({ url: await postgresUrlForTests(), duckdbPath: '' }));

describe('embedded catalog in use by another process', () => {
  it('refuses with LockHeldError (exit code 3) instead of an obscure I/O error', async () => {
    const path = join(dir, 'busy.duckdb');
    const { spawn } = await import('node:child_process');
    const holder = spawn(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `import { DuckDBInstance } from '@duckdb/node-api';
         await DuckDBInstance.create(${JSON.stringify(path)});
         process.stdout.write('open\\n');
         setTimeout(() => {}, 60000);`,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    try {
      await new Promise<void>((resolve) => holder.stdout.once('data', () => resolve()));
      await expect(openCatalog({ url: null, duckdbPath: path })).rejects.toBeInstanceOf(LockHeldError);
    } finally {
      holder.kill();
    }
  });
});
