import type { Cache } from './Cache.ts';

/** A bounded in-process cache: expired entries are dropped on read, the oldest when full. */
export function createMemoryCache(options: { maxEntries?: number; now?: () => number } = {}): Cache {
  const maxEntries = options.maxEntries ?? 10_000;
  const now = options.now ?? Date.now;
  const entries = new Map<string, { value: string; expiresAt: number }>();
  const set = (key: string, value: string, ttlSeconds: number) => {
    entries.delete(key);
    if (entries.size >= maxEntries) {
      const oldest = entries.keys().next();
      if (!oldest.done) entries.delete(oldest.value);
    }
    entries.set(key, { value, expiresAt: now() + ttlSeconds * 1000 });
  };
  return {
    kind: 'memory',
    async get(key) {
      const entry = entries.get(key);
      if (!entry) return null;
      if (entry.expiresAt <= now()) {
        entries.delete(key);
        return null;
      }
      return entry.value;
    },
    async set(key, value, ttlSeconds) {
      set(key, value, ttlSeconds);
    },
    async delete(...keys) {
      for (const key of keys) entries.delete(key);
    },
    async increment(key, ttlSeconds) {
      const entry = entries.get(key);
      if (entry && entry.expiresAt > now()) {
        entry.value = String(Number(entry.value) + 1);
        return Number(entry.value);
      }
      set(key, '1', ttlSeconds);
      return 1;
    },
    async close() {
      entries.clear();
    },
  };
}
