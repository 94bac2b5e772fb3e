import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openReader } from '../../src/readers/index.js';
import { rule } from '../../src/rules/catalogue/index.js';
import { runSynth, type SynthSummary } from '../../src/synth/index.js';
import { createPseudonymiser, createRecordTyper } from '../../src/values/index.js';

interface FileCheck {
  readonly records: number;
  readonly rejected: number;
  readonly findings: Map<string, number>;
  readonly recordsWith: Map<string, number>;
  readonly decree: string;
  readonly datexport: string | null;
}

let root: string;
let summary: SynthSummary;
const checks = new Map<string, FileCheck>();

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'olinpe-synth-read-'));
  summary = await runSynth({
    out: join(root, 'inbox'),
    truth: join(root, 'truth'),
    departements: ['59', '48', '2A', '75', '971'],
    firstYear: 2018,
    lastYear: 2021,
    seed: 3,
    scale: 0.02,
    format: 'mixed',
  });
  const typer = createRecordTyper(createPseudonymiser('hmac-sha256', 'synthetic-test-key'));
  for (const f of summary.files) {
    const reader = await openReader(join(root, 'inbox', f.file));
    let records = 0;
    let rejected = 0;
    const findings = new Map<string, number>();
    const recordsWith = new Map<string, number>();
    for await (const batch of reader.batches()) {
      for (const raw of batch.records) {
        records++;
        const typed = typer(raw);
        if (typed.rejected) rejected++;
        for (const r of new Set(typed.findings.map((x) => x.rule)))
          recordsWith.set(r, (recordsWith.get(r) ?? 0) + 1);
        for (const x of typed.findings) findings.set(x.rule, (findings.get(x.rule) ?? 0) + 1);
      }
    }
    checks.set(f.file, {
      records,
      rejected,
      findings,
      recordsWith,
      decree: reader.summary().decree,
      datexport: reader.description.datexport,
    });
  }
}, 120_000);

afterAll(() => rmSync(root, { recursive: true, force: true }));

const active = () => summary.files.filter((f) => !f.superseded);
const sum = (pick: (c: FileCheck) => number, files = active()) =>
  files.reduce((s, f) => s + pick(checks.get(f.file) as FileCheck), 0);

describe('synthetic files read back by the ingestion readers', () => {
  it('reads every file, in every format and encoding, with all its records', () => {
    expect(new Set(summary.files.map((f) => `${f.format}/${f.encoding}`)).size).toBeGreaterThan(2);
    for (const f of summary.files) {
      const c = checks.get(f.file) as FileCheck;
      expect(c.records, f.file).toBe(f.nRecords);
      expect(c.decree, f.file).toBe('2016');
      if (f.format === 'xml')
        expect(c.datexport, f.file).toMatch(new RegExp(`^${f.annee + 1}-\\d\\d-\\d\\d$`));
    }
  });

  it('rejects exactly the records whose number was made invalid, and raises no other error', () => {
    expect(summary.defects['invalid-number']).toBeGreaterThan(0);
    expect(sum((c) => c.rejected)).toBe(summary.defects['invalid-number']);
    const errors = new Set<string>();
    for (const c of checks.values())
      for (const r of c.findings.keys()) if (rule(r).severity === 'error') errors.add(r);
    expect([...errors]).toEqual(['numanonym-inutilisable']);
  });

  it('reports the invalid codes and the JJ/MM/AAAA dates injected, and nothing else at value level', () => {
    expect(sum((c) => c.findings.get('code-invalide') ?? 0)).toBe(summary.defects['invalid-code']);
    expect(sum((c) => c.recordsWith.get('date-format-converti') ?? 0)).toBe(summary.defects['ddmmyyyy-date']);
    const rules = new Set<string>();
    for (const c of checks.values()) for (const r of c.findings.keys()) rules.add(r);
    expect([...rules].sort()).toEqual(['code-invalide', 'date-format-converti', 'numanonym-inutilisable']);
  });

  it('writes the corrected re-sent file after the first one, with a later export date', () => {
    const resent = summary.files.filter((f) => f.file.includes('_v2.'));
    expect(resent).toHaveLength(summary.defects['resent-file']);
    for (const v2 of resent) {
      const v1 = summary.files.find(
        (f) => f.superseded && f.departement === v2.departement && f.annee === v2.annee,
      );
      expect(v1?.nRecords).toBeLessThan(v2.nRecords);
    }
    const listed = readFileSync(join(root, 'truth', 'files.csv'), 'utf8')
      .trim()
      .split('\n');
    expect(listed).toHaveLength(summary.files.length + 1);
  });
});
