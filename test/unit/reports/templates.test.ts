/** Escaping, masking, number formats, the CSV, the verdict and the expected-use classification. */
import { describe, expect, test } from 'vitest';
import { escapeHtml, html, trusted } from '../../../src/reports/html.js';
import {
  formatInt,
  formatPercent,
  formatRatio,
  maskedCount,
  departementLabel,
  categoryLabel,
} from '../../../src/reports/labels.js';
import { csvField, findingsCsv } from '../../../src/reports/findings-csv.js';
import { verdict } from '../../../src/reports/livret.js';
import { isConditional, VARIABLE_SCOPES } from '../../../src/reports/expected-use.js';
import { variable } from '../../../src/dictionary/index.js';
import type { ReceiptRow } from '../../../src/reports/data.js';

describe('html', () => {
  test('one escaping function, applied to every interpolation but trusted markup', () => {
    expect(escapeHtml(`<a href="x">l'été & co</a>`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;l&#39;été &amp; co&lt;/a&gt;',
    );
    const name = '<script>alert(1)</script>';
    // prettier-ignore
    const markup = html`<p>${name}</p>${trusted('<svg></svg>')}${[1, null, 'b']}`;
    expect(markup.value).toBe('<p>&lt;script&gt;alert(1)&lt;/script&gt;</p><svg></svg>1b');
  });
});

describe('labels and numbers', () => {
  test('counts from 1 to 4 are masked, zero is not', () => {
    expect([0, 1, 4, 5, 1234].map(maskedCount)).toEqual(['0', '< 5', '< 5', '5', '1 234']);
    expect(maskedCount(null)).toBe('—');
  });
  test('French formats', () => {
    expect(formatInt(1234567)).toBe('1 234 567');
    expect(formatPercent(0.4642857)).toBe('46,4 %');
    expect(formatRatio(1.3)).toBe('1,30');
  });
  test('names from the dictionary and the one list of categories', () => {
    expect(departementLabel('59')).toBe('NORD (59)');
    expect(departementLabel('20')).toBe('Corse (2A et 2B)');
    expect(categoryLabel('aemo')).toBe('Actions éducatives en milieu ouvert (AEMO)');
  });
});

describe('findings.csv', () => {
  test('BOM, semicolons, CRLF, quoting, no formula', () => {
    expect(csvField('a;b')).toBe('"a;b"');
    expect(csvField('dit "non"')).toBe('"dit ""non"""');
    expect(csvField('=1+1')).toBe("'=1+1");
    expect(csvField(null)).toBe('');
    const csv = findingsCsv([
      {
        record_no: 3,
        rule: 'code-invalide',
        severity: 'warning',
        variable: 'SEXE',
        value: '7',
        message: 'Code; invalide',
        fix: null,
      },
    ]);
    expect(csv).toBe(
      '\uFEFFenregistrement;regle;gravite;variable;valeur;message;a_corriger\r\n3;code-invalide;Avertissement;SEXE;7;"Code; invalide";\r\n',
    );
  });
});

describe('verdict', () => {
  const base: ReceiptRow = {
    file_id: 'f',
    sha256: 's',
    file_name: 'x.xml',
    departement: '59',
    annee: 2020,
    decree: '2016',
    format: 'xml',
    encoding: 'UTF-8',
    datexport: null,
    received_at: '01/01/2021 à 10:00',
    status: 'active',
    n_records: 100,
    n_rejected: 10,
    n_duplicates: 2,
    superseded_by: null,
    rejection: null,
  };
  test('one line by situation', () => {
    expect(verdict(base, [])).toBe(
      'Fichier intégré avec réserves importantes : 88 enregistrements conservés sur 100 reçus, 10 rejetés, 2 doublons écartés, 0 avertissement à examiner.',
    );
    expect(verdict({ ...base, n_rejected: 1, n_duplicates: 0 }, [])).toMatch(
      /^Fichier intégré avec réserves : 99 /,
    );
    expect(verdict({ ...base, n_records: 0, n_rejected: 0, n_duplicates: 0 }, [])).toBe(
      "Fichier vide : aucun enregistrement n'a été trouvé.",
    );
    expect(verdict({ ...base, status: 'rejected', rejection: 'XML mal formé' }, [])).toMatch(
      /^Fichier refusé : XML mal formé\./,
    );
  });
});

describe('expected use', () => {
  test('conditions on other variables make a variable conditional', () => {
    const conditional = (n: string): boolean => isConditional(variable(n));
    expect(
      ['NATDECPLAC', 'TYPINTERDOM', 'DATPPE', 'MOTIFML', 'LIENA2', 'NIVSCO', 'DECAP'].map(conditional),
    ).toEqual(Array(7).fill(true));
    expect(
      ['SEXE', 'ANAIS', 'DATDEB', 'TITAP', 'HANDICAP', 'TRAITINFO', 'DATFIN', 'MOTFININT', 'ANSA1'].map(
        conditional,
      ),
    ).toEqual(Array(9).fill(false));
    const datfin = VARIABLE_SCOPES.find((s) => s.variable === 'DATFIN');
    expect(datfin).toMatchObject({ valueColumn: 'datfin_precision', unknownValue: 'unknown', typev: ['3'] });
    expect(VARIABLE_SCOPES).toHaveLength(105);
  });
});
