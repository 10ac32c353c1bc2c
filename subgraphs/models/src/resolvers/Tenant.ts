import type { TenantResolvers } from '../generated/resolvers.ts';

export const Tenant: TenantResolvers = {
  // A caller resolves only its own tenant; any other id is null, and so are all its fields.
  __resolveReference: (reference, { claims }) => (claims.tenantId !== null && reference.id === claims.tenantId ? { id: reference.id } : null),
  models: async (tenant, _args, { loaders }) => (await loaders.catalog.load(tenant.id))?.models ?? [],
  providers: async (tenant, _args, { loaders }) => (await loaders.catalog.load(tenant.id))?.providers ?? [],
  routingPolicy: async (tenant, _args, { loaders }) => (await loaders.catalog.load(tenant.id))?.routingPolicy ?? null,
};
