/**
 * The reports rendered in headless Chromium: what a person sees (figures equal to the tables,
 * French labels, "< 5" masking), nothing identifying in any file, no network, screenshots kept.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { buildReports } from '../../../src/reports/index.js';
import { CATEGORY_LABELS, maskedCount } from '../../../src/reports/labels.js';
import { logger } from '../../../src/log.js';
import { query, withDuckDB } from '../../../src/warehouse/duckdb.js';
import { PROJECT_ROOT } from '../../../src/warehouse/sql-files.js';
import {
  buildFixture,
  DREES_CSV,
  FAKE_CHILD_ID,
  FAKE_NUMANONYM,
  STOCK,
} from '../../fixtures/reports/warehouse.js';

/** An element as the browser shows it (the DOM types are not in this project's lib). */
type Shown = { innerText: string };

const SHOTS = join(PROJECT_ROOT, 'test-output', 'reports');
let root: string;
let reports: string;
let warehouse: string;
let browser: Browser;
let page: Page;
const requests: string[] = [];

function allFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? allFiles(p) : [p];
  });
}

/** Opens a report and returns the text of the page as a person sees it. */
async function open(relative: string, shot?: string): Promise<string> {
  await page.goto(`file://${join(reports, relative)}`);
  if (shot) await page.screenshot({ path: join(SHOTS, shot), fullPage: true });
  return page.innerText('body');
}

/** Cells of the row of `table` whose first cell is `label`. */
async function rowCells(table: string, label: string): Promise<string[]> {
  return page.$$eval(
    `${table} tr`,
    (rows, l) => {
      const row = rows.find((r) => r.children[0]?.textContent?.trim() === l);
      return row ? [...row.children].map((c) => (c as unknown as Shown).innerText.trim()) : [];
    },
    label,
  );
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'olinpe-reports-'));
  const fixture = await buildFixture(root);
  warehouse = fixture.warehouse;
  reports = join(root, 'reports');
  const result = await buildReports(
    {
      warehouse,
      basesDir: fixture.bases,
      reportsDir: reports,
      dreesReference: DREES_CSV,
      generatedAt: new Date('2026-11-28T12:00:00Z'),
    },
    logger(),
  );
  expect(result.files).toBe(12);
  mkdirSync(SHOTS, { recursive: true });
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  page.on('request', (r) => requests.push(r.url()));
});

afterAll(async () => {
  await browser?.close();
  rmSync(root, { recursive: true, force: true });
});

describe('index', () => {
  test('coverage matrix, national figures and links to every report', async () => {
    const text = await open('index.html', 'index.png');
    expect(text).toContain('Couverture des Bases Années');
    expect(await rowCells('table.coverage', 'NORD (59)')).toEqual([
      'NORD (59)',
      'reçu',
      'reçu, corrigé\n1 remplacé',
    ]);
    expect(await rowCells('table.coverage', 'LOZERE (48)')).toEqual(['LOZERE (48)', 'manquant', 'refusé']);
    expect(await rowCells('table.coverage', 'AIN (01)')).toEqual(['AIN (01)', 'manquant', 'manquant']);
    expect(await rowCells('table.national', '2020')).toEqual(['2020', '2', '4', '1', '7', '0']);
    expect(await rowCells('table.stock-france', "Placements judiciaires à l'ASE")).toEqual([
      "Placements judiciaires à l'ASE",
      '120',
      '330',
    ]);
    const links = await page.$$eval('a', (as) => as.map((a) => a.getAttribute('href') ?? ''));
    expect(links.filter((l) => l.endsWith('livret.html')).sort()).toEqual(
      expect.arrayContaining([
        '48/2020/livret.html',
        '59/2019/livret.html',
        '59/2020/livret.html',
        '75/2020/livret.html',
      ]),
    );
    for (const l of links) expect(statSync(join(reports, l)).isFile()).toBe(true);
  });
});

describe('livret', () => {
  test('a corrected file: identity, verdict, findings by rule, completeness, changes', async () => {
    const text = await open('59/2020/livret.html', 'livret-59-2020.png');
    expect(text).toContain("Livret d'échanges — NORD (59) — Base Année 2020");
    expect(await page.innerText('p.verdict')).toBe(
      'Fichier intégré sans rejet : 4 enregistrements conservés sur 5 reçus, 0 rejeté, 1 doublon écarté, 3 avertissements à examiner.',
    );
    expect(text).toContain('c3'.repeat(32));
    expect(text).toContain('10/04/2021 à 14:30');
    expect(await rowCells('table.rules', 'datfin-avant-datdeb')).toEqual([
      'datfin-avant-datdeb',
      'Avertissement',
      '2',
      '2',
      'DATFIN',
      'Date de fin (DATFIN) antérieure à la date de début (DATDEB).',
    ]);
    const examples = await page.$$eval('section.rule table.examples tr', (rows) =>
      rows.map((r) => (r as unknown as Shown).innerText.replace(/\t/g, '|')),
    );
    expect(examples).toContain('2|DATFIN|2019-12-31|DATFIN antérieure à DATDEB');
    expect(text).toContain('À corriger :');
    expect(await rowCells('table.completeness', '5')).toEqual([
      '5',
      'SEXE',
      'Sexe du mineur/majeur',
      '4',
      '4',
      '3',
      '75,0 %',
    ]);
    // DATFIN is expected on the two end records only; one gives an unknown date.
    expect(await rowCells('table.completeness', '100')).toEqual(
      expect.arrayContaining(['DATFIN', '2', '2', '1', '50,0 %']),
    );
    expect(text).toContain(
      "Comparaison avec le fichier qu'il remplace pour la même année (CD59_Olinpe_2020.csv, reçu le 01/03/2021 à 09:00).",
    );
    expect(await rowCells('table.changes', 'Enregistrements rejetés')).toEqual([
      'Enregistrements rejetés',
      '2',
      '0',
      '−2',
    ]);
    expect(await rowCells('table.changes', 'Erreurs')).toEqual(['Erreurs', '2', '0', '−2']);
    const newRules = await page.innerText('h3:has-text("Nouvelles règles") + ul');
    expect(newRules).toContain('datfin-avant-datdeb');
    expect(await page.innerText('h3:has-text("ne sont plus en défaut") + ul')).toContain(
      'numanonym-inutilisable',
    );
    expect(text).toMatch(/SEXE\tSexe du mineur\/majeur\t33,3 %\t75,0 %\t\+41,7/);
  });

  test('the score of the livret is the one of the dashboard and of the comparison', async () => {
    await open('59/2020/livret.html');
    const score = await page.$$eval(
      'dl.identity dt',
      (dts) =>
        (dts.find((d) => d.textContent === 'Score de qualité')?.nextElementSibling as unknown as Shown)
          .innerText,
    );
    expect(score).toMatch(/^\d+ \/ 100$/);
    expect((await rowCells('table.changes', 'Score de qualité'))[2]).toBe(score.replace(' / 100', ''));
    await open('59/tableau-de-bord.html');
    expect((await rowCells('table.scores', '2020'))[1]).toBe(score.replace(' / 100', ''));
  });

  test('masks pseudonymous numbers among the examples', async () => {
    const text = await open('59/2019/livret.html', 'livret-59-2019.png');
    expect(text).toContain('Premier fichier reçu de ce département : pas de comparaison.');
    const examples = await page.$$eval('section.rule table.examples tr', (rows) =>
      rows.map((r) => (r as unknown as Shown).innerText.replace(/\t/g, '|')),
    );
    expect(examples).toContain('2|NUMANONYM|(masqué)|NUMANONYM inutilisable');
  });

  test('a rejected file says so in one line', async () => {
    await open('48/2020/livret.html', 'livret-48-2020.png');
    expect(await page.innerText('p.verdict')).toBe(
      "Fichier refusé : XML mal formé. Aucun enregistrement n'a été intégré : corrigez et renvoyez le fichier.",
    );
    expect(await page.innerText('section.rule p')).toBe(
      'Erreur (enregistrement rejeté) — 1 constat sur le fichier entier.',
    );
    expect(await rowCells('section.rule table.examples', 'fichier')).toEqual([
      'fichier',
      '',
      '',
      'XML mal formé à la ligne 3',
    ]);
  });
});

describe('tableau de bord', () => {
  test('stock by category equals stock_31dec, small counts shown as "< 5"', async () => {
    const text = await open('59/tableau-de-bord.html', 'tableau-de-bord-59.png');
    expect(text).toContain('Tableau de bord — NORD (59)');
    const rows = await withDuckDB(':memory:', async (conn) => {
      await conn.run(`attach '${warehouse}' as w (read_only)`);
      return query<{ annee: number; drees_category: string; n_measures: number }>(
        conn,
        "select annee::integer as annee, drees_category, n_measures from w.stock_31dec where departement = '59'",
      );
    });
    expect(rows).toHaveLength(18);
    for (const c of CATEGORY_LABELS) {
      const cells = await rowCells('table.stock', c.labelFr);
      const y2019 = rows.find((r) => r.annee === 2019 && r.drees_category === c.code)!.n_measures;
      const y2020 = rows.find((r) => r.annee === 2020 && r.drees_category === c.code)!.n_measures;
      expect(cells.slice(0, 3)).toEqual([c.labelFr, maskedCount(y2019), maskedCount(y2020)]);
    }
    expect(await rowCells('table.stock', "Tutelles déférées à l'ASE")).toEqual([
      "Tutelles déférées à l'ASE",
      '< 5',
      '< 5',
      '—',
      '7',
      '1,0 %',
    ]);
    expect(await rowCells('table.stock', "Placements judiciaires à l'ASE")).toEqual([
      "Placements judiciaires à l'ASE",
      '120',
      '130',
      '46,4 %',
      '330',
      '44,9 %',
    ]);
    expect(await rowCells('table.stock', 'Ensemble')).toEqual([
      'Ensemble',
      '247',
      '280',
      '100,0 %',
      '735',
      '100,0 %',
    ]);
    expect(STOCK['59|2020']?.reduce((a, b) => a + b, 0)).toBe(280);
    const svg = await page.$eval('svg', (s) => s.textContent ?? '');
    expect(svg).toContain("Placements judiciaires à l'ASE");
    expect(svg).toContain('< 5');
  });

  test('DREES comparison with ratios, France beside', async () => {
    await open('59/tableau-de-bord.html');
    expect(await rowCells('table.drees', "Placements judiciaires à l'ASE")).toEqual([
      "Placements judiciaires à l'ASE",
      '130',
      '100',
      '1,30',
      '330',
      '350',
      '0,94',
    ]);
    expect(await rowCells('table.drees', 'Actions éducatives en milieu ouvert (AEMO)')).toEqual([
      'Actions éducatives en milieu ouvert (AEMO)',
      '70',
      'non répondu',
      '—',
      '—',
      '—',
      '—',
    ]);
    expect(await rowCells('table.drees', "Pupilles de l'État")).toEqual([
      "Pupilles de l'État",
      '< 5',
      '< 5',
      '—',
      '< 5',
      '< 5',
      '0,50',
    ]);
  });

  test('entries and exits, ages, durations, placements, quality', async () => {
    await open('59/tableau-de-bord.html');
    expect(await rowCells('table.entries', '2019')).toEqual(['2019', '7', '< 5', '7', '< 5']);
    expect(await rowCells('table.durations', "Placements judiciaires à l'ASE")).toEqual([
      "Placements judiciaires à l'ASE",
      '6',
      '11,5',
      '6',
      '11,5',
    ]);
    expect(await rowCells('table.placements', '2020')).toEqual(['2020', '165', '280', '58,9 %', '59,9 %']);
    expect(await rowCells('table.agesex', 'Ensemble')).toEqual([
      'Ensemble',
      '< 5',
      '< 5',
      '0',
      '< 5',
      '100,0 %',
      '100,0 %',
    ]);
    expect((await rowCells('table.scores', '2019'))[0]).toBe('2019');
  });
});

describe('print', () => {
  test('prints without navigation, to A4 pages', async () => {
    await open('59/tableau-de-bord.html');
    await page.emulateMedia({ media: 'print' });
    expect(await page.isVisible('nav')).toBe(false);
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await page.emulateMedia({ media: 'screen' });
    expect(await page.isVisible('nav')).toBe(true);
  });
});

describe('every file', () => {
  test('no pseudonymous number, no network, self-contained', () => {
    const files = allFiles(reports);
    expect(files.filter((f) => f.endsWith('.html'))).toHaveLength(8);
    for (const f of files) {
      const text = readFileSync(f, 'utf8');
      expect(text).not.toContain(FAKE_CHILD_ID);
      expect(text).not.toContain(FAKE_NUMANONYM);
      expect(text).not.toMatch(/child_id/i);
      if (f.endsWith('.html')) {
        expect(text).not.toMatch(/<script|<link|<img|<iframe|src="http|url\(http/i);
      }
    }
    expect(requests.every((u) => u.startsWith('file://') || u.startsWith('data:'))).toBe(true);
  });

  test('findings.csv opens in Excel: BOM, semicolons, French headers', () => {
    const csv = readFileSync(join(reports, '59', '2020', 'findings.csv'), 'utf8');
    expect(csv.startsWith('\uFEFFenregistrement;regle;gravite;variable;valeur;message;a_corriger\r\n')).toBe(
      true,
    );
    const lines = csv.slice(1).trimEnd().split('\r\n');
    expect(lines).toHaveLength(4);
    expect(
      lines[1]?.startsWith(
        '2;datfin-avant-datdeb;Avertissement;DATFIN;2019-12-31;DATFIN antérieure à DATDEB;',
      ),
    ).toBe(true);
    const rejected = readFileSync(join(reports, '59', '2019', 'findings.csv'), 'utf8');
    expect(rejected).toContain('2;numanonym-inutilisable;Erreur (enregistrement rejeté);NUMANONYM;(masqué);');
  });
});
