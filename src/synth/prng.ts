/**
 * Seeded pseudo-random numbers (sfc32 seeded by a string hash): the synthetic data never uses
 * Math.random, so a seed always gives the same bytes.
 */

/** xmur3: a 32-bit string hash used to seed generators from readable labels. */
function hashString(text: string): () => number {
  let h = 1779033703 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    h = Math.imul(h ^ text.charCodeAt(i), 3432918353);
    h = (h << 13) | (h >>> 19);
  }
  return () => {
    h = Math.imul(h ^ (h >>> 16), 2246822507);
    h = Math.imul(h ^ (h >>> 13), 3266489909);
    h ^= h >>> 16;
    return h >>> 0;
  };
}

export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(label: string) {
    const seed = hashString(label);
    this.a = seed();
    this.b = seed();
    this.c = seed();
    this.d = seed();
    for (let i = 0; i < 12; i++) this.nextUint32();
  }

  nextUint32(): number {
    this.a >>>= 0;
    this.b >>>= 0;
    this.c >>>= 0;
    this.d >>>= 0;
    let t = (this.a + this.b) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.d = (this.d + 1) | 0;
    t = (t + this.d) | 0;
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.nextUint32() / 4294967296;
  }

  /** Integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** Picks by relative weights. */
  weighted<T>(items: readonly (readonly [T, number])[]): T {
    const total = items.reduce((s, [, w]) => s + w, 0);
    let u = this.next() * total;
    for (const [item, w] of items) {
      u -= w;
      if (u < 0) return item;
    }
    return (items[items.length - 1] as readonly [T, number])[0];
  }

  /** 40 upper-case hexadecimal characters (a transitional number). */
  hex40(): string {
    let out = '';
    for (let i = 0; i < 5; i++) out += this.nextUint32().toString(16).toUpperCase().padStart(8, '0');
    return out;
  }
}

/** A generator for one labelled purpose under one seed (e.g. `rngFor(seed, 'dept', '59')`). */
export function rngFor(seed: number, ...labels: string[]): Rng {
  return new Rng(`${seed}|${labels.join('|')}`);
}

/** Golden-ratio low-discrepancy sequence: evenly spread quantiles, so small samples match their law. */
export function goldenQuantile(index: number, offset: number): number {
  const x = offset + index * 0.6180339887498949;
  return x - Math.floor(x);
}
