import { Redis } from 'ioredis';
import type { Cache } from './Cache.ts';
import type { Logger } from '../log.ts';

/** Redis-backed cache; every key is namespaced by `prefix` so services and tests never collide. */
export async function createRedisCache(options: { url: string; prefix: string; log: Logger }): Promise<Cache & { client: Redis }> {
  const client = new Redis(options.url, { maxRetriesPerRequest: 2, lazyConnect: true, enableAutoPipelining: true });
  client.on('error', (error: Error) => options.log.warn('redis error', { error: error.message }));
  await client.connect();
  const k = (key: string) => options.prefix + key;
  return {
    kind: 'redis',
    client,
    async get(key) {
      return client.get(k(key));
    },
    async set(key, value, ttlSeconds) {
      await client.set(k(key), value, 'EX', Math.max(1, Math.round(ttlSeconds)));
    },
    async delete(...keys) {
      if (keys.length > 0) await client.del(...keys.map(k));
    },
    async increment(key, ttlSeconds) {
      // One round trip; EXPIRE NX sets the lifetime only when the counter is new.
      const results = await client.multi().incr(k(key)).expire(k(key), Math.max(1, Math.round(ttlSeconds)), 'NX').exec();
      const [error, count] = results?.[0] ?? [new Error('the increment was not executed'), null];
      if (error) throw error;
      const [expireError] = results?.[1] ?? [null];
      if (expireError) throw expireError;
      return Number(count);
    },
    async close() {
      await client.quit();
    },
  };
}
