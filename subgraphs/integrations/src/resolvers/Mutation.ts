import type { MutationResolvers } from '../generated/resolvers.ts';

export const Mutation: MutationResolvers = {
  createIntegration: (_parent, { input }, { integrations }) => integrations.create(input),
  setIntegrationCredentials: (_parent, { id, credentials }, { integrations }) => integrations.setCredentials(id, credentials),
  setIntegrationStatus: (_parent, { id, status }, { integrations }) => integrations.setStatus(id, status),
};
