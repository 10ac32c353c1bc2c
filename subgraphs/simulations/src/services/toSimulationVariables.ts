import type { Distribution } from '../engine/distributions.ts';
import type { SimulationVariable } from '../engine/validateSimulationSpec.ts';
import type { DistributionInput, SimulationVariableInput } from '../generated/resolvers.ts';

const KINDS = ['uniform', 'normal', 'triangular', 'lognormal'] as const;
type Kind = (typeof KINDS)[number];

export interface VariableProblem {
  variable: string;
  message: string;
}

/** Stands in for a refused distribution, so the rest of the spec (names, expression) is still checked. */
const PLACEHOLDER: Distribution = { kind: 'uniform', min: 0, max: 1 };

/**
 * Turns the GraphQL variables into the engine's. Each variable must name exactly one
 * distribution: one of the direct fields, or `distribution` (a @oneOf input, which graphql-js
 * already holds to one key; checked again here because a direct call skips the schema).
 * A refused variable keeps its place with a placeholder distribution: callers must not run a
 * spec while `problems` is not empty.
 */
export function toSimulationVariables(inputs: readonly SimulationVariableInput[]): {
  variables: SimulationVariable[];
  problems: VariableProblem[];
} {
  const variables: SimulationVariable[] = [];
  const problems: VariableProblem[] = [];
  for (const input of inputs) {
    const label = `Variable ${JSON.stringify(input.name)}`;
    const direct = KINDS.filter((kind) => input[kind] != null);
    const given = input.distribution != null ? [...direct, 'distribution'] : direct;
    if (given.length !== 1) {
      const got = given.length === 0 ? 'none' : given.join(' and ');
      problems.push({
        variable: input.name,
        message: `${label} must give exactly one distribution (uniform, normal, triangular, lognormal or distribution), got ${got}`,
      });
      variables.push({ name: input.name, distribution: PLACEHOLDER });
      continue;
    }
    const source: DistributionInput = input.distribution ?? pick(input, direct[0] as Kind);
    const inner = KINDS.filter((kind) => source[kind] != null);
    if (inner.length !== 1) {
      problems.push({ variable: input.name, message: `${label}: \`distribution\` must give exactly one of ${KINDS.join(', ')}` });
      variables.push({ name: input.name, distribution: PLACEHOLDER });
      continue;
    }
    variables.push({ name: input.name, distribution: toDistribution(source, inner[0] as Kind) });
  }
  return { variables, problems };
}

function pick(input: SimulationVariableInput, kind: Kind): DistributionInput {
  switch (kind) {
    case 'uniform':
      return { uniform: input.uniform! };
    case 'normal':
      return { normal: input.normal! };
    case 'triangular':
      return { triangular: input.triangular! };
    case 'lognormal':
      return { lognormal: input.lognormal! };
  }
}

// Copies only the known parameters, so nothing else a client sends reaches the stored JSON.
function toDistribution(source: DistributionInput, kind: Kind): Distribution {
  switch (kind) {
    case 'uniform': {
      const { min, max } = source.uniform!;
      return { kind, min, max };
    }
    case 'normal': {
      const { mean, stdDev } = source.normal!;
      return { kind, mean, stdDev };
    }
    case 'triangular': {
      const { min, mode, max } = source.triangular!;
      return { kind, min, mode, max };
    }
    case 'lognormal': {
      const { mu, sigma } = source.lognormal!;
      return { kind, mu, sigma };
    }
  }
}
