/**
 * Pseudonymisation (domain.md §3): a received transitional number becomes the definitive number,
 * a keyed hash with the observatory's secret key. Neither the transitional number nor the key is
 * kept anywhere by these functions.
 */
import { createHash, createHmac } from 'node:crypto';
import type { PseudonymisationMethod } from '../config.js';
import type { Pseudonymiser } from './types.js';

export type { PseudonymisationMethod };

const HEX40 = /^[0-9a-fA-F]{40}$/;
const ALL_F = /^[fF]{40}$/;

/** True when a transitional number can be linked: 40 hexadecimal characters and not 40 `f`. */
export function isUsableTransitional(v: string | null | undefined): v is string {
  return typeof v === 'string' && HEX40.test(v) && !ALL_F.test(v);
}

/** Describes an unusable transitional number without revealing it (for a finding's `value`). */
export function describeTransitional(v: string | null | undefined): string {
  if (v === null || v === undefined || v === '') return 'absent';
  if (v.length !== 40) return `longueur ${v.length}`;
  if (!HEX40.test(v)) return 'caractères non hexadécimaux';
  if (ALL_F.test(v)) return '40 f';
  return 'conforme';
}

export function createPseudonymiser(method: PseudonymisationMethod, key: string): Pseudonymiser {
  if (key === '') throw new Error('empty pseudonymisation key');
  switch (method) {
    case 'hmac-sha256':
      return (transitional) =>
        createHmac('sha256', key).update(transitional.toUpperCase(), 'utf8').digest('hex').slice(0, 40);
    case 'giped-sha1': {
      const half = (part: string): string =>
        createHash('sha1')
          .update(part + key, 'utf8')
          .digest('hex')
          .slice(0, 20);
      return (transitional) => half(transitional.slice(0, 20)) + half(transitional.slice(20, 40));
    }
    default: {
      const never: never = method;
      throw new Error(`unknown pseudonymisation method ${String(never)}`);
    }
  }
}
