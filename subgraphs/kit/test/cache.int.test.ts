import { afterAll, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import type { Cache } from '../src/cache/Cache.ts';
import { createMemoryCache } from '../src/cache/createMemoryCache.ts';
import { createRedisCache } from '../src/cache/createRedisCache.ts';
import { silentLogger } from '../src/log.ts';
import { TEST_REDIS_URL, uniqueSuffix } from '../src/testing/testEnvironment.ts';

interface Implementation {
  name: string;
  create(): Promise<Cache>;
}

/** Every Redis cache of this run lives under one prefix, removed at the end. */
const runPrefix = `t_cache_${uniqueSuffix()}:`;

async function deleteByPrefix(redis: Redis, prefix: string): Promise<number> {
  let removed = 0;
  for await (const keys of redis.scanStream({ match: `${prefix}*`, count: 500 }) as AsyncIterable<string[]>) {
    if (keys.length > 0) removed += await redis.unlink(...keys);
  }
  return removed;
}

const redisCache = async (prefix: string) => {
  const cache = await createRedisCache({ url: TEST_REDIS_URL, prefix, log: silentLogger });
  return cache;
};

afterAll(async () => {
  // The caches are closed by their tests; cleaning needs a client of its own.
  const cleaner = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: 1 });
  try {
    await deleteByPrefix(cleaner, runPrefix);
    expect(await cleaner.keys(`${runPrefix}*`)).toEqual([]);
  } finally {
    await cleaner.quit();
  }
});

const implementations: Implementation[] = [
  { name: 'memory', create: async () => createMemoryCache() },
  { name: 'redis', create: () => redisCache(`${runPrefix}${uniqueSuffix()}:`) },
];

describe.each(implementations)('Cache contract: $name', (impl) => {
  it('gets what was set, and null for what was not', async () => {
    const cache = await impl.create();
    try {
      expect(await cache.get('missing')).toBeNull();
      await cache.set('greeting', 'hello', 60);
      expect(await cache.get('greeting')).toBe('hello');
      await cache.set('greeting', 'hello again', 60);
      expect(await cache.get('greeting')).toBe('hello again');
      const unicode = JSON.stringify({ text: 'Grüße, 世界 🚀', n: 1 });
      await cache.set('json', unicode, 60);
      expect(await cache.get('json')).toBe(unicode);
      await cache.set('empty', '', 60);
      expect(await cache.get('empty')).toBe('');
    } finally {
      await cache.close();
    }
  });

  it('expires a value after its TTL, and a new set renews it', async () => {
    const cache = await impl.create();
    try {
      await cache.set('short', 'v', 3); // long enough to still be there when read back on a loaded machine
      await cache.set('long', 'v', 60);
      expect(await cache.get('short')).toBe('v');
      await expect.poll(() => cache.get('short'), { timeout: 15_000, interval: 100 }).toBeNull();
      expect(await cache.get('long')).toBe('v');
      await cache.set('short', 'again', 60);
      expect(await cache.get('short')).toBe('again');
    } finally {
      await cache.close();
    }
  });

  it('increments counters atomically, each living the TTL it was created with', async () => {
    const cache = await impl.create();
    try {
      // Many at once: every increment counted once.
      const counts = await Promise.all(Array.from({ length: 50 }, () => cache.increment('hits', 3)));
      expect([...counts].sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
      expect(await cache.get('hits')).toBe('50');
      expect(await cache.increment('other', 60)).toBe(1);
      // It goes after its TTL, then starts again at 1; other counters keep theirs.
      await expect.poll(() => cache.get('hits'), { timeout: 15_000, interval: 100 }).toBeNull();
      expect(await cache.increment('hits', 60)).toBe(1);
      expect(await cache.increment('other', 60)).toBe(2);
    } finally {
      await cache.close();
    }
  });

  it('deletes one key, several keys, missing keys and no keys', async () => {
    const cache = await impl.create();
    try {
      for (const key of ['a', 'b', 'c', 'd']) await cache.set(key, key, 60);
      await cache.delete('a');
      expect(await cache.get('a')).toBeNull();
      await cache.delete('b', 'c', 'never-set');
      await cache.delete();
      expect(await Promise.all(['a', 'b', 'c', 'd'].map((k) => cache.get(k)))).toEqual([null, null, null, 'd']);
    } finally {
      await cache.close();
    }
  });
});

describe('Redis cache namespacing', () => {
  it('keeps caches with different prefixes apart, and writes under its prefix only', async () => {
    const first = await redisCache(`${runPrefix}one:`);
    const second = await redisCache(`${runPrefix}two:`);
    try {
      await first.set('shared', 'first', 60);
      expect(await second.get('shared')).toBeNull();
      await second.set('shared', 'second', 60);
      expect(await first.get('shared')).toBe('first');
      await second.delete('shared');
      expect(await first.get('shared')).toBe('first');
      expect(await first.client.get(`${runPrefix}one:shared`)).toBe('first');
      expect(await first.client.ttl(`${runPrefix}one:shared`)).toBeGreaterThan(55);
    } finally {
      await first.close();
      await second.close();
    }
  });
});
