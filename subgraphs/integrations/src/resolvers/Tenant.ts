import type { TenantResolvers } from '../generated/resolvers.ts';

export const Tenant: TenantResolvers = {
  // The caller's own tenant only: a reference to any other tenant resolves to null.
  __resolveReference: (reference, { claims }) => (claims.tenantId !== null && reference.id === claims.tenantId ? { id: reference.id } : null),
  integrations: (tenant, _args, { loaders }) => loaders.integrationsByTenant.load(tenant.id),
};
