import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../subgraphs/kit/src/log.ts';
import { claimsFor } from '../../subgraphs/kit/src/testing/testEnvironment.ts';
import { createAuthenticator } from '../src/auth/createAuthenticator.ts';
import { InvalidTokenError } from '../src/auth/createJwtVerifier.ts';
import { TenantDirectoryUnavailable } from '../src/claims/createTenantDirectory.ts';
import type { TenantRecord } from '../src/claims/createTenantDirectory.ts';

const active = '0b9e3f4a-2c1d-4e5f-8a7b-6c5d4e3f2a1b';
const suspended = '1b9e3f4a-2c1d-4e5f-8a7b-6c5d4e3f2a1b';
const down = '2b9e3f4a-2c1d-4e5f-8a7b-6c5d4e3f2a1b';
const records = new Map<string, TenantRecord>([
  [active, { plan: 'PROFESSIONAL', status: 'ACTIVE' }],
  [suspended, { plan: 'STANDARD', status: 'SUSPENDED' }],
]);

describe('createAuthenticator.recheck (open sockets)', () => {
  // The identity provider's keys are unreachable: verifying any token fails.
  let verifications = 0;
  const authenticator = createAuthenticator({
    jwtVerifier: {
      async verify() {
        verifications += 1;
        throw new InvalidTokenError('JWKS fetch failed');
      },
    },
    tenantDirectory: {
      async lookup(id) {
        if (id === down) throw new TenantDirectoryUnavailable('connection refused');
        return records.get(id) ?? null;
      },
    },
    log: silentLogger,
  });

  it("checks the held claims against the tenant's record only, never the token again", async () => {
    expect(await authenticator.recheck(claimsFor(active, { plan: 'TRIAL' }), 'r')).toMatchObject({ tenantId: active, plan: 'PROFESSIONAL' });
    await expect(authenticator.recheck(claimsFor(suspended), 'r')).rejects.toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    await expect(authenticator.recheck(claimsFor('3b9e3f4a-2c1d-4e5f-8a7b-6c5d4e3f2a1b'), 'r')).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
    await expect(authenticator.recheck(claimsFor(down), 'r')).rejects.toMatchObject({ extensions: { code: 'SERVICE_UNAVAILABLE' } });
    const operator = { ...claimsFor(active), tenantId: null, platformAdmin: true };
    expect(await authenticator.recheck(operator, 'r')).toBe(operator);
    expect(verifications).toBe(0);
    // While authenticate() of a new connection does verify, and fails.
    await expect(authenticator.authenticate('any', 'r')).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
    expect(verifications).toBe(1);
  });
});
