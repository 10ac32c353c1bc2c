import type { TenantClaims } from '../../../kit/src/auth/claims.ts';
import type { Cache } from '../../../kit/src/cache/Cache.ts';
import type { Logger } from '../../../kit/src/log.ts';
import type { PgStore } from '../../../kit/src/store/createPgStore.ts';
import { createCatalogCache } from './createCatalogCache.ts';
import { loadTenantCatalog } from './loadTenantCatalog.ts';
import type { TenantCatalog } from './TenantCatalog.ts';

export interface CatalogSource {
  /** The caller's own catalog (cache first, then the store); null for callers without a tenant. */
  read(claims: TenantClaims): Promise<TenantCatalog | null>;
  invalidate(tenantId: string): Promise<void>;
}

/** One per process: the store behind the tenant-scoped catalog cache. */
export function createCatalogSource(deps: { store: PgStore; cache: Cache; log: Logger; ttlSeconds?: number }): CatalogSource {
  const catalogs = createCatalogCache({ cache: deps.cache, log: deps.log, ttlSeconds: deps.ttlSeconds });
  return {
    read(claims) {
      const { tenantId } = claims;
      if (!tenantId) return Promise.resolve(null);
      return catalogs.read(tenantId, () => loadTenantCatalog(deps.store, { ...claims, tenantId }));
    },
    invalidate: (tenantId) => catalogs.invalidate(tenantId),
  };
}
