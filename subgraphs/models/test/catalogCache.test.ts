import { describe, expect, it } from 'vitest';
import { createMemoryCache } from '../../kit/src/cache/createMemoryCache.ts';
import { silentLogger } from '../../kit/src/log.ts';
import { catalogEntryKey, catalogGenerationKey, createCatalogCache } from '../src/catalog/createCatalogCache.ts';
import type { TenantCatalog } from '../src/catalog/TenantCatalog.ts';

const catalog = (tenantId: string, label: string): TenantCatalog => ({
  tenantId,
  providers: [{ id: `p-${label}`, tenantId, name: label, kind: 'OPENAI', baseUrl: null }],
  models: [],
  routingPolicy: null,
});

// The in-process cache is the embedded default's real implementation; Redis is exercised in catalogCache.int.test.ts.
describe('catalog cache (generations)', () => {
  it('serves a read from the cache until the tenant writes', async () => {
    const catalogs = createCatalogCache({ cache: createMemoryCache(), log: silentLogger });
    let loads = 0;
    const load = async () => catalog('t1', `v${++loads}`);
    expect((await catalogs.read('t1', load)).providers[0]!.name).toBe('v1');
    expect((await catalogs.read('t1', load)).providers[0]!.name).toBe('v1');
    expect(loads).toBe(1);
    await catalogs.invalidate('t1');
    expect((await catalogs.read('t1', load)).providers[0]!.name).toBe('v2');
    expect(loads).toBe(2);
  });

  it('never lets a read that started before a write put the old catalog back', async () => {
    const catalogs = createCatalogCache({ cache: createMemoryCache(), log: silentLogger });
    let releaseSlowLoad!: () => void;
    const slowLoadStarted = new Promise<void>((started) => {
      void catalogs.read('t1', async () => {
        started();
        await new Promise<void>((release) => (releaseSlowLoad = release));
        return catalog('t1', 'before-write');
      });
    });
    await slowLoadStarted;
    await catalogs.invalidate('t1'); // the write commits while the slow reader still holds the old rows
    releaseSlowLoad();
    await new Promise((resolve) => setTimeout(resolve, 10));
    const after = await catalogs.read('t1', async () => catalog('t1', 'after-write'));
    expect(after.providers[0]!.name).toBe('after-write');
  });

  it('keeps tenants apart and refuses a cached value of another tenant', async () => {
    const cache = createMemoryCache();
    const catalogs = createCatalogCache({ cache, log: silentLogger });
    await catalogs.read('t1', async () => catalog('t1', 'one'));
    expect((await catalogs.read('t2', async () => catalog('t2', 'two'))).tenantId).toBe('t2');
    // Plant t1's catalog under t2's current key: it must not be served to t2.
    const generation = (await cache.get(catalogGenerationKey('t2')))!;
    await cache.set(catalogEntryKey('t2', generation), JSON.stringify(catalog('t1', 'one')), 60);
    expect((await catalogs.read('t2', async () => catalog('t2', 'reloaded'))).providers[0]!.name).toBe('reloaded');
  });

  it('expires entries after the TTL', async () => {
    let now = 0;
    const catalogs = createCatalogCache({ cache: createMemoryCache({ now: () => now }), log: silentLogger, ttlSeconds: 60 });
    let loads = 0;
    const load = async () => catalog('t1', `v${++loads}`);
    await catalogs.read('t1', load);
    now = 59_000;
    await catalogs.read('t1', load);
    expect(loads).toBe(1);
    now = 61_000;
    await catalogs.read('t1', load);
    expect(loads).toBe(2);
  });
});
