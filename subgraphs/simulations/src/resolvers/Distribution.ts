import type { DistributionResolvers } from '../generated/resolvers.ts';

const typeNameOf = {
  uniform: 'UniformDistribution',
  normal: 'NormalDistribution',
  triangular: 'TriangularDistribution',
  lognormal: 'LognormalDistribution',
} as const;

/** Stored distributions carry the engine's `kind`; the union member is named after it. */
export const Distribution: DistributionResolvers = {
  __resolveType: (distribution) => typeNameOf[distribution.kind],
};
