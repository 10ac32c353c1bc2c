import type { MutationResolvers } from '../generated/resolvers.ts';

export const Mutation: MutationResolvers = {
  createProvider: (_parent, { input }, { models }) => models.createProvider(input),
  createModel: (_parent, { input }, { models }) => models.createModel(input),
  setRoutingPolicy: (_parent, { input }, { models }) => models.setRoutingPolicy(input),
  setDialogFlow: (_parent, { flow }, { models }) => models.setDialogFlow(flow),
};
