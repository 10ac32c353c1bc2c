import { describe, expect, it } from 'vitest';
import { createSampler, validateDistribution } from '../src/engine/distributions.ts';
import type { Distribution } from '../src/engine/distributions.ts';
import { createRandom } from '../src/engine/random.ts';
import { createRunningStatistics } from '../src/engine/statistics.ts';

const N = 200_000;

const sample = (distribution: Distribution, seed = 2024) => {
  const next = createSampler(distribution, createRandom(seed));
  const stats = createRunningStatistics();
  for (let i = 0; i < N; i++) stats.push(next());
  return stats;
};

describe('createSampler: statistical sanity over 200k samples', () => {
  it('normal(10, 1)', () => {
    const stats = sample({ kind: 'normal', mean: 10, stdDev: 1 });
    expect(Math.abs(stats.mean - 10)).toBeLessThan(0.02);
    expect(Math.abs(stats.stdDev - 1)).toBeLessThan(0.01);
  });

  it('uniform(2, 5): mean 3.5, stdDev 3 / sqrt(12), inside [min, max)', () => {
    const stats = sample({ kind: 'uniform', min: 2, max: 5 });
    expect(Math.abs(stats.mean - 3.5)).toBeLessThan(0.01);
    expect(Math.abs(stats.stdDev - 3 / Math.sqrt(12))).toBeLessThan(0.01);
    expect(stats.min).toBeGreaterThanOrEqual(2);
    expect(stats.max).toBeLessThan(5);
  });

  it('triangular(1, 2, 6): mean (a + b + c) / 3', () => {
    const stats = sample({ kind: 'triangular', min: 1, mode: 2, max: 6 });
    expect(Math.abs(stats.mean - 3)).toBeLessThan(0.01);
    const variance = (1 + 4 + 36 - 2 - 6 - 12) / 18;
    expect(Math.abs(stats.stdDev - Math.sqrt(variance))).toBeLessThan(0.01);
    expect(stats.min).toBeGreaterThanOrEqual(1);
    expect(stats.max).toBeLessThanOrEqual(6);
  });

  it('triangular with the mode at either end', () => {
    expect(Math.abs(sample({ kind: 'triangular', min: 0, mode: 0, max: 3 }).mean - 1)).toBeLessThan(0.01);
    expect(Math.abs(sample({ kind: 'triangular', min: 0, mode: 3, max: 3 }).mean - 2)).toBeLessThan(0.01);
  });

  it('lognormal(0.5, 0.4): mean exp(mu + sigma² / 2)', () => {
    const mu = 0.5;
    const sigma = 0.4;
    const stats = sample({ kind: 'lognormal', mu, sigma });
    const mean = Math.exp(mu + (sigma * sigma) / 2);
    const stdDev = mean * Math.sqrt(Math.exp(sigma * sigma) - 1);
    expect(Math.abs(stats.mean / mean - 1)).toBeLessThan(0.01);
    expect(Math.abs(stats.stdDev / stdDev - 1)).toBeLessThan(0.02);
    expect(stats.min).toBeGreaterThan(0);
  });

  it('is deterministic for a seed and changes with it', () => {
    const draw = (seed: number) => {
      const next = createSampler({ kind: 'normal', mean: 0, stdDev: 1 }, createRandom(seed));
      return Array.from({ length: 101 }, next);
    };
    expect(draw(5)).toEqual(draw(5));
    expect(draw(5)).not.toEqual(draw(6));
  });
});

describe('validateDistribution', () => {
  it('accepts valid distributions', () => {
    expect(validateDistribution('x', { kind: 'uniform', min: -1, max: 1 })).toEqual([]);
    expect(validateDistribution('x', { kind: 'normal', mean: 0, stdDev: 0.1 })).toEqual([]);
    expect(validateDistribution('x', { kind: 'triangular', min: 0, mode: 0, max: 1 })).toEqual([]);
    expect(validateDistribution('x', { kind: 'lognormal', mu: -2, sigma: 3 })).toEqual([]);
  });

  it.each<[Distribution, string[]]>([
    [{ kind: 'uniform', min: 3, max: 3 }, ['Variable "price": uniform min (3) must be less than max (3)']],
    [{ kind: 'normal', mean: 1, stdDev: 0 }, ['Variable "price": normal stdDev must be greater than 0, got 0']],
    [{ kind: 'triangular', min: 5, mode: 6, max: 1 }, ['Variable "price": triangular min (5) must be less than max (1)']],
    [{ kind: 'triangular', min: 0, mode: 2, max: 1 }, ['Variable "price": triangular mode (2) must lie between min (0) and max (1)']],
    [{ kind: 'lognormal', mu: 0, sigma: -1 }, ['Variable "price": lognormal sigma must be greater than 0, got -1']],
    [
      { kind: 'normal', mean: Number.NaN, stdDev: Number.POSITIVE_INFINITY },
      [
        'Variable "price": normal mean must be a finite number, got NaN',
        'Variable "price": normal stdDev must be a finite number, got Infinity',
      ],
    ],
    [
      { kind: 'uniform', min: 1 } as unknown as Distribution,
      ['Variable "price": uniform max must be a finite number, got undefined'],
    ],
    [
      { kind: 'poisson', lambda: 1 } as unknown as Distribution,
      ['Variable "price": unknown distribution kind "poisson"; expected one of uniform, normal, triangular, lognormal'],
    ],
  ])('%j', (distribution, problems) => {
    expect(validateDistribution('price', distribution)).toEqual(problems);
  });
});
