import { randomUUID } from 'node:crypto';
import type { Cache } from '../../../kit/src/cache/Cache.ts';
import type { Logger } from '../../../kit/src/log.ts';
import { isCatalogOf } from './TenantCatalog.ts';
import type { TenantCatalog } from './TenantCatalog.ts';

export interface CatalogCacheOptions {
  cache: Cache;
  log: Logger;
  /** How long a cached catalog may be served (default 60 s); writes invalidate it sooner. */
  ttlSeconds?: number;
}

export interface CatalogCache {
  /** The tenant's catalog: from the cache while fresh, else from `load` (and then cached). */
  read(tenantId: string, load: () => Promise<TenantCatalog>): Promise<TenantCatalog>;
  /** Makes every cached catalog of the tenant unreachable. Call it after the write has committed. */
  invalidate(tenantId: string): Promise<void>;
}

/** A generation outlives many catalog entries; when it expires or is evicted, the next read starts a new one. */
const GENERATION_TTL_SECONDS = 24 * 60 * 60;

export const catalogGenerationKey = (tenantId: string) => `catalog:${tenantId}:generation`;
export const catalogEntryKey = (tenantId: string, generation: string) => `catalog:${tenantId}:${generation}`;

/**
 * Tenant-scoped catalog cache over the kit Cache (Redis in production, shared by every replica).
 *
 * Entries live under the tenant's current *generation*, and a write replaces the generation instead
 * of deleting one key. Deleting alone loses a race: a reader that loaded the store before the write
 * committed would put the old catalog back after the delete and serve it for a whole TTL. Here
 * that reader stores under the replaced generation, which nobody reads any more.
 *
 * The cache is an optimisation, never a dependency: when it fails, reads go to the store.
 */
export function createCatalogCache({ cache, log, ttlSeconds = 60 }: CatalogCacheOptions): CatalogCache {
  async function currentGeneration(tenantId: string): Promise<string> {
    const existing = await cache.get(catalogGenerationKey(tenantId));
    if (existing) return existing;
    const started = randomUUID();
    await cache.set(catalogGenerationKey(tenantId), started, GENERATION_TTL_SECONDS);
    return started;
  }

  return {
    async read(tenantId, load) {
      let generation: string | null = null;
      try {
        // Read the generation before the store, so a write committing meanwhile strands what we load.
        generation = await currentGeneration(tenantId);
        const cached = await cache.get(catalogEntryKey(tenantId, generation));
        if (cached !== null) {
          const parsed: unknown = JSON.parse(cached);
          if (isCatalogOf(parsed, tenantId)) return parsed;
          log.warn('ignored a cached catalog of the wrong shape or tenant', { tenantId });
        }
      } catch (error) {
        log.warn('catalog cache unavailable, reading the store', { tenantId, error: error instanceof Error ? error.message : String(error) });
        generation = null;
      }
      const catalog = await load();
      if (generation !== null) {
        try {
          await cache.set(catalogEntryKey(tenantId, generation), JSON.stringify(catalog), ttlSeconds);
        } catch (error) {
          log.warn('could not cache a catalog', { tenantId, error: error instanceof Error ? error.message : String(error) });
        }
      }
      return catalog;
    },

    async invalidate(tenantId) {
      try {
        const previous = await cache.get(catalogGenerationKey(tenantId));
        await cache.set(catalogGenerationKey(tenantId), randomUUID(), GENERATION_TTL_SECONDS);
        if (previous) await cache.delete(catalogEntryKey(tenantId, previous));
      } catch (error) {
        // The write has committed; failing the mutation now would invite a duplicate retry. Other
        // replicas may serve the old catalog until its TTL ends, which the log makes visible.
        log.error('could not invalidate the catalog cache', { tenantId, error: error instanceof Error ? error.message : String(error) });
      }
    },
  };
}
