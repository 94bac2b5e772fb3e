import { describe, expect, it } from 'vitest';
import { DelimitedParser, UnclosedQuoteError } from '../../../src/readers/delimited.js';

const TEXT = 'A;B;C\r\n1;"x;y";3\r\n"multi\r\nline";"say ""hi""";\nab"c;"q" tail;\n\n;;\nlast;row;end';
const EXPECTED = [
  { fields: ['A', 'B', 'C'], line: 1 },
  { fields: ['1', 'x;y', '3'], line: 2 },
  { fields: ['multi\r\nline', 'say "hi"', ''], line: 3 },
  { fields: ['ab"c', 'q tail', ''], line: 5 },
  { fields: [''], line: 6 },
  { fields: ['', '', ''], line: 7 },
  { fields: ['last', 'row', 'end'], line: 8 },
];

describe('DelimitedParser', () => {
  it('parses quoted separators, line breaks, doubled quotes, stray quotes and CR LF', () => {
    expect(new DelimitedParser(';').push(TEXT, true)).toEqual(EXPECTED);
  });

  it('gives the same rows whatever the cuts between pushes', () => {
    for (let cut = 0; cut <= TEXT.length; cut++) {
      const parser = new DelimitedParser(';');
      const rows = [...parser.push(TEXT.slice(0, cut), false), ...parser.push(TEXT.slice(cut), true)];
      expect(rows, `cut at ${cut}`).toEqual(EXPECTED);
    }
  });

  it('throws on a quote never closed, naming its line', () => {
    const parser = new DelimitedParser(',');
    expect(parser.push('a,b\n1,"open\n', false)).toEqual([{ fields: ['a', 'b'], line: 1 }]);
    expect(() => parser.push('still open\n', true)).toThrow(UnclosedQuoteError);
    expect(() => new DelimitedParser(',').push('a\n"x', true)).toThrow(
      'guillemet ouvert ligne 2 jamais fermé',
    );
  });
});
