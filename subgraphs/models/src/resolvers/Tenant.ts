import { resolveTenantReference } from '../../../kit/src/auth/tenantReference.ts';
import type { TenantResolvers } from '../generated/resolvers.ts';

export const Tenant: TenantResolvers = {
  // A caller resolves only its own tenant; any other id is null, and so are all its fields.
  __resolveReference: (reference, { claims }) => resolveTenantReference(reference, claims),
  models: async (tenant, _args, { loaders }) => (await loaders.catalog.load(tenant.id))?.models ?? [],
  providers: async (tenant, _args, { loaders }) => (await loaders.catalog.load(tenant.id))?.providers ?? [],
  routingPolicy: async (tenant, _args, { loaders }) => (await loaders.catalog.load(tenant.id))?.routingPolicy ?? null,
  dialogFlow: (tenant, _args, { models }) => models.dialogFlow(tenant.id),
};
