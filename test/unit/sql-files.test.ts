import { describe, expect, it } from 'vitest';
import { quoteIdent, renderSql } from '../../src/warehouse/sql-files.js';

describe('relation templating', () => {
  it('quotes identifiers, schema-qualified ones and embedded quotes', () => {
    expect(quoteIdent('base_annee')).toBe('"base_annee"');
    expect(quoteIdent('main.periods')).toBe('"main"."periods"');
    expect(quoteIdent('a"b')).toBe('"a""b"');
  });
  it('replaces {{name}} with the bound relation, else the name itself', () => {
    expect(renderSql('select * from {{ events }} join {{x}}', { events: 'staged_events' })).toBe(
      'select * from "staged_events" join "x"',
    );
  });
});
