import type { QueryResolvers } from '../generated/resolvers.ts';

export const Query: QueryResolvers = {
  simulation: (_parent, { id }, { loaders }) => loaders.simulationById.load(id),
};
