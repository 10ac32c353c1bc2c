import { resolveTenantReference } from '../../../kit/src/auth/tenantReference.ts';
import type { TenantResolvers } from '../generated/resolvers.ts';

export const Tenant: TenantResolvers = {
  // A pure claims check, no store read: analytics has no tenant rows, only the caller's usage.
  __resolveReference: (reference, { claims }) => resolveTenantReference(reference, claims),
  usage: (tenant, { days }, { usage }) => usage.usageOf(tenant.id, days),
};
