import DataLoader from 'dataloader';
import type { TenantClaims } from '../../kit/src/auth/claims.ts';
import type { CatalogSource } from './catalog/createCatalogSource.ts';
import type { ModelRecord, ProviderRecord, TenantCatalog } from './catalog/TenantCatalog.ts';

/**
 * Every lookup of one request is answered from the caller's catalog, read once per request (and
 * from the cache across requests): N conversations, models or providers cost one catalog read.
 */
export function createModelsLoaders(catalogs: CatalogSource, claims: TenantClaims) {
  const catalog = new DataLoader<string, TenantCatalog | null>(async (tenantIds) => {
    // Only the caller's own tenant has a catalog here: any other id resolves to nothing, with no read at all.
    const own = claims.tenantId && tenantIds.includes(claims.tenantId) ? await catalogs.read(claims) : null;
    return tenantIds.map((id) => (id === claims.tenantId ? own : null));
  });
  const ownCatalog = () => (claims.tenantId ? catalog.load(claims.tenantId) : Promise.resolve(null));

  const modelById = new DataLoader<string, ModelRecord | null>(async (ids) => {
    const models = new Map((await ownCatalog())?.models.map((m) => [m.id, m]));
    return ids.map((id) => models.get(id) ?? null);
  });
  const providerById = new DataLoader<string, ProviderRecord | null>(async (ids) => {
    const providers = new Map((await ownCatalog())?.providers.map((p) => [p.id, p]));
    return ids.map((id) => providers.get(id) ?? null);
  });
  const modelsByProvider = new DataLoader<string, ModelRecord[]>(async (providerIds) => {
    const models = (await ownCatalog())?.models ?? [];
    return providerIds.map((id) => models.filter((m) => m.providerId === id));
  });
  const defaultModelForTenant = new DataLoader<string, ModelRecord | null>(async (tenantIds) =>
    Promise.all(
      tenantIds.map(async (tenantId) => {
        const policy = (await catalog.load(tenantId))?.routingPolicy;
        return policy ? modelById.load(policy.defaultModelId) : null;
      }),
    ),
  );

  const loaders = { catalog, modelById, providerById, modelsByProvider, defaultModelForTenant };
  return {
    ...loaders,
    /** Forgets what this request has read; a mutation calls it so later fields see its write. */
    reset() {
      for (const loader of Object.values(loaders)) loader.clearAll();
    },
  };
}
export type ModelsLoaders = ReturnType<typeof createModelsLoaders>;
