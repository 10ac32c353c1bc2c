import type { TenantResolvers } from '../generated/resolvers.ts';

export const Tenant: TenantResolvers = {
  // Only the caller's own tenant resolves; any other id is null, whoever asks.
  __resolveReference: (reference, { claims }) => (reference.id === claims.tenantId ? { id: reference.id } : null),
  simulations: (tenant, args, { loaders }) => loaders.simulationsOfTenant(tenant.id, args),
};
