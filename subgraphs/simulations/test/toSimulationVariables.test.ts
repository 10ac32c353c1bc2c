import { describe, expect, it } from 'vitest';
import { toSimulationVariables } from '../src/services/toSimulationVariables.ts';

describe('toSimulationVariables', () => {
  it('takes a direct distribution field or the @oneOf `distribution`', () => {
    const { variables, problems } = toSimulationVariables([
      { name: 'price', normal: { mean: 10, stdDev: 1 } },
      { name: 'cost', distribution: { triangular: { min: 4, mode: 6, max: 9 } } },
      { name: 'fee', uniform: { min: 0, max: 1 } },
      { name: 'volume', distribution: { lognormal: { mu: 3, sigma: 0.2 } } },
    ]);
    expect(problems).toEqual([]);
    expect(variables).toEqual([
      { name: 'price', distribution: { kind: 'normal', mean: 10, stdDev: 1 } },
      { name: 'cost', distribution: { kind: 'triangular', min: 4, mode: 6, max: 9 } },
      { name: 'fee', distribution: { kind: 'uniform', min: 0, max: 1 } },
      { name: 'volume', distribution: { kind: 'lognormal', mu: 3, sigma: 0.2 } },
    ]);
  });

  it('names every variable that gives no distribution or more than one', () => {
    const { problems } = toSimulationVariables([
      { name: 'price', normal: { mean: 10, stdDev: 1 }, uniform: { min: 0, max: 1 } },
      { name: 'cost', triangular: { min: 4, mode: 6, max: 9 }, distribution: { normal: { mean: 1, stdDev: 1 } } },
      { name: 'fee' },
      { name: 'ok', normal: { mean: 0, stdDev: 1 } },
    ]);
    expect(problems).toEqual([
      {
        variable: 'price',
        message: 'Variable "price" must give exactly one distribution (uniform, normal, triangular, lognormal or distribution), got uniform and normal',
      },
      {
        variable: 'cost',
        message: 'Variable "cost" must give exactly one distribution (uniform, normal, triangular, lognormal or distribution), got triangular and distribution',
      },
      {
        variable: 'fee',
        message: 'Variable "fee" must give exactly one distribution (uniform, normal, triangular, lognormal or distribution), got none',
      },
    ]);
  });

  it('checks the @oneOf input again when the schema did not (a direct call)', () => {
    const twoInOne = { normal: { mean: 0, stdDev: 1 }, uniform: { min: 0, max: 1 } } as unknown as { normal: { mean: number; stdDev: number } };
    const { problems, variables } = toSimulationVariables([{ name: 'x', distribution: twoInOne }]);
    expect(problems.map((p) => p.message)).toEqual(['Variable "x": `distribution` must give exactly one of uniform, normal, triangular, lognormal']);
    // The name keeps its place, so the rest of the spec can still be checked against it.
    expect(variables.map((v) => v.name)).toEqual(['x']);
  });

  it('copies only the known parameters', () => {
    const extra = { mean: 1, stdDev: 2, evil: 'x' } as unknown as { mean: number; stdDev: number };
    expect(toSimulationVariables([{ name: 'x', normal: extra }]).variables[0]!.distribution).toEqual({ kind: 'normal', mean: 1, stdDev: 2 });
  });
});
