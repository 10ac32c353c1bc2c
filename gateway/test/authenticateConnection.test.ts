import { describe, expect, it } from 'vitest';
import { claimsFor } from '../../subgraphs/kit/src/testing/testEnvironment.ts';
import { ErrorCode, PlatformError, unauthenticated } from '../../subgraphs/kit/src/errors.ts';
import type { Authenticator } from '../src/auth/createAuthenticator.ts';
import { authenticateConnection } from '../src/subscriptions/authenticateConnection.ts';

const claims = claimsFor('0b9e3f4a-2c1d-4e5f-8a7b-6c5d4e3f2a1b');
const authenticator: Authenticator = {
  async authenticate(token) {
    if (token === 'good') return claims;
    if (token === 'suspended') throw new PlatformError(ErrorCode.FORBIDDEN, 'This tenant is suspended');
    if (token === 'down') throw new PlatformError(ErrorCode.SERVICE_UNAVAILABLE, 'down');
    throw unauthenticated('Invalid bearer token: token has expired');
  },
  async recheck(held) {
    return held;
  },
};

describe('authenticateConnection', () => {
  it('reads authorization in any case of the key', async () => {
    for (const key of ['authorization', 'Authorization', 'AUTHORIZATION']) {
      expect(await authenticateConnection({ [key]: 'Bearer good' }, authenticator, 'r')).toEqual({ ok: true, claims });
    }
  });

  it('maps refusals to close codes: 4401 without a token, 4403 for a bad one, 1013 when the directory is down', async () => {
    const code = async (params: Record<string, unknown> | undefined) => {
      const verdict = await authenticateConnection(params, authenticator, 'r');
      return verdict.ok ? 'ok' : verdict.code;
    };
    expect(await code(undefined)).toBe(4401);
    expect(await code({})).toBe(4401);
    expect(await code({ authorization: '' })).toBe(4401);
    expect(await code({ authorization: 'good' })).toBe(4403);
    expect(await code({ authorization: 42 })).toBe(4403);
    expect(await code({ authorization: 'Bearer expired' })).toBe(4403);
    expect(await code({ authorization: 'Bearer suspended' })).toBe(4403);
    expect(await code({ authorization: 'Bearer down' })).toBe(1013);
  });
});
