import { describe, expect, it } from 'vitest';
import { createContextTokenCache } from '../src/claims/createContextTokenCache.ts';
import type { ContextSigner } from '../../subgraphs/kit/src/auth/contextToken.ts';
import { claimsFor } from '../../subgraphs/kit/src/testing/testEnvironment.ts';

describe('createContextTokenCache', () => {
  const countingSigner = () => {
    const calls: string[] = [];
    const signer: ContextSigner = { sign: async (claims, audience) => (calls.push(audience), `${audience}:${claims.tenantId}:${calls.length}`) };
    return { signer, calls };
  };

  it('reuses a token per caller and subgraph for half its lifetime, then signs anew', async () => {
    let clock = 0;
    const { signer, calls } = countingSigner();
    const cache = createContextTokenCache({ signer, reuseSeconds: 30, now: () => clock });
    const a = claimsFor('11111111-1111-4111-8111-111111111111');
    const first = await cache.get(a, 'models');
    expect(await cache.get(a, 'models')).toBe(first);
    expect(await cache.get(a, 'tenants')).not.toBe(first);
    expect(await cache.get({ ...a, roles: ['VIEWER'] }, 'models')).not.toBe(first);
    clock = 30_001;
    expect(await cache.get(a, 'models')).not.toBe(first);
    expect(calls).toEqual(['models', 'tenants', 'models', 'models']);
  });

  it('stays within its bound', async () => {
    const { signer } = countingSigner();
    const cache = createContextTokenCache({ signer, reuseSeconds: 30, maxEntries: 3 });
    for (let i = 0; i < 10; i += 1) await cache.get(claimsFor(`00000000-0000-4000-8000-00000000000${i}`), 'models');
    expect(cache.size()).toBe(3);
  });
});
