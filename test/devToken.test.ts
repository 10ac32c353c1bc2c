import { decodeJwt, decodeProtectedHeader } from 'jose';
import { describe, expect, it } from 'vitest';
import { createJwtVerifier } from '../gateway/src/auth/createJwtVerifier.ts';
import { loadGatewayConfig } from '../gateway/src/config.ts';
import { generateDevKeys } from '../subgraphs/kit/src/auth/devKeys.ts';
import { DEV_USER_ID, mintDevToken, parseDuration, parseTokenArgs, UsageError } from '../scripts/devToken.ts';
import type { DevTokenSigner } from '../scripts/devToken.ts';
import { resolveTenant } from '../scripts/token.ts';
import type { GatewayClient } from '../scripts/gatewayClient.ts';

const TENANT = '3f2c8a4e-1b7d-4c2a-9e5f-0a1b2c3d4e5f';

/** A signer and the gateway's own verifier, both from the gateway's default configuration. */
async function setup(env: Record<string, string> = {}) {
  const keys = await generateDevKeys();
  const config = loadGatewayConfig(env, '/nowhere');
  const signer: DevTokenSigner = { issuer: config.jwt.issuer, audience: config.jwt.audience, privateJwk: keys.jwt.privateJwk };
  const verifier = await createJwtVerifier({ ...config.jwt, publicJwk: keys.jwt.publicJwk });
  return { keys, signer, verifier, config };
}

describe('mintDevToken', () => {
  it('makes a tenant token the gateway verifies, with sub, tenant_id, roles, plan and exp', async () => {
    const { signer, verifier } = await setup();
    const token = await mintDevToken(signer, { tenantId: TENANT, roles: ['ADMIN'], plan: 'PROFESSIONAL', ttlSeconds: 3600 });
    const claims = await verifier.verify(token);
    expect(claims).toMatchObject({ tenantId: TENANT, userId: DEV_USER_ID, roles: ['ADMIN'], plan: 'PROFESSIONAL', platformAdmin: false });
    const payload = decodeJwt(token);
    expect(payload.exp! - payload.iat!).toBe(3600);
    expect(payload).toMatchObject({ sub: DEV_USER_ID, tenant_id: TENANT, roles: ['ADMIN'], plan: 'PROFESSIONAL' });
    expect(payload.platform_admin).toBeUndefined();
    expect(decodeProtectedHeader(token)).toMatchObject({ alg: 'ES256', kid: 'dev-jwt' });
  });

  it('makes an operator token with no tenant', async () => {
    const { signer, verifier } = await setup();
    const token = await mintDevToken(signer, { platformAdmin: true, ttlSeconds: 60 });
    expect(await verifier.verify(token)).toMatchObject({ tenantId: null, platformAdmin: true, roles: [] });
    expect(decodeJwt(token).tenant_id).toBeUndefined();
  });

  it('uses JWT_ISSUER and JWT_AUDIENCE when they are set, and the gateway then refuses the defaults', async () => {
    const custom = await setup({ JWT_ISSUER: 'https://id.example.test/', JWT_AUDIENCE: 'custom-api' });
    const token = await mintDevToken(custom.signer, { tenantId: TENANT, ttlSeconds: 60 });
    expect(decodeJwt(token)).toMatchObject({ iss: 'https://id.example.test/', aud: 'custom-api' });
    await expect(custom.verifier.verify(token)).resolves.toMatchObject({ tenantId: TENANT });
    const defaults = await createJwtVerifier({ ...loadGatewayConfig({}, '/nowhere').jwt, publicJwk: custom.keys.jwt.publicJwk });
    await expect(defaults.verify(token)).rejects.toThrow(/claim "(iss|aud)"/);
  });

  it('expires after its lifetime', async () => {
    const { signer, verifier } = await setup();
    const twoHoursAgo = Date.now() - 2 * 3600_000;
    const token = await mintDevToken(signer, { tenantId: TENANT, ttlSeconds: 3600 }, twoHoursAgo);
    await expect(verifier.verify(token)).rejects.toThrow('token has expired');
  });

  it('is refused when signed with another key', async () => {
    const { signer } = await setup();
    const other = await setup();
    const token = await mintDevToken(signer, { tenantId: TENANT, ttlSeconds: 60 });
    await expect(other.verifier.verify(token)).rejects.toThrow('token signature is invalid');
  });

  it('refuses to mint tokens that name no tenant, a bad tenant id or no lifetime', async () => {
    const { signer } = await setup();
    await expect(mintDevToken(signer, { ttlSeconds: 60 })).rejects.toThrow(/names a tenant/);
    await expect(mintDevToken(signer, { tenantId: 'acme', ttlSeconds: 60 })).rejects.toThrow(/not a UUID/);
    await expect(mintDevToken(signer, { tenantId: TENANT, ttlSeconds: 0 })).rejects.toThrow(/positive/);
  });
});

describe('parseTokenArgs', () => {
  it('reads a tenant token request with roles, lifetime and plan', () => {
    expect(parseTokenArgs(['--tenant', 'demo', '--role', 'admin', '--role=member,viewer', '--ttl', '2h', '--plan', 'enterprise'])).toEqual({
      kind: 'tenant',
      tenant: 'demo',
      roles: ['ADMIN', 'MEMBER', 'VIEWER'],
      ttlSeconds: 7200,
      plan: 'ENTERPRISE',
      subject: DEV_USER_ID,
    });
  });

  it('defaults to a MEMBER token valid one hour', () => {
    expect(parseTokenArgs(['--tenant', TENANT])).toMatchObject({ kind: 'tenant', tenant: TENANT, roles: ['MEMBER'], ttlSeconds: 3600, plan: null });
  });

  it('reads an operator token request', () => {
    expect(parseTokenArgs(['--platform-admin', '--ttl', '15m'])).toEqual({ kind: 'platform-admin', subject: DEV_USER_ID, ttlSeconds: 900 });
  });

  it.each([
    [[], /say which tenant/],
    [['--tenant'], /--tenant needs a value/],
    [['--tenant', '--role', 'admin'], /--tenant needs a value/],
    [['--tenant', 'demo', '--role', 'owner'], /unknown role "owner"/],
    [['--tenant', 'demo', '--ttl', 'soon'], /--ttl must be a duration/],
    [['--tenant', 'demo', '--plan', 'GOLD'], /unknown plan "GOLD"/],
    [['--tenant', 'Not A Slug'], /--tenant must be a tenant id/],
    [['--tenant', 'demo', '--platform-admin'], /either --tenant or --platform-admin/],
    [['--platform-admin', '--role', 'admin'], /tenant tokens only/],
    [['--tenant', 'demo', '--user', 'bob'], /--user must be a user id/],
    [['--tenant', 'demo', 'extra'], /unknown argument "extra"/],
  ])('rejects %j', (argv, message) => {
    expect(() => parseTokenArgs(argv)).toThrow(UsageError);
    expect(() => parseTokenArgs(argv)).toThrow(message);
  });

  it('answers --help', () => {
    expect(parseTokenArgs(['--help'])).toEqual({ kind: 'help' });
  });
});

describe('parseDuration', () => {
  it.each([
    ['90', 90],
    ['90s', 90],
    ['15m', 900],
    ['12h', 43_200],
    ['7d', 604_800],
  ])('%s is %i seconds', (text, seconds) => expect(parseDuration(text)).toBe(seconds));

  it.each(['0', '-1h', '1.5h', '1w', ''])('refuses %j', (text) => expect(() => parseDuration(text)).toThrow(UsageError));
});

describe('resolveTenant', () => {
  /** Stands in for the HTTP call only; what it is sent is checked with the gateway's real verifier. */
  function recordingClient(answer: unknown): GatewayClient & { calls: Array<{ query: string; variables: Record<string, unknown>; token: string }> } {
    const calls: Array<{ query: string; variables: Record<string, unknown>; token: string }> = [];
    return {
      calls,
      async request<TData>(query: string, variables: Record<string, unknown>, token: string) {
        calls.push({ query, variables, token });
        return answer as TData;
      },
    };
  }

  it('takes a tenant id as it is, without asking the gateway', async () => {
    const { signer } = await setup();
    const client = recordingClient(null);
    await expect(resolveTenant(TENANT.toUpperCase(), client, signer)).resolves.toEqual({ id: TENANT, plan: null });
    expect(client.calls).toHaveLength(0);
  });

  it('looks a slug up with a short-lived operator token', async () => {
    const { signer, verifier } = await setup();
    const client = recordingClient({ tenantBySlug: { id: TENANT, plan: 'STANDARD' } });
    await expect(resolveTenant('demo', client, signer)).resolves.toEqual({ id: TENANT, plan: 'STANDARD' });
    const [call] = client.calls;
    expect(call!.query).toContain('tenantBySlug(slug: $slug) { id plan }');
    expect(call!.variables).toEqual({ slug: 'demo' });
    expect(await verifier.verify(call!.token)).toMatchObject({ platformAdmin: true, tenantId: null });
    const payload = decodeJwt(call!.token);
    expect(payload.exp! - payload.iat!).toBeLessThanOrEqual(60);
  });

  it('says so when no tenant has the slug', async () => {
    const { signer } = await setup();
    await expect(resolveTenant('nobody', recordingClient({ tenantBySlug: null }), signer)).rejects.toThrow('no tenant has the slug "nobody"');
  });
});
