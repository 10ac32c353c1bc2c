import { describe, expect, it, beforeAll } from 'vitest';
import { SignJWT, generateKeyPair, exportJWK } from 'jose';
import type { JWK, CryptoKey } from 'jose';
import { createJwtVerifier, InvalidTokenError } from '../src/auth/createJwtVerifier.ts';
import type { JwtVerifier } from '../src/auth/createJwtVerifier.ts';
import { bearerToken } from '../src/auth/bearerToken.ts';

const issuer = 'https://auth.test/';
const audience = 'platform-api';
const tenantId = '6f1c1d2e-8a3b-4c5d-9e6f-0a1b2c3d4e5f';

describe('createJwtVerifier', () => {
  let privateKey: CryptoKey;
  let publicJwk: JWK;
  let otherKey: CryptoKey;
  let verifier: JwtVerifier;

  const token = (claims: Record<string, unknown> = {}, options: { exp?: string | number | null; iss?: string; aud?: string; key?: CryptoKey; alg?: string } = {}) => {
    const jwt = new SignJWT({ tenant_id: tenantId, roles: ['admin'], plan: 'STANDARD', scope: 'read write', ...claims })
      .setProtectedHeader({ alg: options.alg ?? 'ES256' })
      .setSubject('user-1')
      .setIssuer(options.iss ?? issuer)
      .setAudience(options.aud ?? audience)
      .setIssuedAt();
    if (options.exp !== null) jwt.setExpirationTime(options.exp ?? '5m');
    return jwt.sign(options.key ?? privateKey);
  };

  beforeAll(async () => {
    const pair = await generateKeyPair('ES256', { extractable: true });
    privateKey = pair.privateKey;
    publicJwk = { ...(await exportJWK(pair.publicKey)), alg: 'ES256' };
    otherKey = (await generateKeyPair('ES256')).privateKey;
    verifier = await createJwtVerifier({ issuer, audience, algorithms: ['ES256'], publicJwk });
  });

  it('maps a valid token to claims', async () => {
    const claims = await verifier.verify(await token());
    expect(claims).toMatchObject({ tenantId, userId: 'user-1', roles: ['ADMIN'], scopes: ['read', 'write'], plan: 'STANDARD', platformAdmin: false });
  });

  it.each([
    ['an expired token', () => token({}, { exp: Math.floor(Date.now() / 1000) - 60 }), /expired/],
    ['a token without exp', () => token({}, { exp: null }), /"exp"/],
    ['another issuer', () => token({}, { iss: 'https://evil.test/' }), /"iss"/],
    ['another audience', () => token({}, { aud: 'other-api' }), /"aud"/],
    ['a forged signature', () => token({}, { key: otherKey }), /signature/],
    ['no tenant and no operator flag', () => token({ tenant_id: undefined }), /no tenant/],
    ['a tenant id that is not a UUID', () => token({ tenant_id: "x' or 1=1" }), /tenant_id/],
    ['garbage', async () => 'not.a.jwt', /malformed/],
    ['an unsigned token', async () => `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(JSON.stringify({ tenant_id: tenantId, iss: issuer, aud: audience, sub: 'x', exp: 9999999999 })).toString('base64url')}.`, /./],
  ])('refuses %s', async (_name, make, message) => {
    const error = await verifier.verify(await make()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidTokenError);
    expect((error as Error).message).toMatch(message);
  });

  it('refuses an algorithm that is not pinned', async () => {
    const hsKey = new TextEncoder().encode('a-shared-secret-that-is-long-enough-32b');
    const forged = await new SignJWT({ tenant_id: tenantId })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('u')
      .setIssuer(issuer)
      .setAudience(audience)
      .setExpirationTime('5m')
      .sign(hsKey);
    await expect(verifier.verify(forged)).rejects.toBeInstanceOf(InvalidTokenError);
  });

  it('never takes the gateway-internal scopes from a token', async () => {
    const claims = await verifier.verify(await token({ scope: 'read internal:partner-lookup' }));
    expect(claims.scopes).toEqual(['read']);
  });

  it('accepts platform operators without a tenant', async () => {
    const claims = await verifier.verify(await token({ tenant_id: undefined, platform_admin: true }));
    expect(claims).toMatchObject({ tenantId: null, platformAdmin: true });
  });
});

describe('bearerToken', () => {
  it('reads the token of a Bearer header only', () => {
    expect(bearerToken('Bearer abc.def.ghi')).toBe('abc.def.ghi');
    expect(bearerToken('bearer   abc')).toBe('abc');
    expect(bearerToken('Basic abc')).toBeNull();
    expect(bearerToken(undefined)).toBeNull();
    expect(bearerToken('Bearer a b')).toBeNull();
  });
});
