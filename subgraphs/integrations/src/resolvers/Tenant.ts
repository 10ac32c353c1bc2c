import { hasRole } from '../../../kit/src/auth/claims.ts';
import { resolveTenantReference } from '../../../kit/src/auth/tenantReference.ts';
import type { TenantResolvers } from '../generated/resolvers.ts';

export const Tenant: TenantResolvers = {
  // The caller's own tenant only: a reference to any other tenant resolves to null.
  __resolveReference: (reference, { claims }) => resolveTenantReference(reference, claims),
  integrations: (tenant, _args, { loaders }) => loaders.integrationsByTenant.load(tenant.id),
  // Tenant admins only: other members get an empty list.
  partnerClients: (tenant, _args, { claims, partnerLoaders }) =>
    hasRole(claims, 'ADMIN') ? partnerLoaders.partnerClientsByTenant.load(tenant.id) : [],
};
