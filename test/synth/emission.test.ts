import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSynth, type SynthSummary } from '../../src/synth/index.js';

const DECISION_VARIABLES = [
  'DATDECPE',
  'DECISION',
  'NATPDECADM',
  'AUTREDA',
  'NATDECASSED',
  'AUTREDJ',
  'NATDECPLAC',
  'TYPINTERDOM',
  'TYPDECJUD',
];

type Rec = Record<string, string>;

function parseXml(text: string): Rec[] {
  return [...text.matchAll(/<DONNEE>([\s\S]*?)<\/DONNEE>/g)].map((m) => {
    const rec: Rec = {};
    for (const e of (m[1] as string).matchAll(/<([A-Z0-9]+)>([^<]*)<\/\1>/g))
      rec[e[1] as string] = e[2] as string;
    return rec;
  });
}

const yearOf = (date: string | undefined): number | null =>
  date && /^\d{4}-/.test(date) && !date.startsWith('9999') ? Number(date.slice(0, 4)) : null;
const keyOf = (r: Rec): string =>
  [r.NUMANONYM, r.DECISION, r.NATPDECADM ?? r.NATDECASSED, r.DATDECPE].join('|');

let root: string;
let first: SynthSummary;
const files = new Map<string, Rec[]>();

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'olinpe-synth-'));
  const options = {
    departements: ['59', '48'],
    firstYear: 2018,
    lastYear: 2021,
    seed: 7,
    scale: 0.02,
    format: 'xml' as const,
    defects: [],
  };
  first = await runSynth({ ...options, out: join(root, 'a'), truth: join(root, 'a-truth') });
  await runSynth({ ...options, out: join(root, 'b'), truth: join(root, 'b-truth') });
  await runSynth({ ...options, seed: 8, out: join(root, 'c') });
  for (const name of readdirSync(join(root, 'a')))
    files.set(name, parseXml(readFileSync(join(root, 'a', name), 'utf8')));
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('olinpe synth emission (domain §1)', () => {
  it('writes the same bytes for the same seed, other bytes for another seed', () => {
    for (const dir of ['', '-truth']) {
      const names = readdirSync(join(root, `a${dir}`)).sort();
      expect(readdirSync(join(root, `b${dir}`)).sort()).toEqual(names);
      for (const n of names)
        expect(readFileSync(join(root, `b${dir}`, n)).equals(readFileSync(join(root, `a${dir}`, n)))).toBe(
          true,
        );
    }
    const a = readFileSync(join(root, 'a', 'CD59_Olinpe_2019.xml'));
    expect(readFileSync(join(root, 'c', 'CD59_Olinpe_2019.xml')).equals(a)).toBe(false);
  });

  it('writes one file per département and year, named like CD59_Olinpe_2019.xml', () => {
    const expected = ['48', '59'].flatMap((d) =>
      [2018, 2019, 2020, 2021].map((y) => `CD${d}_Olinpe_${y}.xml`),
    );
    expect([...files.keys()].sort()).toEqual(expected.sort());
    expect(first.nFiles).toBe(8);
    const text = readFileSync(join(root, 'a', 'CD59_Olinpe_2020.xml'), 'utf8');
    expect(text).toMatch(
      /^<\?xml version="1.0" encoding="UTF-8"\?>\r\n<DECRET>\r\n<INTRO><VERSIONXSD>2.0<\/VERSIONXSD><DATEXPORT>2021-0[234]-\d\d<\/DATEXPORT><\/INTRO>/,
    );
    expect(first.nRecords).toBe([...files.values()].reduce((s, r) => s + r.length, 0));
  });

  it('puts every event in the file of its year', () => {
    for (const [name, records] of files) {
      const year = Number(/_(\d{4})\.xml$/.exec(name)?.[1]);
      expect(records.length).toBeGreaterThan(0);
      for (const r of records) {
        if (r.TYPEV === '3') expect(yearOf(r.DATFIN)).toBe(year);
        else expect([yearOf(r.DATDECPE), yearOf(r.DATDEB)]).toContain(year);
        expect(r.NUMANONYM).toMatch(/^[0-9A-F]{40}$/);
        expect(r.NUMDEP).toBe(name.slice(2, 4));
      }
    }
  });

  it('repeats the decision variables of the closed period on every end record', () => {
    const openings = new Map<string, Rec[]>();
    for (const records of files.values()) {
      for (const r of records)
        if (r.TYPEV !== '3') openings.set(keyOf(r), [...(openings.get(keyOf(r)) ?? []), r]);
    }
    let checked = 0;
    for (const records of files.values()) {
      for (const end of records.filter((r) => r.TYPEV === '3')) {
        const opened = openings.get(keyOf(end));
        if (!opened) continue; // opened before 2018: the end record stands alone
        for (const name of DECISION_VARIABLES) expect(end[name]).toBe(opened[0]?.[name]);
        const started = opened.find((o) => o.DATDEB !== '9999-99-99');
        if (started) expect(end.DATDEB).toBe(started.DATDEB);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(100);
  });

  it('sends a decision started the next year as TYPEV=1 in both files', () => {
    const byYear = (y: number) => ['59', '48'].flatMap((d) => files.get(`CD${d}_Olinpe_${y}.xml`) ?? []);
    let straddling = 0;
    for (const y of [2019, 2020, 2021]) {
      for (const r of byYear(y).filter(
        (x) => x.TYPEV === '1' && yearOf(x.DATDECPE) === y - 1 && yearOf(x.DATDEB) === y,
      )) {
        const earlier = byYear(y - 1).filter((x) => x.TYPEV === '1' && keyOf(x) === keyOf(r));
        expect(earlier.map((x) => x.DATDEB)).toEqual(['9999-99-99']);
        straddling++;
      }
    }
    expect(straddling).toBeGreaterThan(5);
  });

  it('writes the truth files with their headers', () => {
    const header = (n: string) => readFileSync(join(root, 'a-truth', n), 'utf8').split('\n')[0];
    expect(header('measures.csv')).toBe(
      'measure,child,departement,decision,nature,drees_category,block,decision_date,start_date,end_date,end_imputed,n_periods,is_left_censored',
    );
    expect(header('children.csv')).toBe(
      'child,sexe,anais,mnais,first_departement,n_departements,first_event_date',
    );
    expect(header('stock_31dec.csv')).toBe('departement,annee,drees_category,n_measures,n_children');
    const stock = readFileSync(join(root, 'a-truth', 'stock_31dec.csv'), 'utf8')
      .trim()
      .split('\n');
    expect(stock).toHaveLength(1 + 2 * 4 * 10);
    expect(readFileSync(join(root, 'a-truth', 'measures.csv'), 'utf8')).not.toMatch(/[0-9A-F]{40}/);
  });
});

describe('olinpe synth defects, one by one', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'olinpe-synth-defects-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const readAll = (out: string): Map<string, Rec[]> =>
    new Map(readdirSync(out).map((n) => [n, parseXml(readFileSync(join(out, n), 'utf8'))]));

  it('injects only the defects asked for, and links a changed number through NUMANONYMANT', async () => {
    const out = join(dir, 'changed');
    const s = await runSynth({
      out,
      departements: ['75'],
      firstYear: 2018,
      lastYear: 2021,
      scale: 0.02,
      seed: 2,
      defects: ['changed-number'],
    });
    const injected = Object.entries(s.defects)
      .filter(([, n]) => n > 0)
      .map(([d]) => d);
    expect(injected).toEqual(['changed-number']);
    const links = new Set<string>();
    for (const records of readAll(out).values()) {
      for (const r of records)
        if (r.NUMANONYMANT !== r.NUMANONYM) links.add(`${r.NUMANONYMANT}>${r.NUMANONYM}`);
    }
    expect(links.size).toBe(s.defects['changed-number']);
  });

  it('moves children between départements: a transfer, then a measure elsewhere under the same number', async () => {
    const out = join(dir, 'movers');
    const s = await runSynth({
      out,
      departements: ['59', '62'],
      firstYear: 2018,
      lastYear: 2021,
      scale: 0.02,
      seed: 2,
      defects: ['mover'],
    });
    expect(s.defects.mover).toBeGreaterThan(0);
    const numbersBy = new Map<string, Set<string>>();
    let transfers = 0;
    for (const [name, records] of readAll(out)) {
      for (const r of records) {
        if (r.MOTFININT === '3') transfers++;
        const set = numbersBy.get(r.NUMANONYM as string) ?? new Set<string>();
        set.add(name.slice(2, 4));
        numbersBy.set(r.NUMANONYM as string, set);
      }
    }
    expect(transfers).toBeGreaterThan(0);
    expect([...numbersBy.values()].filter((d) => d.size > 1).length).toBeGreaterThan(0);
  });

  it('simulates the measures outside the DREES perimeter: TISF, MJIE, accueil de jour, MJAGBF', () => {
    const all = [...files.values()].flat();
    const has = (pred: (r: Rec) => boolean) => all.some(pred);
    expect(has((r) => r.NATPDECADM === '10' && r.TYPINTERDOM === '1')).toBe(true);
    expect(has((r) => r.NATDECASSED === '14' && r.TYPDECJUD === '3')).toBe(true);
    expect(has((r) => r.NATPDECADM === '11')).toBe(true);
    expect(has((r) => r.NATDECASSED === '19')).toBe(true);
  });
});
