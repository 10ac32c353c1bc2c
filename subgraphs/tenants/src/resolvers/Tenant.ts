import type { TenantResolvers } from '../generated/resolvers.ts';
import { quotaByPlan } from '../quotas.ts';

export const Tenant: TenantResolvers = {
  __resolveReference: (reference, { loaders }) => loaders.tenantById.load(reference.id),
  quota: (tenant) => quotaByPlan[tenant.plan],
  users: (tenant, args, { tenants }) => tenants.users(tenant.id, args),
  apiKeys: (tenant, _args, { loaders }) => loaders.apiKeysByTenant.load(tenant.id),
};
