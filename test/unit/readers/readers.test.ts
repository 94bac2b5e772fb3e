import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { mkdtempSync, writeFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { openReader } from '../../../src/readers/index.js';
import { workerScriptPath } from '../../../src/readers/xml-pool.js';
import type { FileReader, RawRecord } from '../../../src/readers/types.js';
import { VARIABLE_INDEX } from '../../../src/dictionary/index.js';
import { FileRejectedError } from '../../../src/errors.js';

const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures', 'readers');
const N1 = '0123456789ABCDEF0123456789ABCDEF01234567';
const N2 = 'FEDCBA9876543210FEDCBA9876543210FEDCBA98';

async function readAll(reader: FileReader): Promise<{ records: RawRecord[]; firsts: number[] }> {
  const records: RawRecord[] = [];
  const firsts: number[] = [];
  for await (const batch of reader.batches()) {
    firsts.push(batch.firstRecordNo);
    records.push(...batch.records);
  }
  return { records, firsts };
}

async function read(name: string, options?: Parameters<typeof openReader>[1]) {
  const reader = await openReader(join(FIXTURES, name), options);
  const { records, firsts } = await readAll(reader);
  return { reader, records, firsts, summary: reader.summary() };
}

/** The non-null values of a record by variable name. */
function values(rec: RawRecord | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, i] of VARIABLE_INDEX) {
    const v = rec?.[i];
    if (v !== null && v !== undefined) out[name] = v;
  }
  return out;
}

async function rejection(promise: Promise<unknown>): Promise<FileRejectedError> {
  try {
    await promise;
  } catch (e) {
    if (e instanceof FileRejectedError) return e;
    throw e;
  }
  throw new Error('expected a FileRejectedError');
}

const rejectionOf = (name: string) => rejection(read(name));

describe('XML reader', () => {
  it('reads UTF-8 XML with CRLF, any element order, empty elements and entities', async () => {
    const { reader, records, firsts, summary } = await read('xml-utf8.xml');
    expect(reader.description).toEqual({
      format: 'xml',
      encoding: 'utf-8',
      delimiter: null,
      datexport: '2021-03-15',
      versionxsd: '2.0',
      notes: [],
    });
    expect(records).toHaveLength(2);
    expect(records[0]).toHaveLength(VARIABLE_INDEX.size);
    expect(values(records[0])).toEqual({
      TYPEV: '1',
      NUMANONYM: N1,
      NUMDEP: '59',
      DATDECPE: '2020-02-03',
      AUTREDA: `Aide & soutien <éducatif> "renforcé" 'AED' été`,
    });
    expect(records[0]![VARIABLE_INDEX.get('SEXE')!]).toBeNull();
    expect(records[0]![VARIABLE_INDEX.get('DATFIN')!]).toBeNull();
    expect(values(records[1])).toEqual({
      NUMDEP: '59',
      NUMANONYM: N2,
      TYPEV: '3',
      DATFIN: '2020-12-31',
      MOTFININT: '1',
    });
    expect(firsts).toEqual([1]);
    expect(summary.nRecords).toBe(2);
    expect([...summary.variablesPresent].sort()).toEqual(
      ['AUTREDA', 'DATDECPE', 'DATFIN', 'MOTFININT', 'NUMANONYM', 'NUMDEP', 'SEXE', 'TYPEV'].sort(),
    );
    expect(summary.unexpectedVariables).toEqual([]);
    expect(summary.decree).toBe('2016');
  });

  it('reads ISO-8859-1 accented free text and lower-case element names', async () => {
    const { reader, records, summary } = await read('xml-latin1.xml');
    expect(reader.description.encoding).toBe('iso-8859-1');
    expect(reader.description.versionxsd).toBe('1.22');
    expect(values(records[0])).toEqual({
      NUMANONYM: N1,
      TYPEV: '1',
      AUTREDJ: 'Placement chez la grand-mère à Besançon',
    });
    expect(summary.decree).toBe('2016');
  });

  it('detects the 2011 decree from CODEV and lists the 2011 names as unexpected', async () => {
    const { records, summary } = await read('xml-decret-2011.xml');
    expect(records).toHaveLength(2);
    expect(values(records[0])).toEqual({ NUMANONYM: N1, SEXE: '1' });
    expect(summary.unexpectedVariables).toEqual(['CODEV', 'DATDEBAD', 'DATDEBPLAC']);
    expect(summary.decree).toBe('2011');
  });

  it('falls back to a full parser for comments, CDATA and attributes with the same result', async () => {
    const { reader, records } = await read('xml-comments-cdata.xml');
    expect(reader.description.datexport).toBe('2021-02-02');
    expect(reader.description.notes).toEqual([]);
    expect(records.map(values)).toEqual([
      { NUMANONYM: N1, TYPEV: '1', AUTREDA: 'a < b & c' },
      { NUMANONYM: N2, TYPEV: '2' },
    ]);
  });

  it('reads a file declared UTF-8 holding Windows-1252 bytes and notes it', async () => {
    const { reader, records, summary } = await read('xml-declared-utf8-latin1.xml');
    expect(values(records[0]).AUTREDA).toBe('Suivi éducatif œuvre');
    expect(summary.notes).toEqual([
      { rule: 'intro-absente', value: null },
      { rule: 'encodage-non-conforme', value: null },
    ]);
    expect(reader.description.notes).toEqual(summary.notes);
  });

  it('rejects a truncated file, naming the line', async () => {
    const e = await rejectionOf('xml-truncated.xml');
    expect(e.rule).toBe('xml-mal-forme');
    expect(e.message).toBe(
      'Fichier XML mal formé, ligne 4 (octet 264), enregistrement n°2 : élément <TYPEV> non fermé : le fichier est tronqué.',
    );
  });

  it('rejects a file without </DECRET>', async () => {
    const e = await rejectionOf('xml-no-closing-root.xml');
    expect(e.rule).toBe('xml-mal-forme');
    expect(e.message).toContain('balise </DECRET> absente : le fichier est tronqué');
  });

  it('rejects mismatched tags with their line', async () => {
    const e = await rejectionOf('xml-mismatched.xml');
    expect(e.rule).toBe('xml-mal-forme');
    expect(e.message).toBe(
      'Fichier XML mal formé, ligne 4 (octet 111), enregistrement n°1 : balise fermante </TYPEW> au lieu de </TYPEV>.',
    );
  });

  it('rejects binary content, an empty file, a file without DONNEE, unsupported encodings', async () => {
    expect((await rejectionOf('binary.xml')).rule).toBe('fichier-illisible');
    expect((await rejectionOf('binary.xml')).message).toContain('Fichier binaire');
    expect((await rejectionOf('empty.xml')).rule).toBe('fichier-vide');
    const noDonnee = await rejectionOf('xml-no-donnee.xml');
    expect(noDonnee.rule).toBe('fichier-vide');
    expect(noDonnee.message).toBe('Fichier XML sans aucun enregistrement <DONNEE>.');
    const latin9 = await rejectionOf('xml-unsupported-encoding.xml');
    expect(latin9.rule).toBe('fichier-illisible');
    expect(latin9.message).toContain('ISO-8859-15');
    expect((await rejectionOf('xml-utf16.xml')).message).toContain('UTF-16');
    const missing = await rejection(openReader(join(FIXTURES, 'does-not-exist.xml')));
    expect(missing.rule).toBe('fichier-illisible');
  });
});

describe('delimited text reader', () => {
  it('reads `;` UTF-8 with a BOM', async () => {
    const { reader, records, summary } = await read('csv-semicolon-bom.csv');
    expect(reader.description).toEqual({
      format: 'csv',
      encoding: 'utf-8',
      delimiter: ';',
      datexport: null,
      versionxsd: null,
      notes: [],
    });
    expect(records.map(values)).toEqual([
      { NUMANONYM: N1, TYPEV: '1', NUMDEP: '59', AUTREDA: 'Aide éducative', DATDECPE: '2020-02-03' },
      { NUMANONYM: N2, TYPEV: '3', NUMDEP: '59' },
    ]);
    expect(summary.nRecords).toBe(2);
    expect([...summary.variablesPresent].sort()).toEqual([
      'AUTREDA',
      'DATDECPE',
      'NUMANONYM',
      'NUMDEP',
      'TYPEV',
    ]);
    expect(summary.decree).toBe('2016');
  });

  it('reads `,` Windows-1252 with quoted separators, newlines and quotes; lists unexpected columns', async () => {
    const { reader, records, summary } = await read('csv-comma-cp1252.csv');
    expect(reader.description.encoding).toBe('windows-1252');
    expect(reader.description.delimiter).toBe(',');
    expect(records.map(values)).toEqual([
      { NUMANONYM: N1, TYPEV: '1', AUTREDJ: 'Placement, chez la grand-mère\nà Besançon (€ 20)' },
      { NUMANONYM: N2, TYPEV: '2', AUTREDJ: 'Dit "urgent"' },
    ]);
    expect(summary.unexpectedVariables).toEqual(['DOUBLON', 'CODEX']);
  });

  it('reads tab-separated text with a lower-case header, skipping empty lines', async () => {
    const { reader, records, firsts } = await read('tsv-lowercase.tsv', { batchSize: 1 });
    expect(reader.description.delimiter).toBe('\t');
    expect(records.map(values)).toEqual([
      { NUMANONYM: N1, TYPEV: '1', SEXE: '2' },
      { NUMANONYM: N2, TYPEV: '2' },
    ]);
    expect(firsts).toEqual([1, 2]);
  });

  it('rejects a header without NUMANONYM, and a header without records', async () => {
    const e = await rejectionOf('csv-no-numanonym.csv');
    expect(e.rule).toBe('numanonym-absent-du-fichier');
    expect((await rejectionOf('csv-header-only.csv')).rule).toBe('fichier-vide');
  });
});

describe('delimited text edge cases', () => {
  async function readCsv(text: string, options?: Parameters<typeof openReader>[1]) {
    const dir = mkdtempSync(join(tmpdir(), 'olinpe-readers-'));
    try {
      const path = join(dir, 'f.csv');
      writeFileSync(path, text);
      const reader = await openReader(path, options);
      const { records, firsts } = await readAll(reader);
      return { records, firsts, summary: reader.summary(), reader };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  it('skips separator-only lines, notes rows of the wrong width, ignores blank header cells', async () => {
    const { records, summary } = await readCsv(`NUMANONYM;TYPEV;\n${N1};1;\n;;\n${N2};2;;extra\n${N1}\n`);
    expect(records.map(values)).toEqual([
      { NUMANONYM: N1, TYPEV: '1' },
      { NUMANONYM: N2, TYPEV: '2' },
      { NUMANONYM: N1 },
    ]);
    expect(summary.notes).toEqual([{ rule: 'nombre-de-colonnes-incorrect', value: '2' }]);
    expect(summary.unexpectedVariables).toEqual([]);
    expect(summary.decree).toBe('2016');
  });

  it('reads a large file in many blocks with quoted line breaks across block ends', async () => {
    const lines = ['NUMANONYM,AUTREDA'];
    for (let i = 0; i < 5000; i++) lines.push(`${N1},"texte ${i}\nsuite, ""${i}"""`);
    const { records, firsts } = await readCsv(lines.join('\r\n') + '\r\n', {
      chunkBytes: 4096,
      batchSize: 1000,
    });
    expect(records).toHaveLength(5000);
    expect(values(records[4321])).toEqual({ NUMANONYM: N1, AUTREDA: 'texte 4321\nsuite, "4321"' });
    expect(firsts).toEqual([1, 1001, 2001, 3001, 4001]);
  });

  it('reads a quoted header, and detects the separator outside quotes', async () => {
    const { reader, records } = await readCsv(`"NumAnonym","TYPEV;x"\r\n"${N1}","1"\r\n`);
    expect(reader.description.delimiter).toBe(',');
    expect(records.map(values)).toEqual([{ NUMANONYM: N1 }]);
    expect(reader.summary().unexpectedVariables).toEqual(['TYPEV;X']);
  });

  it('rejects a quote never closed', async () => {
    const e = await rejection(readCsv(`NUMANONYM;AUTREDA\n${N1};"ouvert\n${N2};x\n`));
    expect(e.rule).toBe('fichier-illisible');
    expect(e.message).toBe('Fichier texte mal formé : guillemet ouvert ligne 2 jamais fermé.');
  });
});

describe('XML well-formedness and edge cases', () => {
  const header = '<?xml version="1.0" encoding="UTF-8"?>\n<DECRET>\n';
  async function readText(text: string | Buffer, options?: Parameters<typeof openReader>[1]) {
    const dir = mkdtempSync(join(tmpdir(), 'olinpe-readers-'));
    try {
      const path = join(dir, 'f.xml');
      writeFileSync(path, text);
      const reader = await openReader(path, options);
      const { records } = await readAll(reader);
      return { records, summary: reader.summary() };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  it('keeps the first non-empty value of a repeated element and notes it; reads <DONNEE/>', async () => {
    const { records, summary } = await readText(
      `${header}<DONNEE><TYPEV/><TYPEV>2</TYPEV><TYPEV>3</TYPEV><NUMANONYM>${N1}</NUMANONYM></DONNEE><DONNEE/>\n</DECRET>`,
    );
    expect(records.map(values)).toEqual([{ TYPEV: '2', NUMANONYM: N1 }, {}]);
    expect(summary.notes).toEqual([
      { rule: 'intro-absente', value: null },
      { rule: 'variable-repetee', value: 'TYPEV' },
    ]);
  });

  it('normalises CR LF inside a value to LF and trims XML white space only', async () => {
    const { records } = await readText(
      `${header}<DONNEE><AUTREDA>\r\n ligne 1\r\nligne 2 \t</AUTREDA></DONNEE></DECRET>`,
    );
    expect(values(records[0])).toEqual({ AUTREDA: 'ligne 1\nligne 2' });
  });

  it('rejects an unknown entity, a forbidden character, text after the root, a bad closing tag', async () => {
    const cases: [string, string][] = [
      [`<DONNEE><AUTREDA>A & B</AUTREDA></DONNEE></DECRET>`, "référence d'entité invalide « & B »"],
      [`<DONNEE><AUTREDA>A \u0001 B</AUTREDA></DONNEE></DECRET>`, 'caractère interdit en XML (U+0001)'],
      [`<DONNEE><TYPEV>1</TYPEV></DONNEE></DECRET><DONNEE/>`, 'XML mal formé'],
      [`<DONNEE><TYPEV>1</TYPEV></DONNE></DECRET>`, 'balise fermante </DONNE> inattendue dans <DONNEE>'],
      [
        `<DONNEE><TYPEV>1</TYPEV></DONNEE></INTRO>`,
        'balise fermante </INTRO> inattendue (attendu </DECRET>)',
      ],
    ];
    for (const [body, message] of cases) {
      const e = await rejection(readText(header + body));
      expect(e.rule).toBe('xml-mal-forme');
      expect(e.message).toContain(message);
    }
  });

  it('rejects a root other than DECRET, and a DONNEE outside the root', async () => {
    const other = await rejection(readText('<?xml version="1.0"?><html><DONNEE/></html>'));
    expect(other.rule).toBe('fichier-illisible');
    expect(other.message).toContain('Élément racine <html>');
    const inIntro = await rejection(readText('<DECRET><INTRO><DONNEE/></INTRO></DECRET>'));
    expect(inIntro.rule).toBe('xml-mal-forme');
    expect(inIntro.message).toContain('premier élément <DONNEE> dans <DECRET><INTRO>');
  });

  it('accepts white space before the XML declaration; rejects DONNEE without a root', async () => {
    const { records } = await readText(
      `\r\n  ${header}<DONNEE><NUMANONYM>${N1}</NUMANONYM></DONNEE></DECRET>`,
    );
    expect(records.map(values)).toEqual([{ NUMANONYM: N1 }]);
    const noRoot = await rejection(readText(`<DONNEE><NUMANONYM>${N1}</NUMANONYM></DONNEE>`));
    expect(noRoot.message).toBe('Fichier XML mal formé : premier élément <DONNEE> hors de <DECRET>.');
  });

  it('ignores elements other than DONNEE between the records', async () => {
    const { records } = await readText(
      `${header}<DONNEE><TYPEV>1</TYPEV></DONNEE><INTRO><DATEXPORT>2020-01-01</DATEXPORT></INTRO><DONNEE><TYPEV>2</TYPEV></DONNEE></DECRET>`,
    );
    expect(records.map(values)).toEqual([{ TYPEV: '1' }, { TYPEV: '2' }]);
  });

  it('decodes non-ASCII element names and values from their bytes (UTF-8, Windows-1252)', async () => {
    const body = `<DONNEE><DATÉ>1</DATÉ><AUTREDA> Œuvre « été » 20 € </AUTREDA></DONNEE></DECRET>`;
    const utf8 = await readText(header + body);
    expect(utf8.records.map(values)).toEqual([{ AUTREDA: 'Œuvre « été » 20 €' }]);
    expect(utf8.summary.unexpectedVariables).toEqual(['DATÉ']);
    const cp1252Text = (header.replace('UTF-8', 'windows-1252') + body)
      .replace('Œ', '\x8c')
      .replace('€', '\x80');
    const cp1252 = await readText(Buffer.from(cp1252Text, 'latin1'));
    expect(cp1252.records.map(values)).toEqual([{ AUTREDA: 'Œuvre « été » 20 €' }]);
  });

  it('stops the workers when the reading is abandoned', async () => {
    const parts = [header];
    for (let i = 0; i < 2000; i++)
      parts.push(`<DONNEE><NUMANONYM>${N1}</NUMANONYM><TYPEV>1</TYPEV></DONNEE>\n`);
    parts.push('</DECRET>');
    const dir = mkdtempSync(join(tmpdir(), 'olinpe-readers-'));
    try {
      const path = join(dir, 'f.xml');
      writeFileSync(path, parts.join(''));
      const reader = await openReader(path, { workers: 2, chunkBytes: 4096, batchSize: 10 });
      let seen = 0;
      for await (const batch of reader.batches()) {
        seen += batch.records.length;
        if (seen >= 30) break;
      }
      expect(seen).toBe(30);
      expect(() => reader.summary()).toThrow('summary() is available once batches() has been fully consumed');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('chunked XML with worker threads', () => {
  function bigXml(n: number): string {
    const parts = [
      '<?xml version="1.0" encoding="UTF-8"?>\r\n<DECRET><INTRO><VERSIONXSD>2.0</VERSIONXSD></INTRO>\r\n',
    ];
    for (let i = 0; i < n; i++) {
      const id = i.toString(16).toUpperCase().padStart(40, '0');
      const extra = i === 1500 ? '<!-- c -->' : '';
      const text = i % 5 === 0 ? `<AUTREDA>Libellé n°${i} &amp; suite</AUTREDA>` : '<AUTREDA/>';
      parts.push(
        `<DONNEE>\r\n<NUMANONYM>${id}</NUMANONYM>${extra}<TYPEV>${(i % 3) + 1}</TYPEV>${text}<SEXE>${(i % 2) + 1}</SEXE><ZZ${i % 3}>x</ZZ${i % 3}>\r\n</DONNEE>\r\n`,
      );
    }
    parts.push('</DECRET>\r\n');
    return parts.join('');
  }

  it('reads a UTF-8 file with one Windows-1252 record, chunk by chunk in the workers, and notes it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'olinpe-readers-'));
    try {
      const parts = [Buffer.from('<?xml version="1.0" encoding="UTF-8"?>\n<DECRET><INTRO/>\n')];
      for (let i = 0; i < 400; i++) {
        const text =
          i === 390
            ? Buffer.from('<AUTREDA>mère</AUTREDA>', 'latin1')
            : Buffer.from('<AUTREDA>père</AUTREDA>');
        parts.push(Buffer.from(`<DONNEE><NUMANONYM>${N1}</NUMANONYM>`), text, Buffer.from('</DONNEE>\n'));
      }
      parts.push(Buffer.from('</DECRET>\n'));
      const path = join(dir, 'mixed.xml');
      writeFileSync(path, Buffer.concat(parts));
      const reader = await openReader(path, { workers: 2, chunkBytes: 2048 });
      const { records } = await readAll(reader);
      expect(records.map((r) => values(r).AUTREDA)).toEqual(
        Array.from({ length: 400 }, (_, i) => (i === 390 ? 'mère' : 'père')),
      );
      expect(reader.summary().notes).toEqual([{ rule: 'encodage-non-conforme', value: null }]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('gives the same records in the same order with several workers as with one', async () => {
    expect(existsSync(workerScriptPath())).toBe(true);
    const dir = mkdtempSync(join(tmpdir(), 'olinpe-readers-'));
    try {
      const path = join(dir, 'big.xml');
      writeFileSync(path, bigXml(3000));
      const plain = await openReader(path, { workers: 1 });
      const whole = await readAll(plain);
      const one = await openReader(path, { workers: 1, chunkBytes: 8192, batchSize: 100 });
      const a = await readAll(one);
      const many = await openReader(path, { workers: 3, chunkBytes: 8192, batchSize: 100 });
      const b = await readAll(many);
      expect(a.records).toHaveLength(3000);
      expect(whole.records).toEqual(a.records);
      expect(whole.firsts).toEqual([1]);
      expect(b.records).toEqual(a.records);
      expect(b.firsts).toEqual(a.firsts);
      expect(values(b.records[2999])).toEqual({
        NUMANONYM: (2999).toString(16).toUpperCase().padStart(40, '0'),
        TYPEV: '3',
        SEXE: '2',
      });
      expect(values(b.records[2995]).AUTREDA).toBe('Libellé n°2995 & suite');
      expect(many.summary().unexpectedVariables).toEqual(['ZZ0', 'ZZ1', 'ZZ2']);
      expect(many.summary().nRecords).toBe(3000);
      expect(one.summary()).toEqual(many.summary());

      writeFileSync(
        path,
        Buffer.from(bigXml(3000).replace('encoding="UTF-8"', 'encoding="ISO-8859-1"'), 'latin1'),
      );
      const latin1 = await readAll(await openReader(path, { workers: 2, chunkBytes: 8192, batchSize: 100 }));
      expect(latin1.records).toEqual(a.records);

      const truncated = bigXml(3000).slice(0, -400);
      const complete = truncated.split('</DONNEE>').length - 1;
      writeFileSync(path, truncated);
      const broken = await openReader(path, { workers: 2, chunkBytes: 8192 });
      const e = await rejection(readAll(broken));
      expect(e.rule).toBe('xml-mal-forme');
      expect(e.message).toMatch(
        new RegExp(
          `enregistrement n°${complete + 1} : élément <\\w+> non fermé : le fichier est tronqué\\.$`,
        ),
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
