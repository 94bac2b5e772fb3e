import { describe, expect, it } from 'vitest';
import { parseDefects } from '../../../src/cli/commands/synth.js';
import { DEFECTS } from '../../../src/synth/index.js';

describe('olinpe synth --defects', () => {
  it('reads all, none and lists, and refuses an unknown name', () => {
    expect(parseDefects(undefined)).toEqual([...DEFECTS]);
    expect(parseDefects('all')).toEqual([...DEFECTS]);
    expect(parseDefects('none')).toEqual([]);
    expect(parseDefects('end-not-sent, missing-year')).toEqual(['end-not-sent', 'missing-year']);
    expect(() => parseDefects('end-not-sent,typo')).toThrow(/unknown defect typo/);
  });
});
