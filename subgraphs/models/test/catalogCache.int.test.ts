import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRedisCache } from '../../kit/src/cache/createRedisCache.ts';
import { silentLogger } from '../../kit/src/log.ts';
import type { PgStore } from '../../kit/src/store/createPgStore.ts';
import { TEST_REDIS_URL, claimsFor, testDatabase, uniqueSuffix } from '../../kit/src/testing/testEnvironment.ts';
import type { CatalogSource } from '../src/catalog/createCatalogSource.ts';
import { catalogsFor, openModelsStore, serviceFor } from './fixtures.ts';

describe('tenant catalog cache on Redis', () => {
  const db = testDatabase('models_cache');
  const prefix = `test:models:${uniqueSuffix()}:`;
  const tenantA = randomUUID();
  const tenantB = randomUUID();
  let store: PgStore;
  let redis: Awaited<ReturnType<typeof createRedisCache>>;
  let catalogs: CatalogSource;

  const keysUnderPrefix = async () => {
    const keys: string[] = [];
    for await (const batch of redis.client.scanStream({ match: `${prefix}*`, count: 500 }) as AsyncIterable<string[]>) keys.push(...batch);
    return keys.sort();
  };
  /** Store statements `fn` costs. */
  const statementsOf = async <T>(fn: () => Promise<T>) => {
    const before = store.statementCount();
    const value = await fn();
    return { value, statements: store.statementCount() - before };
  };

  beforeAll(async () => {
    store = await openModelsStore(db.adminUrl);
    redis = await createRedisCache({ url: TEST_REDIS_URL, prefix, log: silentLogger });
    catalogs = catalogsFor(store, redis);
    const provider = await serviceFor(store, catalogs, claimsFor(tenantA)).createProvider({ name: 'OpenAI', kind: 'OPENAI' });
    await serviceFor(store, catalogs, claimsFor(tenantA)).createModel({ providerId: provider.id, name: 'gpt-4o' });
    const providerB = await serviceFor(store, catalogs, claimsFor(tenantB)).createProvider({ name: 'Anthropic', kind: 'ANTHROPIC' });
    await serviceFor(store, catalogs, claimsFor(tenantB)).createModel({ providerId: providerB.id, name: 'claude' });
  });
  afterAll(async () => {
    if (redis) {
      const keys = await keysUnderPrefix();
      if (keys.length > 0) await redis.client.del(...keys);
      expect(await keysUnderPrefix()).toEqual([]);
      await redis.close();
    }
    await store?.close();
    await db.drop();
  });

  it('serves the second read from Redis with no store statement, and a write invalidates it', async () => {
    const first = await statementsOf(() => catalogs.read(claimsFor(tenantA)));
    expect(first.statements).toBe(3);
    expect(first.value!.models.map((m) => m.name)).toEqual(['gpt-4o']);

    const second = await statementsOf(() => catalogs.read(claimsFor(tenantA)));
    expect(second.statements).toBe(0);
    expect(second.value).toEqual(first.value);

    // The entry is in Redis under the tenant's own key, with the 60 s TTL.
    const keys = await keysUnderPrefix();
    const entry = keys.find((k) => k.startsWith(`${prefix}catalog:${tenantA}:`) && !k.endsWith(':generation'));
    expect(entry).toBeDefined();
    const ttl = await redis.client.ttl(entry!);
    expect(ttl).toBeGreaterThan(50);
    expect(ttl).toBeLessThanOrEqual(60);

    const provider = first.value!.providers[0]!;
    await serviceFor(store, catalogs, claimsFor(tenantA)).createModel({ providerId: provider.id, name: 'gpt-4o-mini' });
    expect(await redis.client.exists(entry!)).toBe(0);
    const afterWrite = await statementsOf(() => catalogs.read(claimsFor(tenantA)));
    expect(afterWrite.statements).toBe(3);
    expect(afterWrite.value!.models.map((m) => m.name)).toEqual(['gpt-4o', 'gpt-4o-mini']);
    expect((await statementsOf(() => catalogs.read(claimsFor(tenantA)))).statements).toBe(0);
  });

  it("keeps each tenant's catalog under its own key and invalidates only the writer's", async () => {
    const a = await catalogs.read(claimsFor(tenantA));
    const b = await catalogs.read(claimsFor(tenantB));
    expect(a!.models.map((m) => m.name)).not.toContain('claude');
    expect(b!.models.map((m) => m.name)).toEqual(['claude']);
    const keys = await keysUnderPrefix();
    expect(keys.some((k) => k.startsWith(`${prefix}catalog:${tenantB}:`))).toBe(true);

    await serviceFor(store, catalogs, claimsFor(tenantA)).setRoutingPolicy({ defaultModelId: a!.models[0]!.id });
    expect((await statementsOf(() => catalogs.read(claimsFor(tenantB)))).statements).toBe(0);
    const aAfter = await statementsOf(() => catalogs.read(claimsFor(tenantA)));
    expect(aAfter.statements).toBe(3);
    expect(aAfter.value!.routingPolicy?.defaultModelId).toBe(a!.models[0]!.id);
  });

  it('reads the store when Redis is unavailable', async () => {
    const broken = await createRedisCache({ url: TEST_REDIS_URL, prefix, log: silentLogger });
    await broken.close();
    const withoutRedis = catalogsFor(store, broken);
    const read = await statementsOf(() => withoutRedis.read(claimsFor(tenantA)));
    expect(read.statements).toBe(3);
    expect(read.value!.models.length).toBe(2);
    await expect(withoutRedis.invalidate(tenantA)).resolves.toBeUndefined();
  });
});
