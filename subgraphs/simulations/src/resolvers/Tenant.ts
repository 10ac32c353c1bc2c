import { resolveTenantReference } from '../../../kit/src/auth/tenantReference.ts';
import type { TenantResolvers } from '../generated/resolvers.ts';

export const Tenant: TenantResolvers = {
  // Only the caller's own tenant resolves; any other id is null, and operators are refused (see the kit).
  __resolveReference: (reference, { claims }) => resolveTenantReference(reference, claims),
  simulations: (tenant, args, { loaders }) => loaders.simulationsOfTenant(tenant.id, args),
};
