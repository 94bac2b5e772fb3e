import { createHash, createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  createPseudonymiser,
  describeTransitional,
  isUsableTransitional,
} from '../../../src/values/pseudonymise.js';

// Made-up transitional number and key (synthetic).
const NUMBER = '0123456789abcdef0123456789ABCDEF01234567';
const KEY = 'cle-de-test';

describe('hmac-sha256', () => {
  const p = createPseudonymiser('hmac-sha256', KEY);
  it('matches an independent computation and a literal vector (checked with Python hmac)', () => {
    const expected = createHmac('sha256', KEY).update(NUMBER.toUpperCase()).digest('hex').slice(0, 40);
    expect(p(NUMBER)).toBe(expected);
    expect(p(NUMBER)).toBe('b1fcdddc945589b530b7da99310e50993786c79d');
  });
  it('ignores the case of hex letters', () => {
    expect(p(NUMBER.toLowerCase())).toBe(p(NUMBER.toUpperCase()));
  });
  it('depends on the key', () => {
    expect(createPseudonymiser('hmac-sha256', 'autre-cle')(NUMBER)).not.toBe(p(NUMBER));
  });
});

describe('giped-sha1', () => {
  const p = createPseudonymiser('giped-sha1', KEY);
  it('hashes each half with the key, as sent', () => {
    const half = (s: string): string =>
      createHash('sha1')
        .update(s + KEY)
        .digest('hex')
        .slice(0, 20);
    expect(p(NUMBER)).toBe(half(NUMBER.slice(0, 20)) + half(NUMBER.slice(20)));
    expect(p(NUMBER)).toBe('6c90a3ad03e61bac4bce1c8b60e4791442820650');
  });
  it('is case-sensitive like the historical code', () => {
    expect(p(NUMBER.toLowerCase())).not.toBe(p(NUMBER));
    expect(p(NUMBER)).toMatch(/^[0-9a-f]{40}$/);
  });
});

describe('usable transitional numbers', () => {
  it('accepts 40 hex in any case, refuses others and 40 f', () => {
    expect(isUsableTransitional(NUMBER)).toBe(true);
    expect(isUsableTransitional(NUMBER.slice(0, 39))).toBe(false);
    expect(isUsableTransitional(`${NUMBER.slice(0, 39)}g`)).toBe(false);
    expect(isUsableTransitional('f'.repeat(40))).toBe(false);
    expect(isUsableTransitional('fFfF'.repeat(10))).toBe(false);
    expect(isUsableTransitional(null)).toBe(false);
  });
  it('describes an unusable number without revealing it', () => {
    expect(describeTransitional(null)).toBe('absent');
    expect(describeTransitional(NUMBER.slice(0, 38))).toBe('longueur 38');
    expect(describeTransitional(`${NUMBER.slice(0, 39)}z`)).toBe('caractères non hexadécimaux');
    expect(describeTransitional('F'.repeat(40))).toBe('40 f');
  });
  it('refuses an empty key', () => {
    expect(() => createPseudonymiser('hmac-sha256', '')).toThrow();
  });
});
