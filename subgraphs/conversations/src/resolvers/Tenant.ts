import { resolveTenantReference } from '../../../kit/src/auth/tenantReference.ts';
import type { TenantResolvers } from '../generated/resolvers.ts';

export const Tenant: TenantResolvers = {
  // Only the caller's own tenant resolves here; any other id is null, never another tenant's data.
  __resolveReference: (reference, { claims }) => resolveTenantReference(reference, claims),
  conversations: (tenant, args, { conversations }) => conversations.list(tenant.id, args),
};
