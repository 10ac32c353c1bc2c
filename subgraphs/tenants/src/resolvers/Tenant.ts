import { isUuid } from '../../../kit/src/isUuid.ts';
import { pageRequest } from '../../../kit/src/pagination.ts';
import type { TenantResolvers } from '../generated/resolvers.ts';
import { planQuotas } from '../../../kit/src/auth/planQuotas.ts';

export const Tenant: TenantResolvers = {
  // The loader answers the caller's own tenant (any tenant for operators); a malformed id names none.
  __resolveReference: (reference, { loaders }) => (isUuid(reference.id) ? loaders.tenantById.load(reference.id) : null),
  quota: (tenant) => planQuotas[tenant.plan],
  users: (tenant, args, { loaders }) => loaders.userPages.load({ tenantId: tenant.id, page: pageRequest(args), cursor: args.after ?? null }),
  apiKeys: (tenant, _args, { loaders }) => loaders.apiKeysByTenant.load(tenant.id),
};
