import type { MutationResolvers } from '../generated/resolvers.ts';

export const Mutation: MutationResolvers = {
  startSimulation: (_parent, { input }, { simulations }) => simulations.start(input),
  cancelSimulation: (_parent, { id }, { simulations }) => simulations.cancel(id),
};
