import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { SignJWT, exportJWK, generateKeyPair } from 'jose';
import type { CryptoKey } from 'jose';
import { createContextSigner } from '../../subgraphs/kit/src/auth/contextToken.ts';
import { generateDevKeys } from '../../subgraphs/kit/src/auth/devKeys.ts';
import { createRedisCache } from '../../subgraphs/kit/src/cache/createRedisCache.ts';
import type { Cache } from '../../subgraphs/kit/src/cache/Cache.ts';
import { listen } from '../../subgraphs/kit/src/http/listen.ts';
import type { Listening } from '../../subgraphs/kit/src/http/listen.ts';
import { silentLogger } from '../../subgraphs/kit/src/log.ts';
import { TEST_REDIS_URL, uniqueSuffix } from '../../subgraphs/kit/src/testing/testEnvironment.ts';
import { createJwtVerifier } from '../src/auth/createJwtVerifier.ts';
import { createGateway } from '../src/createGateway.ts';

const issuer = 'https://idp.test/';
const audience = 'platform-api';
const tenantId = '0b9e3f4a-2c1d-4e5f-8a7b-6c5d4e3f2a1b';
const MAX_DOCUMENT_BYTES = 512;
// Long enough that a loaded machine stores and reads the document back well within it.
const SHORT_TTL_SECONDS = 5;

interface Body {
  data?: Record<string, unknown>;
  errors?: Array<{ message: string; extensions?: { code?: string } }>;
}
interface Replica {
  http: Listening;
  gateway: ReturnType<typeof createGateway>;
  cache: Cache;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const persisted = (hash: string) => ({ persistedQuery: { version: 1, sha256Hash: hash } });
// Each test its own document (a different comment), so no test sees another's registration.
const documentFor = (label: string) => `{ __typename } # ${label} ${uniqueSuffix()}`;

describe('automatic persisted queries through the gateway (real Redis, two replicas)', () => {
  const prefix = `test:gateway:${uniqueSuffix()}:`;
  const replicas: Replica[] = [];
  let redis: Redis;
  let signingKey: CryptoKey;
  let authorization: string;
  let a: Replica;
  let b: Replica;
  let shortLived: Replica;
  let verifyJwk: Awaited<ReturnType<typeof exportJWK>>;

  async function replica(supergraphSdl: string, ttlSeconds: number): Promise<Replica> {
    const keys = await generateDevKeys();
    const cache = await createRedisCache({ url: TEST_REDIS_URL, prefix, log: silentLogger });
    const gateway = createGateway({
      supergraphSdl,
      // No subgraph runs: every operation here is answered by the gateway alone ({ __typename }).
      subgraphUrls: { tenants: 'http://127.0.0.1:9/graphql' },
      jwtVerifier: await createJwtVerifier({ issuer, audience, algorithms: ['ES256'], publicJwk: verifyJwk }),
      tenantDirectory: { lookup: async () => ({ plan: 'STANDARD', status: 'ACTIVE' }) },
      signer: await createContextSigner(keys.context.privateJwk),
      contextTokenTtlSeconds: 60,
      log: silentLogger,
      introspection: false,
      production: true,
      maxBodyBytes: 100_000,
      health: async () => ({ ok: true }),
      apq: { cache, ttlSeconds, maxDocumentBytes: MAX_DOCUMENT_BYTES },
    });
    await gateway.start();
    const http = await listen(gateway.handler, 0, '127.0.0.1');
    const created = { http, gateway, cache };
    replicas.push(created);
    return created;
  }

  beforeAll(async () => {
    const pair = await generateKeyPair('ES256', { extractable: true });
    signingKey = pair.privateKey;
    verifyJwk = { ...(await exportJWK(pair.publicKey)), alg: 'ES256' };
    authorization = `Bearer ${await new SignJWT({ tenant_id: tenantId, roles: ['member'] })
      .setProtectedHeader({ alg: 'ES256' })
      .setIssuer(issuer)
      .setAudience(audience)
      .setSubject('u1')
      .setExpirationTime('10m')
      .sign(signingKey)}`;
    redis = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: 1 });
    const supergraphSdl = await readFile(join(import.meta.dirname, '..', '..', 'schema', 'supergraph.graphql'), 'utf8');
    a = await replica(supergraphSdl, 24 * 3600);
    b = await replica(supergraphSdl, 24 * 3600);
    shortLived = await replica(supergraphSdl, SHORT_TTL_SECONDS);
  });

  afterAll(async () => {
    for (const r of replicas) {
      await r.http.close();
      await r.gateway.stop();
      await r.cache.close();
    }
    if (redis) {
      const keys = await redis.keys(`${prefix}*`);
      if (keys.length > 0) await redis.del(...keys);
      await redis.quit();
    }
  });

  const post = async (r: Replica, body: unknown) => {
    const response = await fetch(r.http.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as Body };
  };
  const get = async (r: Replica, params: Record<string, unknown>) => {
    const url = new URL(r.http.url);
    for (const [key, value] of Object.entries(params)) url.searchParams.set(key, typeof value === 'string' ? value : JSON.stringify(value));
    // A JSON content type is what Apollo Client sends; it also satisfies Apollo's CSRF prevention.
    const response = await fetch(url, { headers: { 'content-type': 'application/json', authorization } });
    return { status: response.status, headers: response.headers, body: (await response.json()) as Body };
  };
  const storedKey = (hash: string) => `${prefix}apq:${hash}`;
  // Apollo stores the document without awaiting the write (the response does not wait on Redis).
  async function untilStored(hash: string) {
    const deadline = Date.now() + 15_000;
    while (Date.now() < deadline) {
      if ((await redis.exists(storedKey(hash))) === 1) return;
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error(`persisted query ${hash} was never stored`);
  }
  const codeOf = (body: Body) => body.errors?.[0]?.extensions?.code;

  it('answers a hash-only request with PERSISTED_QUERY_NOT_FOUND, then registers, then runs by hash on every replica', async () => {
    const query = documentFor('round trip');
    const hash = sha256(query);

    const unknown = await post(a, { extensions: persisted(hash) });
    expect(unknown.body.data).toBeUndefined();
    expect(codeOf(unknown.body)).toBe('PERSISTED_QUERY_NOT_FOUND');
    expect(unknown.body.errors?.[0]?.message).toBe('PersistedQueryNotFound');

    const registered = await post(a, { query, extensions: persisted(hash) });
    expect(registered.status).toBe(200);
    expect(registered.body).toEqual({ data: { __typename: 'Query' } });
    await untilStored(hash);
    expect(await redis.get(storedKey(hash))).toBe(query);

    const again = await post(a, { extensions: persisted(hash) });
    expect(again.body).toEqual({ data: { __typename: 'Query' } });
    // The second replica never saw the document: it reads it from the shared Redis.
    const otherReplica = await post(b, { extensions: persisted(hash) });
    expect(otherReplica.body).toEqual({ data: { __typename: 'Query' } });
  });

  it('runs a registered query by hash over GET, with extensions in the query string', async () => {
    const query = documentFor('get');
    const hash = sha256(query);
    const missing = await get(b, { extensions: persisted(hash) });
    expect(codeOf(missing.body)).toBe('PERSISTED_QUERY_NOT_FOUND');
    // Registration over GET too (Apollo Client's useGETForHashedQueries retries like this).
    const registered = await get(b, { query, extensions: persisted(hash) });
    expect(registered.status).toBe(200);
    expect(registered.body).toEqual({ data: { __typename: 'Query' } });
    await untilStored(hash);
    const byHash = await get(a, { extensions: persisted(hash) });
    expect(byHash.status).toBe(200);
    expect(byHash.body).toEqual({ data: { __typename: 'Query' } });
  });

  it('refuses mutations over GET (405), registered or sent in full', async () => {
    const mutation = `mutation { __typename } # ${uniqueSuffix()}`;
    const hash = sha256(mutation);
    const inFull = await get(a, { query: mutation, extensions: persisted(hash) });
    expect(inFull.status).toBe(405);
    expect(inFull.headers.get('allow')).toBe('POST');
    expect(codeOf(inFull.body)).toBe('BAD_REQUEST');
    // Registered over POST (it runs there), still refused by hash over GET.
    const overPost = await post(a, { query: mutation, extensions: persisted(hash) });
    expect(overPost.body).toEqual({ data: { __typename: 'Mutation' } });
    await untilStored(hash);
    const byHash = await get(b, { extensions: persisted(hash) });
    expect(byHash.status).toBe(405);
    expect(byHash.body.data).toBeUndefined();
  });

  it('refuses a hash that does not match the document, as BAD_REQUEST, and stores nothing', async () => {
    const query = documentFor('mismatch');
    const wrong = sha256(`${query} `);
    const response = await post(a, { query, extensions: persisted(wrong) });
    expect(response.status).toBe(400);
    expect(response.body.data).toBeUndefined();
    expect(response.body.errors?.[0]?.message).toBe('provided sha does not match query');
    expect(codeOf(response.body)).toBe('BAD_REQUEST');
    expect(await redis.exists(storedKey(wrong), storedKey(sha256(query)))).toBe(0);
    // An unsupported protocol version is a client error as well.
    const version = await post(a, { query, extensions: { persistedQuery: { version: 2, sha256Hash: sha256(query) } } });
    expect(version.status).toBe(400);
    expect(codeOf(version.body)).toBe('BAD_REQUEST');
  });

  it('executes an oversized document but does not store it', async () => {
    const query = `{ __typename } # ${'x'.repeat(MAX_DOCUMENT_BYTES)} ${uniqueSuffix()}`;
    const hash = sha256(query);
    const response = await post(a, { query, extensions: persisted(hash) });
    expect(response.body).toEqual({ data: { __typename: 'Query' } });
    // A small document registered after it is the barrier: once it is stored, the big one would be too.
    const small = documentFor('barrier');
    await post(a, { query: small, extensions: persisted(sha256(small)) });
    await untilStored(sha256(small));
    expect(await redis.exists(storedKey(hash))).toBe(0);
    const byHash = await post(b, { extensions: persisted(hash) });
    expect(codeOf(byHash.body)).toBe('PERSISTED_QUERY_NOT_FOUND');
  });

  it(`honours the TTL: a document registered with a ${SHORT_TTL_SECONDS} s TTL is gone after it`, async () => {
    const query = documentFor('ttl');
    const hash = sha256(query);
    await post(shortLived, { query, extensions: persisted(hash) });
    await untilStored(hash);
    const pttl = await redis.pttl(storedKey(hash));
    expect(pttl).toBeGreaterThan(0);
    expect(pttl).toBeLessThanOrEqual(SHORT_TTL_SECONDS * 1000);
    expect((await post(shortLived, { extensions: persisted(hash) })).body).toEqual({ data: { __typename: 'Query' } });
    // Redis expires the key on its own clock: wait for that, not for a guess of it.
    await expect.poll(() => redis.exists(storedKey(hash)), { timeout: SHORT_TTL_SECONDS * 1000 + 15_000, interval: 100 }).toBe(0);
    expect(codeOf((await post(shortLived, { extensions: persisted(hash) })).body)).toBe('PERSISTED_QUERY_NOT_FOUND');
    // The long-lived replicas store with their own TTL (24 h).
    const lasting = documentFor('lasting');
    await post(a, { query: lasting, extensions: persisted(sha256(lasting)) });
    await untilStored(sha256(lasting));
    expect(await redis.ttl(storedKey(sha256(lasting)))).toBeGreaterThan(24 * 3600 - 60);
  });

  it('still requires authentication for persisted queries', async () => {
    const response = await fetch(a.http.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ extensions: persisted(sha256('{ __typename }')) }),
    });
    expect(response.status).toBe(401);
  });
});
