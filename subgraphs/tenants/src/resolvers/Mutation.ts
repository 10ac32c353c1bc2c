import type { MutationResolvers } from '../generated/resolvers.ts';

export const Mutation: MutationResolvers = {
  createTenant: (_parent, { input }, { tenants }) => tenants.create(input),
  createUser: (_parent, { input }, { tenants }) => tenants.createUser(input),
  createApiKey: (_parent, { input }, { tenants }) => tenants.createApiKey(input),
  revokeApiKey: (_parent, { id }, { tenants }) => tenants.revokeApiKey(id),
};
