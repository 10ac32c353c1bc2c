import type { PersistedQueryOptions } from '@apollo/server';
import type { Cache } from '../../../subgraphs/kit/src/cache/Cache.ts';
import type { Logger } from '../../../subgraphs/kit/src/log.ts';

/** The cache Apollo Server's automatic persisted queries read and write (a KeyValueCache<string>). */
export type ApqKeyValueCache = NonNullable<PersistedQueryOptions['cache']>;

export interface ApqCacheOptions {
  /** Where documents live: Redis (shared by every gateway replica) or the bounded in-process cache. */
  cache: Cache;
  /** Lifetime of a registered document; also the fallback when Apollo passes no TTL. */
  ttlSeconds: number;
  /** Documents larger than this (UTF-8 bytes) are executed but never stored. */
  maxDocumentBytes: number;
  log: Logger;
}

// Apollo prefixes every APQ key with `apq:` (PrefixingKeyValueCache) before it reaches this cache,
// and the Redis cache adds its own prefix (REDIS_PREFIX), so keys read `<prefix>apq:<sha256>`.
const SHA256_KEY = /(?:^|:)[0-9a-f]{64}$/;

/**
 * Adapts the kit Cache to Apollo Server's APQ cache. Apollo does the protocol (hash check,
 * PERSISTED_QUERY_NOT_FOUND, GET rules); this decides what is kept and for how long.
 */
export function createApqCache(options: ApqCacheOptions): ApqKeyValueCache {
  const { cache, ttlSeconds, maxDocumentBytes, log } = options;
  return {
    async get(key) {
      // Anything but a SHA-256 hash cannot have been registered: no round trip to Redis for it.
      if (!SHA256_KEY.test(key)) return undefined;
      try {
        return (await cache.get(key)) ?? undefined;
      } catch (error) {
        // Degrade to "not found": the client then sends the full query, which still executes.
        log.warn('persisted query lookup failed', { error: error instanceof Error ? error.message : String(error) });
        return undefined;
      }
    },
    async set(key, value, setOptions) {
      // The size limit: an oversized document is not stored, so the client keeps receiving
      // PERSISTED_QUERY_NOT_FOUND for its hash and keeps sending the full query (which the body
      // limit still bounds). Big documents cannot crowd the shared cache out.
      if (Buffer.byteLength(value, 'utf8') > maxDocumentBytes) return;
      const ttl = typeof setOptions?.ttl === 'number' && setOptions.ttl > 0 ? setOptions.ttl : ttlSeconds;
      await cache.set(key, value, ttl);
    },
    async delete(key) {
      await cache.delete(key);
    },
  };
}
