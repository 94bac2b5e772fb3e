import { describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { defineStage, orderStages, runStages } from '../../../src/runner/stage.js';

const log = pino({ level: 'silent' });
type Ctx = { trail: string[] };
const stage = (name: string, dependsOn: string[], fail = false) =>
  defineStage<Ctx>({
    name,
    dependsOn,
    async run(ctx) {
      ctx.trail.push(name);
      if (fail) throw Object.assign(new Error(`${name} broke`), { code: 'X' });
      return { rows: { [name]: 1 } };
    },
  });

describe('stage runner', () => {
  it('orders stages after their dependencies', () => {
    const ordered = orderStages([stage('c', ['b']), stage('a', []), stage('b', ['a'])]);
    expect(ordered.map((s) => s.name)).toEqual(['a', 'b', 'c']);
  });

  it('refuses cycles and unknown dependencies', () => {
    expect(() => orderStages([stage('a', ['b']), stage('b', ['a'])])).toThrow(/cycle/);
    expect(() => orderStages([stage('a', ['z'])])).toThrow(/unknown stage z/);
  });

  it('skips everything downstream of a failure, runs the rest, and never throws', async () => {
    const ctx: Ctx = { trail: [] };
    const result = await runStages(
      [stage('a', []), stage('b', ['a'], true), stage('c', ['b']), stage('d', ['c']), stage('e', ['a'])],
      ctx,
      log,
    );
    expect(result.ok).toBe(false);
    expect(result.stages.map((s) => [s.name, s.status])).toEqual([
      ['a', 'success'],
      ['b', 'failed'],
      ['c', 'skipped'],
      ['d', 'skipped'],
      ['e', 'success'],
    ]);
    expect(result.stages[1]?.error).toEqual({ message: 'b broke', code: 'X' });
    expect(ctx.trail).toEqual(['a', 'b', 'e']);
  });
});
