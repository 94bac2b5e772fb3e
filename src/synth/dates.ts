/** Calendar arithmetic on whole days since 1970-01-01 (UTC), the simulation's clock. */

const MS_PER_DAY = 86_400_000;

export type Day = number;

export function dayOf(year: number, month: number, day: number): Day {
  return Math.round(Date.UTC(year, month - 1, day) / MS_PER_DAY);
}

export function isoOf(day: Day): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

export function yearOf(day: Day): number {
  return new Date(day * MS_PER_DAY).getUTCFullYear();
}

export function monthOf(day: Day): number {
  return new Date(day * MS_PER_DAY).getUTCMonth() + 1;
}

export function dec31(year: number): Day {
  return dayOf(year, 12, 31);
}

export function jan1(year: number): Day {
  return dayOf(year, 1, 1);
}

/** The day a person born on the 1st of (birthYear, birthMonth) reaches `age` years. */
export function birthday(birthYear: number, birthMonth: number, age: number): Day {
  return dayOf(birthYear + age, birthMonth, 1);
}

export const DAYS_PER_YEAR = 365.25;

/**
 * Typed value of a date as written in a record, for computations (domain §2): unknown day → 15th,
 * unknown month → 1 July; `9999-99-99`, `0000-00-00` or empty → null.
 */
export function computationDay(text: string | null): Day | null {
  if (text === null || text === '') return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return null;
  const [, y, mo, d] = m as unknown as [string, string, string, string];
  if (y === '9999' || y === '0000') return null;
  if (mo === '99' || mo === '00') return dayOf(Number(y), 7, 1);
  if (d === '99' || d === '00') return dayOf(Number(y), Number(mo), 15);
  return dayOf(Number(y), Number(mo), Number(d));
}
