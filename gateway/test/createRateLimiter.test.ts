import { describe, expect, it } from 'vitest';
import type { Cache } from '../../subgraphs/kit/src/cache/Cache.ts';
import { createMemoryCache } from '../../subgraphs/kit/src/cache/createMemoryCache.ts';
import { silentLogger } from '../../subgraphs/kit/src/log.ts';
import { claimsFor } from '../../subgraphs/kit/src/testing/testEnvironment.ts';
import { createRateLimiter } from '../src/limits/createRateLimiter.ts';

describe('createRateLimiter', () => {
  // A clock moved by hand, 10 s into a minute.
  const clock = { now: 1_800_000_000_000 - (1_800_000_000_000 % 60_000) + 10_000 };
  const cache = createMemoryCache({ now: () => clock.now });
  const limiter = createRateLimiter({ cache, log: silentLogger, now: () => clock.now });

  it("allows a plan's operations per minute per tenant, then RATE_LIMITED (429) until the next minute", async () => {
    const trial = claimsFor('0b9e3f4a-2c1d-4e5f-8a7b-6c5d4e3f2a1b', { plan: 'TRIAL' });
    for (let i = 0; i < 300; i += 1) expect(await limiter.take(trial, 'r')).toBeNull();
    const refused = (await limiter.take(trial, 'r'))!;
    expect(refused.extensions).toMatchObject({ code: 'RATE_LIMITED', limit: 300, retryAfterSeconds: 50, http: { status: 429 } });
    expect(refused.message).toBe('The TRIAL plan allows 300 operations a minute; retry in 50 s');
    expect((refused.extensions.http as { headers: Map<string, string> }).headers.get('retry-after')).toBe('50');
    // Over a socket: the same refusal, with nothing of HTTP in it.
    const overSocket = (await limiter.take(trial, 'r', 'socket'))!;
    expect(overSocket.extensions).toEqual({ code: 'RATE_LIMITED', limit: 300, retryAfterSeconds: 50 });
    // Another tenant has its own allowance; a larger plan a larger one.
    expect(await limiter.take(claimsFor('1b9e3f4a-2c1d-4e5f-8a7b-6c5d4e3f2a1b', { plan: 'TRIAL' }), 'r')).toBeNull();
    // The next minute starts afresh.
    clock.now += 50_000;
    expect(await limiter.take(trial, 'r')).toBeNull();
  });

  it('limits no platform operator, and lets requests through when the counter is unavailable', async () => {
    const operator = { ...claimsFor('0b9e3f4a-2c1d-4e5f-8a7b-6c5d4e3f2a1b'), tenantId: null, platformAdmin: true };
    for (let i = 0; i < 1_000; i += 1) expect(await limiter.take(operator, 'r')).toBeNull();
    const broken: Cache = { ...createMemoryCache(), increment: async () => Promise.reject(new Error('redis down')) };
    const failOpen = createRateLimiter({ cache: broken, log: silentLogger });
    expect(await failOpen.take(claimsFor('2b9e3f4a-2c1d-4e5f-8a7b-6c5d4e3f2a1b', { plan: 'TRIAL' }), 'r')).toBeNull();
    // A counter that does not answer (Redis reconnecting) does not hold the request up past the timeout.
    const silent: Cache = { ...createMemoryCache(), increment: () => new Promise<number>(() => undefined) };
    const waiting = createRateLimiter({ cache: silent, log: silentLogger, counterTimeoutMs: 20 });
    expect(await waiting.take(claimsFor('2b9e3f4a-2c1d-4e5f-8a7b-6c5d4e3f2a1b', { plan: 'TRIAL' }), 'r')).toBeNull();
  });
});
