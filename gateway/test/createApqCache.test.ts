import { describe, expect, it } from 'vitest';
import { createMemoryCache } from '../../subgraphs/kit/src/cache/createMemoryCache.ts';
import type { Cache } from '../../subgraphs/kit/src/cache/Cache.ts';
import { silentLogger } from '../../subgraphs/kit/src/log.ts';
import { createApqCache } from '../src/persisted/createApqCache.ts';

const key = `apq:${'a'.repeat(64)}`;

describe('createApqCache', () => {
  it('stores documents up to the size limit and drops larger ones', async () => {
    const apq = createApqCache({ cache: createMemoryCache(), ttlSeconds: 60, maxDocumentBytes: 8, log: silentLogger });
    await apq.set(key, '{ a }');
    expect(await apq.get(key)).toBe('{ a }');
    const other = `apq:${'b'.repeat(64)}`;
    // 9 bytes in UTF-8 (é is two), though 8 characters.
    await apq.set(other, '{ aaaé }');
    expect(await apq.get(other)).toBeUndefined();
  });

  it('uses the TTL Apollo passes, else the configured one', async () => {
    let now = 0;
    const apq = createApqCache({ cache: createMemoryCache({ now: () => now }), ttlSeconds: 10, maxDocumentBytes: 100, log: silentLogger });
    const short = `apq:${'c'.repeat(64)}`;
    await apq.set(short, '{ a }', { ttl: 2 });
    await apq.set(key, '{ b }', { ttl: null });
    now = 3_000;
    expect(await apq.get(short)).toBeUndefined();
    expect(await apq.get(key)).toBe('{ b }');
    now = 10_000;
    expect(await apq.get(key)).toBeUndefined();
  });

  it('answers not found for keys that are no SHA-256 hash and when the store fails', async () => {
    const memory = createMemoryCache();
    await memory.set('apq:not-a-hash', '{ a }', 60);
    const apq = createApqCache({ cache: memory, ttlSeconds: 60, maxDocumentBytes: 100, log: silentLogger });
    expect(await apq.get('apq:not-a-hash')).toBeUndefined();
    const failing: Cache = { ...memory, get: () => Promise.reject(new Error('connection lost')) };
    const degraded = createApqCache({ cache: failing, ttlSeconds: 60, maxDocumentBytes: 100, log: silentLogger });
    await expect(degraded.get(key)).resolves.toBeUndefined();
  });
});
