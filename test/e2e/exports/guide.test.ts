import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { writeExports } from '../../../src/exports/index.js';
import { withDuckDB } from '../../../src/warehouse/duckdb.js';
import { guideExamples, GUIDE_PATH, runExample } from './guide-examples.js';
import { createWarehouse } from './warehouse-fixture.js';

let dataDir: string;
const examples = guideExamples();

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'olinpe-guide-'));
  const warehouse = await createWarehouse(dataDir);
  await writeExports(
    {
      warehouse,
      exportsDir: join(dataDir, 'exports'),
      buildId: 'guide',
      productVersion: '0.1.0',
      catalogueVersion: '2',
    },
    pino({ level: 'silent' }),
  );
});

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('the researchers’ guide', () => {
  it('holds the worked examples, each with its result, and the same in R and Python marked as not run', () => {
    expect(examples.map((e) => e.name)).toEqual([
      'stock-par-departement',
      'mesures-par-categorie',
      'evenements-par-annee',
      'duree-des-accueils',
      'mobilite',
      'histoire-multi-departements',
      'cohortes-d-entree',
      'constats-par-gravite',
    ]);
    for (const e of examples)
      expect({ name: e.name, hasResult: e.expected !== undefined }).toEqual({
        name: e.name,
        hasResult: true,
      });
    const markdown = readFileSync(GUIDE_PATH, 'utf8');
    const notRun = (lang: string) =>
      [...markdown.matchAll(new RegExp('^```' + lang + '\\n# Non exécuté sur ces machines\\.', 'gm'))].length;
    expect(notRun('r')).toBe(examples.length + 1);
    expect(notRun('python')).toBe(examples.length + 1);
  });

  it.each(examples.map((e) => [e.name, e] as const))(
    'example %s gives the result shown in the guide',
    async (name, example) => {
      const actual = await withDuckDB(':memory:', (conn) =>
        runExample(conn, dataDir, example.sql, join(dataDir, `${name}.csv`)),
      );
      expect(actual).toBe(example.expected);
    },
  );
});
