import type { QueryResolvers } from '../generated/resolvers.ts';

export const Query: QueryResolvers = {
  tenant: (_parent, _args, { claims, loaders }) => (claims.tenantId ? loaders.tenantById.load(claims.tenantId) : null),
  me: (_parent, _args, { tenants }) => tenants.me(),
  tenants: (_parent, args, { tenants }) => tenants.list(args),
  tenantBySlug: (_parent, { slug }, { tenants }) => tenants.bySlug(slug),
};
