import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { SignJWT, exportJWK, generateKeyPair } from 'jose';
import type { CryptoKey } from 'jose';
import { createContextSigner } from '../../subgraphs/kit/src/auth/contextToken.ts';
import { generateDevKeys } from '../../subgraphs/kit/src/auth/devKeys.ts';
import { listen } from '../../subgraphs/kit/src/http/listen.ts';
import type { Listening } from '../../subgraphs/kit/src/http/listen.ts';
import { silentLogger } from '../../subgraphs/kit/src/log.ts';
import { createJwtVerifier } from '../src/auth/createJwtVerifier.ts';
import { createGateway } from '../src/createGateway.ts';
import { TenantDirectoryUnavailable } from '../src/claims/createTenantDirectory.ts';
import type { TenantRecord } from '../src/claims/createTenantDirectory.ts';
import { createSubgraphHealth } from '../src/health/createSubgraphHealth.ts';

const issuer = 'https://idp.test/';
const audience = 'platform-api';
const tenantId = '0b9e3f4a-2c1d-4e5f-8a7b-6c5d4e3f2a1b';
const suspendedTenantId = '1b9e3f4a-2c1d-4e5f-8a7b-6c5d4e3f2a1b';
const downTenantId = '2b9e3f4a-2c1d-4e5f-8a7b-6c5d4e3f2a1b';
const directory = new Map<string, TenantRecord>([
  [tenantId, { plan: 'STANDARD', status: 'ACTIVE' }],
  [suspendedTenantId, { plan: 'STANDARD', status: 'SUSPENDED' }],
]);

describe('gateway HTTP edge (subgraphs unreachable)', () => {
  let http: Listening;
  let jwks: Server;
  let signingKey: CryptoKey;
  let gateway: ReturnType<typeof createGateway>;

  const token = (exp: string | number = '5m', key?: CryptoKey, tenant = tenantId) =>
    new SignJWT({ tenant_id: tenant, roles: ['member'] })
      .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
      .setIssuer(issuer)
      .setAudience(audience)
      .setSubject('u1')
      .setExpirationTime(exp)
      .sign(key ?? signingKey);

  beforeAll(async () => {
    // A real JWKS endpoint on loopback, as an identity provider serves it.
    const pair = await generateKeyPair('RS256', { extractable: true });
    signingKey = pair.privateKey;
    const publicJwk = { ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
    jwks = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ keys: [publicJwk] }));
    });
    await new Promise<void>((r) => jwks.listen(0, '127.0.0.1', r));
    const jwksUrl = `http://127.0.0.1:${(jwks.address() as AddressInfo).port}/.well-known/jwks.json`;
    const keys = await generateDevKeys();
    const subgraphUrls = { tenants: 'http://127.0.0.1:9/graphql' };
    gateway = createGateway({
      supergraphSdl: await readFile(join(import.meta.dirname, '..', '..', 'schema', 'supergraph.graphql'), 'utf8'),
      subgraphUrls,
      jwtVerifier: await createJwtVerifier({ issuer, audience, algorithms: ['RS256'], jwksUrl }),
      // The tenant directory is the gateway's own component; here it answers from a table.
      tenantDirectory: {
        lookup: async (id: string) => {
          if (id === downTenantId) throw new TenantDirectoryUnavailable('connection refused');
          return directory.get(id) ?? null;
        },
      },
      signer: await createContextSigner(keys.context.privateJwk),
      contextTokenTtlSeconds: 60,
      log: silentLogger,
      introspection: false,
      production: true,
      maxBodyBytes: 10_000,
      health: createSubgraphHealth({ subgraphUrls, timeoutMs: 300 }),
    });
    await gateway.start();
    http = await listen(gateway.handler, 0, '127.0.0.1');
  });
  afterAll(async () => {
    await http?.close();
    await gateway?.stop();
    jwks?.close();
  });

  const post = (body: string, headers: Record<string, string> = {}) =>
    fetch(http.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

  it('answers 401 UNAUTHENTICATED without a token, with a bad one and with an expired one', async () => {
    const bad: Array<Record<string, string>> = [{}, { authorization: 'Bearer nope' }, { authorization: `Bearer ${await token(Math.floor(Date.now() / 1000) - 100)}` }];
    for (const headers of bad) {
      const response = await post('{"query":"{ tenant { id } }"}', headers);
      expect(response.status).toBe(401);
      const body = (await response.json()) as { errors: Array<{ extensions: { code: string } }> };
      expect(body.errors[0]!.extensions.code).toBe('UNAUTHENTICATED');
    }
  });

  it('stops tokens of unknown or suspended tenants at the edge, and says when it cannot tell', async () => {
    const cases: Array<[string, number, string]> = [
      ['3b9e3f4a-2c1d-4e5f-8a7b-6c5d4e3f2a1b', 401, 'UNAUTHENTICATED'],
      [suspendedTenantId, 403, 'FORBIDDEN'],
      [downTenantId, 503, 'SERVICE_UNAVAILABLE'],
    ];
    for (const [tenant, status, code] of cases) {
      const response = await post('{"query":"{ tenant { id } }"}', { authorization: `Bearer ${await token('5m', undefined, tenant)}` });
      expect(response.status, code).toBe(status);
      const body = (await response.json()) as { errors: Array<{ extensions: { code: string } }> };
      expect(body.errors[0]!.extensions.code).toBe(code);
    }
  });

  it('verifies tokens against the JWKS and masks subgraph failures', async () => {
    const response = await post('{"query":"{ tenant { id } }"}', { authorization: `Bearer ${await token()}` });
    const body = (await response.json()) as { data: unknown; errors: Array<{ message: string; extensions: Record<string, unknown> }> };
    // Authenticated; the unreachable subgraph surfaces as a masked internal error, no URL or stack.
    expect(body.errors[0]!.extensions.code).toBe('INTERNAL_SERVER_ERROR');
    expect(JSON.stringify(body)).not.toMatch(/127\.0\.0\.1|ECONNREFUSED|stack/);
  });

  it('refuses introspection when the policy says so, and reports the field', async () => {
    const response = await post('{"query":"{ __schema { types { name } } }"}', { authorization: `Bearer ${await token()}` });
    const body = (await response.json()) as { errors: Array<{ extensions: { code: string } }> };
    expect(body.errors[0]!.extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('rejects oversized and malformed bodies with typed errors', async () => {
    const big = await post(JSON.stringify({ query: `{ tenant { id } } # ${'x'.repeat(20_000)}` }), { authorization: `Bearer ${await token()}` });
    expect(big.status).toBe(413);
    expect(((await big.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0]!.extensions.code).toBe('PAYLOAD_TOO_LARGE');
    const malformed = await post('{"query": ', { authorization: `Bearer ${await token()}` });
    expect(malformed.status).toBe(400);
    expect(((await malformed.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0]!.extensions.code).toBe('BAD_REQUEST');
  });

  it('refuses operations past the depth, alias and cost limits before planning (400), and runs the rest', async () => {
    const auth = { authorization: `Bearer ${await token()}` };
    type Body = { errors: Array<{ message: string; extensions: Record<string, unknown> }> };
    const send = async (query: string, variables?: Record<string, unknown>) => {
      const response = await post(JSON.stringify({ query, variables }), auth);
      return { status: response.status, body: (await response.json()) as Body };
    };
    // 13 levels (Conversation.messages ↔ Message.conversation), one more than the default 12.
    const deep = await send(
      '{ tenant { conversations(first: 1) { edges { node { messages(first: 1) { edges { node { conversation { messages(first: 1) { edges { node { conversation { id } } } } } } } } } } } } }',
    );
    expect(deep.status).toBe(400);
    expect(deep.body.errors[0]!.extensions).toEqual({ code: 'OPERATION_TOO_COMPLEX', limit: 'depth', max: 12, actual: 13 });

    const aliased = await send(`{ ${Array.from({ length: 31 }, (_, i) => `a${i}: tenant { id }`).join(' ')} }`);
    expect(aliased.status).toBe(400);
    expect(aliased.body.errors[0]!.extensions).toMatchObject({ code: 'OPERATION_TOO_COMPLEX', limit: 'aliases', max: 30, actual: 31 });

    // Cost follows the variables: the same document is refused for a huge page and planned for a small one.
    const paged = 'query ($n: Int) { tenant { conversations(first: $n) { edges { node { id title messages(first: $n) { edges { node { content } } } } } } } }';
    const costly = await send(paged, { n: 1_000 });
    expect(costly.status).toBe(400);
    expect(costly.body.errors[0]!.extensions).toMatchObject({ code: 'OPERATION_TOO_COMPLEX', limit: 'cost', max: 10_000 });
    const modest = await send(paged, { n: 10 });
    // Past the limits check: it reaches the (unreachable) subgraph and fails there, masked.
    expect(modest.body.errors[0]!.extensions.code).toBe('INTERNAL_SERVER_ERROR');

    // The token limit: gateway/test/subscriptions.int.test.ts (HTTP and graphql-ws, with a small limit).
  });

  it('refuses a NUL character in any text input before planning, as BAD_USER_INPUT', async () => {
    const response = await post(JSON.stringify({ query: 'query ($s: String!) { tenantBySlug(slug: $s) { id } }', variables: { s: 'a\u0000b' } }), {
      authorization: `Bearer ${await token()}`,
    });
    const body = (await response.json()) as { errors: Array<{ extensions: { code: string } }> };
    expect(body.errors[0]!.extensions.code).toBe('BAD_USER_INPUT');
  });

  it('reports 503 on /health while a subgraph is unreachable', async () => {
    const response = await fetch(new URL('/health', http.url));
    expect(response.status).toBe(503);
    const body = (await response.json()) as { subgraphs: Record<string, string> };
    expect(body.subgraphs.tenants).toMatch(/unreachable/);
  });
});

