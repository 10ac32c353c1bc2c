import type { QueryResolvers } from '../generated/resolvers.ts';

export const Query: QueryResolvers = {
  integration: (_parent, { id }, { claims, loaders }) => (claims.tenantId ? loaders.integrationById.load(id) : null),
};
