/**
 * End to end, through the compiled command line: ingestion of a small hand-made file, its
 * Base Année and findings, duplicates of receipts, a broken file, the national build, and no
 * transitional number nor the key written anywhere.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHmac } from 'node:crypto';
import {
  mkdtempSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
  existsSync,
} from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, TEST_KEY, type CliRun } from '../helpers/cli.js';
import { fakeNumber, xmlFile, type RecordValues } from '../helpers/xml.js';
import { postgresUrlForTests } from '../helpers/postgres.js';
import { acquireAdvisoryLock } from '../../src/runner/lock.js';
import { withDuckDB, query } from '../../src/warehouse/duckdb.js';
import { listValue } from '@duckdb/node-api';

const A = fakeNumber(1);
const B = fakeNumber(2);
const definitive = (n: string) =>
  createHmac('sha256', TEST_KEY).update(n.toUpperCase()).digest('hex').slice(0, 40);

const placement: RecordValues = {
  NUMDEP: '59',
  NUMANONYM: A,
  NUMANONYMANT: A,
  TYPEV: '1',
  SEXE: '1',
  ANAIS: '2010',
  MNAIS: '05',
  DECISION: '2',
  NATDECASSED: '17',
  NATDECPLAC: '2',
  INSTITPLAC: '1',
  LIEUPLAC: '1',
  DATDECPE: '2019-02-10',
  DATDEB: '2019-02-12',
};
const aed: RecordValues = {
  NUMDEP: '59',
  NUMANONYM: B,
  NUMANONYMANT: B,
  TYPEV: '1',
  SEXE: '2',
  ANAIS: '2008',
  MNAIS: '11',
  DECISION: '1',
  NATPDECADM: '10',
  TYPINTERDOM: '2',
  DATDECPE: '2019-06-01',
  DATDEB: '2019-06-15',
};
const end: RecordValues = { ...placement, TYPEV: '3', DATFIN: '2019-11-30', MOTFININT: '1' };
const unusable: RecordValues = { ...aed, NUMANONYM: 'XYZ', NUMANONYMANT: 'XYZ' };

/** Every file under `root`; published outputs are links to hidden directories, read there. */
function allFiles(root: string): string[] {
  return readdirSync(root, { withFileTypes: true }).flatMap((e) =>
    e.isSymbolicLink() ? [] : e.isDirectory() ? allFiles(join(root, e.name)) : [join(root, e.name)],
  );
}

/** The same scenario on each catalog backend: the embedded DuckDB file, and PostgreSQL. */
function scenario(backend: 'duckdb' | 'postgres') {
  let dir: string;
  let data: string;
  const runs: CliRun[] = [];
  let env: Record<string, string> = {};
  const cli = async (...args: string[]) => {
    const run = await runCli([...args, '--data', data], env);
    runs.push(run);
    return run;
  };

  beforeAll(async () => {
    env = backend === 'postgres' ? { OLINPE_CATALOG_URL: await postgresUrlForTests() } : {};
    dir = mkdtempSync(join(tmpdir(), 'olinpe-e2e-ingest-'));
    data = join(dir, 'data');
    mkdirSync(join(dir, 'in'), { recursive: true });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  describe('olinpe ingest', () => {
    it('stores the Base Année of a file: kept records, rejected records, dropped duplicates, findings', async () => {
      const file = join(dir, 'in', 'CD59_Olinpe_2019.xml');
      writeFileSync(file, xmlFile([placement, aed, end, unusable, aed]));
      const run = await cli('ingest', file, '--json');
      expect(run.stderr).not.toContain('unexpected failure');
      expect(run.code).toBe(0);
      const out = JSON.parse(run.stdout) as { ok: boolean; files: Record<string, unknown>[] };
      expect(out.ok).toBe(true);
      expect(out.files).toHaveLength(1);
      expect(out.files[0]).toMatchObject({
        outcome: 'accepted',
        departement: '59',
        annee: 2019,
        records: 5,
        rejected: 1,
        duplicates: 1,
        kept: 3,
      });
      expect(existsSync(file)).toBe(false);

      const bases = allFiles(join(data, 'bases')).filter((p) => p.endsWith('base_annee.parquet'));
      expect(bases).toHaveLength(1);
      const rows = await withDuckDB(':memory:', (conn) =>
        query<{
          record_no: number;
          numanonym: string;
          typev: string;
          datdeb: Date;
          datfin_precision: string | null;
        }>(
          conn,
          `select record_no, numanonym, typev, datdeb, datfin_precision from read_parquet('${bases[0]}') order by record_no`,
        ),
      );
      expect(rows.map((r) => [r.record_no, r.numanonym, r.typev])).toEqual([
        [1, definitive(A), '1'],
        [2, definitive(B), '1'],
        [3, definitive(A), '3'],
      ]);
      expect(rows.map((r) => r.datfin_precision)).toEqual([null, null, 'day']);
      const findings = await withDuckDB(':memory:', (conn) =>
        query<{ record_no: number | null; severity: string }>(
          conn,
          `select record_no, severity from read_parquet('${bases[0]!.replace('base_annee', 'findings')}')`,
        ),
      );
      expect(findings.some((f) => f.record_no === 4 && f.severity === 'error')).toBe(true);
    });

    it('recognises a second receipt of the same bytes and does not ingest it twice', async () => {
      const file = join(dir, 'in', 'copy-of-CD59_Olinpe_2019.xml');
      writeFileSync(file, xmlFile([placement, aed, end, unusable, aed]));
      const run = await cli('ingest', file, '--json');
      expect(run.code).toBe(0);
      expect(JSON.parse(run.stdout).files[0]).toMatchObject({ outcome: 'already-received' });
    });

    it('rejects a broken file with a clear message and exit code 1, leaving earlier Bases Années untouched', async () => {
      const before = allFiles(join(data, 'bases')).map((p) => [p, statSync(p).mtimeMs]);
      const file = join(dir, 'in', 'CD59_Olinpe_2020.xml');
      const full = xmlFile([{ ...placement, DATDECPE: '2020-01-10', DATDEB: '2020-01-10' }]);
      writeFileSync(file, full.slice(0, full.length - 40));
      const run = await cli('ingest', file, '--json');
      expect(run.code).toBe(1);
      const out = JSON.parse(run.stdout);
      expect(out.files[0].outcome).toBe('rejected');
      expect(String(out.files[0].reason).length).toBeGreaterThan(5);
      const after = allFiles(join(data, 'bases')).filter((p) => !p.includes('_rejected'));
      expect(after.map((p) => [p, statSync(p).mtimeMs])).toEqual(before);
      expect(existsSync(file)).toBe(true);
    });
    it('rejects a file with no usable record, keeping the findings of each record', async () => {
      const file = join(dir, 'in', 'CD59_Olinpe_2018.xml');
      writeFileSync(file, xmlFile([unusable, { ...unusable, TYPEV: '3' }]));
      const run = await cli('ingest', file, '--json');
      expect(run.code).toBe(1);
      const out = JSON.parse(run.stdout);
      expect(out.files[0]).toMatchObject({ outcome: 'rejected', records: 2, rejected: 2, errors: 3 });
      expect(out.files[0].reason).toMatch(/aucun enregistrement exploitable/);
      const findings = await withDuckDB(':memory:', (conn) =>
        query<{ record_no: number | null; rule: string }>(
          conn,
          `select record_no, rule from read_parquet($files) order by record_no nulls first, rule`,
          {
            files: listValue(
              allFiles(join(data, 'bases', '_rejected')).filter((p) => p.endsWith('.parquet')),
            ),
          },
        ),
      );
      expect(findings.filter((f) => f.rule === 'aucun-enregistrement-exploitable')).toHaveLength(1);
      const unusableRecords = findings
        .filter((f) => f.rule === 'numanonym-inutilisable')
        .map((f) => f.record_no);
      expect(unusableRecords).toEqual([1, 2]);
    });
  });

  describe('olinpe build', () => {
    it('builds and publishes the national base from the stored Bases Années', async () => {
      const run = await cli('build', '--json');
      expect(run.code).toBe(0);
      const out = JSON.parse(run.stdout);
      expect(out.ok).toBe(true);
      const q = await cli(
        'query',
        'select status, count(*)::integer as n from receipts group by status order by status',
        '--format',
        'json',
      );
      expect(q.code).toBe(0);
      expect(JSON.parse(q.stdout)).toEqual([
        { status: 'active', n: 1 },
        { status: 'rejected', n: 2 },
      ]);
    });

    it('says so and does nothing when nothing new arrived', async () => {
      const run = await cli('build', '--json');
      expect(run.code).toBe(0);
      expect(JSON.parse(run.stdout).up_to_date).toMatch(/no new file/);
    });
  });

  describe('olinpe stock', () => {
    it('prints the 31 December stock beside a DREES reference, with the ratio', async () => {
      const drees = join(dir, 'drees.csv');
      writeFileSync(
        drees,
        'departement,libelle,annee,drees_category,n_measures\n59,Nord,2019,aed,2\n59,Nord,2019,placement_ase,4\n',
      );
      const run = await cli('stock', '--year', '2019', '--format', 'json', '--drees', drees);
      expect(run.code, run.stderr).toBe(0);
      const rows = JSON.parse(run.stdout) as Record<string, unknown>[];
      const cell = (c: string) => rows.find((r) => r.departement === '59' && r.drees_category === c);
      expect(cell('aed')).toMatchObject({ n_measures: 1, n_children: 1, drees: 2, ratio: 0.5 });
      expect(cell('placement_ase')).toMatchObject({ n_measures: 0, drees: 4, ratio: 0 });
      expect(cell('aemo')).toMatchObject({ n_measures: 0, drees: null, ratio: null });
    });
  });

  describe('one writer at a time', () => {
    it('a build exits 3 with a clear message while another holds the lock', async () => {
      const release =
        backend === 'postgres'
          ? (await acquireAdvisoryLock(env.OLINPE_CATALOG_URL as string)).release
          : (() => {
              const path = join(data, 'build.lock');
              writeFileSync(
                path,
                JSON.stringify({ pid: process.pid, host: hostname(), since: new Date().toISOString() }),
              );
              return async () => rmSync(path);
            })();
      try {
        const run = await cli('build');
        expect(run.code).toBe(3);
        expect(run.stderr).toMatch(/another build holds the lock/);
      } finally {
        await release();
      }
      expect((await cli('build')).code).toBe(0);
    });
  });

  describe('olinpe status', () => {
    it('shows coverage, the last runs, and that nothing is stale after a build', async () => {
      const run = await cli('status', '--json');
      expect(run.code).toBe(0);
      const out = JSON.parse(run.stdout);
      expect(out.coverage).toEqual([{ departement: '59', '2019': 'active' }]);
      expect(out.runs.map((r: { trigger: string; status: string }) => [r.trigger, r.status])).toEqual([
        ['build', 'success'],
        ['build', 'success'],
        ['build', 'success'],
        ['ingest', 'success'],
        ['ingest', 'success'],
        ['ingest', 'success'],
        ['ingest', 'success'],
      ]);
      const stages = JSON.parse(out.runs[0].stage_results) as {
        name: string;
        status: string;
        details: Record<string, unknown>;
      }[];
      expect(stages.map((st) => [st.name, st.status])).toEqual([
        ['receive', 'success'],
        ['ingest', 'success'],
        ['national', 'success'],
        ['reports', 'success'],
        ['exports', 'success'],
      ]);
      expect(stages.find((st) => st.name === 'national')?.details).toMatchObject({
        upToDate: true,
        fingerprint: expect.stringMatching(/^[0-9a-f]{16}$/) as string,
      });
      expect(out.stale).toMatchObject({
        files_waiting_in_inbox: [],
        national_base_stale: false,
        reports_stale: false,
        exports_stale: false,
      });
    });
  });

  describe('confidentiality', () => {
    it('writes no transitional number nor the key anywhere: files, tables, logs, outputs', async () => {
      const secrets = [A, B, A.toLowerCase(), B.toLowerCase(), TEST_KEY];
      for (const path of allFiles(data)) {
        const bytes = readFileSync(path);
        for (const s of secrets)
          expect(bytes.includes(Buffer.from(s)), `${s.slice(0, 6)}… in ${path}`).toBe(false);
      }
      for (const run of runs) {
        for (const s of secrets) {
          expect(run.stdout.includes(s)).toBe(false);
          expect(run.stderr.includes(s)).toBe(false);
        }
      }
      const parquetFiles = allFiles(data).filter((p) => p.endsWith('.parquet'));
      const hits = await withDuckDB(':memory:', async (conn) => {
        let n = 0;
        for (const p of parquetFiles) {
          const [row] = await query<{ n: number }>(
            conn,
            `select count(*)::integer as n from read_parquet('${p}') as t
             where contains(upper(t::varchar), $a) or contains(upper(t::varchar), $b)`,
            { a: A, b: B },
          );
          n += row?.n ?? 0;
        }
        return n;
      });
      expect(hits).toBe(0);
    });
  });
}

describe.each(['duckdb', 'postgres'] as const)('on the %s catalog', (backend) => scenario(backend));
