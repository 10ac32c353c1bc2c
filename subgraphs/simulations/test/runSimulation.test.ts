import { describe, expect, it } from 'vitest';
import { runSimulation } from '../src/engine/runSimulation.ts';
import type { SimulationProgress, SimulationSpec } from '../src/engine/runSimulation.ts';
import { SimulationSpecError } from '../src/engine/SimulationSpecError.ts';

const profitSpec: SimulationSpec = {
  variables: [
    { name: 'price', distribution: { kind: 'normal', mean: 10, stdDev: 1 } },
    { name: 'cost', distribution: { kind: 'triangular', min: 1, mode: 2, max: 6 } },
    { name: 'volume', distribution: { kind: 'lognormal', mu: 3, sigma: 0.2 } },
    { name: 'fee', distribution: { kind: 'uniform', min: 0, max: 4 } },
  ],
  expression: '(price - cost) * volume - fee',
  iterations: 20_000,
  seed: 17,
};

const problemsOf = (spec: SimulationSpec): string[] => {
  try {
    runSimulation(spec);
  } catch (error) {
    if (error instanceof SimulationSpecError) return error.problems;
    throw error;
  }
  throw new Error('expected a SimulationSpecError');
};

describe('runSimulation', () => {
  it('gives bit-identical results for the same spec and seed', () => {
    expect(JSON.stringify(runSimulation(profitSpec))).toBe(JSON.stringify(runSimulation({ ...profitSpec })));
  });

  it('gives different results for a different seed', () => {
    const a = runSimulation(profitSpec).result!;
    const b = runSimulation({ ...profitSpec, seed: 18 }).result!;
    expect(a.mean).not.toBe(b.mean);
    expect(a.p50).not.toBe(b.p50);
  });

  it('estimates the mean of the expression', () => {
    const spec: SimulationSpec = {
      variables: [
        { name: 'a', distribution: { kind: 'normal', mean: 10, stdDev: 1 } },
        { name: 'b', distribution: { kind: 'uniform', min: 0, max: 2 } },
      ],
      expression: 'a + 2 * b',
      iterations: 200_000,
      seed: 3,
    };
    const { completed, cancelled, nonFinite, result } = runSimulation(spec);
    expect({ completed, cancelled, nonFinite }).toEqual({ completed: 200_000, cancelled: false, nonFinite: 0 });
    expect(Math.abs(result!.mean - 12)).toBeLessThan(0.02);
    // Var = 1 + 4 * (2² / 12)
    expect(Math.abs(result!.stdDev - Math.sqrt(1 + 4 / 3))).toBeLessThan(0.01);
  });

  it('maps variables to the expression by name', () => {
    const spec: SimulationSpec = {
      variables: [
        { name: 'small', distribution: { kind: 'uniform', min: 0, max: 1 } },
        { name: 'large', distribution: { kind: 'uniform', min: 100, max: 101 } },
      ],
      expression: 'large - small',
      iterations: 1000,
      seed: 1,
    };
    const result = runSimulation(spec).result!;
    expect(result.min).toBeGreaterThan(99);
    expect(result.max).toBeLessThan(101);
  });

  it('has histogram counts that add up to the iterations', () => {
    const { result } = runSimulation(profitSpec);
    expect(result!.histogram).toHaveLength(20);
    expect(result!.histogram.reduce((sum, bin) => sum + bin.count, 0)).toBe(profitSpec.iterations);
  });

  it('counts non-finite outcomes and leaves them out of the statistics', () => {
    const spec: SimulationSpec = {
      variables: [{ name: 'x', distribution: { kind: 'uniform', min: -1, max: 1 } }],
      expression: 'log(x)',
      iterations: 10_000,
      seed: 9,
    };
    const { completed, nonFinite, result } = runSimulation(spec);
    expect(completed).toBe(10_000);
    expect(nonFinite).toBeGreaterThan(4_500);
    expect(nonFinite).toBeLessThan(5_500);
    expect(result!.count + nonFinite).toBe(10_000);
    expect(result!.max).toBeLessThanOrEqual(0);
  });

  it('returns a null result when every outcome is non-finite', () => {
    const spec: SimulationSpec = {
      variables: [{ name: 'x', distribution: { kind: 'uniform', min: -2, max: -1 } }],
      expression: 'sqrt(x)',
      iterations: 100,
      seed: 1,
    };
    expect(runSimulation(spec)).toEqual({ completed: 100, cancelled: false, nonFinite: 100, result: null });
  });

  it('reports progress every progressEvery iterations and at the end', () => {
    const progress: SimulationProgress[] = [];
    const outcome = runSimulation(
      { ...profitSpec, iterations: 3_500 },
      { progressEvery: 1_000, onProgress: (p) => progress.push(p) },
    );
    expect(progress.map((p) => [p.completed, p.total])).toEqual([
      [1_000, 3_500],
      [2_000, 3_500],
      [3_000, 3_500],
      [3_500, 3_500],
    ]);
    const last = progress.at(-1)!;
    expect(last.running.mean).toBe(outcome.result!.mean);
    expect(last.running.stdDev).toBe(outcome.result!.stdDev);
  });

  it('stops when shouldStop returns true, keeping what it computed', () => {
    let asked = 0;
    const outcome = runSimulation(profitSpec, { shouldStop: () => ++asked > 3 });
    expect(outcome.cancelled).toBe(true);
    expect(outcome.completed).toBe(3_000);
    expect(outcome.result!.count).toBe(3_000);
    // A cancelled run is a prefix of the full run: same numbers as a run of that length.
    expect(outcome.result).toEqual(runSimulation({ ...profitSpec, iterations: 3_000 }).result);
  });

  it('can be stopped from a progress callback', () => {
    let stop = false;
    const outcome = runSimulation(profitSpec, { progressEvery: 500, onProgress: () => (stop = true), shouldStop: () => stop });
    expect(outcome).toMatchObject({ completed: 500, cancelled: true });
  });

  it('returns an empty outcome when stopped before the first iteration', () => {
    expect(runSimulation(profitSpec, { shouldStop: () => true })).toEqual({
      completed: 0,
      cancelled: true,
      nonFinite: 0,
      result: null,
    });
  });

  it('rejects a bad progressEvery', () => {
    expect(() => runSimulation(profitSpec, { progressEvery: 0 })).toThrow(RangeError);
  });
});

describe('runSimulation: validation', () => {
  it('lists every problem at once', () => {
    const problems = problemsOf({
      variables: [
        { name: 'price', distribution: { kind: 'uniform', min: 5, max: 1 } },
        { name: 'price', distribution: { kind: 'normal', mean: 0, stdDev: 1 } },
        { name: 'unit cost', distribution: { kind: 'normal', mean: 0, stdDev: -1 } },
      ],
      expression: 'price * volume',
      iterations: 0,
      seed: 1.5,
    });
    expect(problems).toEqual([
      'iterations must be an integer from 1 to 10000000, got 0',
      'seed must be a safe integer, got 1.5',
      'Variable "price": uniform min (5) must be less than max (1)',
      'Variable name "price" is used more than once',
      'Variable name "unit cost" is not an identifier (a letter or "_", then letters, digits or "_")',
      'Variable "unit cost": normal stdDev must be greater than 0, got -1',
      'expression: Unknown variable "volume" at position 8; known: price',
    ]);
  });

  it('puts the problems in the error message too', () => {
    expect(() => runSimulation({ ...profitSpec, iterations: 2.5 })).toThrow(
      'Invalid simulation spec: iterations must be an integer from 1 to 10000000, got 2.5',
    );
  });

  it('limits iterations and the number of variables', () => {
    expect(problemsOf({ ...profitSpec, iterations: 10_000_001 })).toEqual([
      'iterations must be an integer from 1 to 10000000, got 10000001',
    ]);
    expect(problemsOf({ ...profitSpec, variables: [], expression: '1' })).toEqual([
      'variables must list 1 to 50 variables, got 0',
    ]);
    const many = Array.from({ length: 51 }, (_, i) => ({
      name: `v${i}`,
      distribution: { kind: 'uniform', min: 0, max: 1 } as const,
    }));
    expect(problemsOf({ ...profitSpec, variables: many, expression: 'v0' })).toEqual([
      'variables must list 1 to 50 variables, got 51',
    ]);
    expect(() => runSimulation({ ...profitSpec, variables: many.slice(0, 50), expression: 'v49', iterations: 10 })).not.toThrow();
  });

  it('reports expression syntax errors with their position', () => {
    expect(problemsOf({ ...profitSpec, expression: 'price * (cost' })).toEqual([
      'expression: Unexpected end of input at position 13: expected an operator or ")"',
    ]);
  });
});
