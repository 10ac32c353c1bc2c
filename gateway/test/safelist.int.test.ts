import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SignJWT, exportJWK, generateKeyPair } from 'jose';
import { createContextSigner } from '../../subgraphs/kit/src/auth/contextToken.ts';
import { generateDevKeys } from '../../subgraphs/kit/src/auth/devKeys.ts';
import { listen } from '../../subgraphs/kit/src/http/listen.ts';
import type { Listening } from '../../subgraphs/kit/src/http/listen.ts';
import { silentLogger } from '../../subgraphs/kit/src/log.ts';
import { createJwtVerifier } from '../src/auth/createJwtVerifier.ts';
import type { PartnerDirectory } from '../src/auth/createPartnerDirectory.ts';
import { createGateway } from '../src/createGateway.ts';
import { loadSafelist } from '../src/persisted/loadSafelist.ts';

const supergraphPath = join(import.meta.dirname, '..', '..', 'schema', 'supergraph.graphql');
const issuer = 'https://idp.test/';
const audience = 'platform-api';
const tenantId = '0b9e3f4a-2c1d-4e5f-8a7b-6c5d4e3f2a1b';
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

// Answered by the gateway alone ({ __typename }): no subgraph runs in this test. `tenant` would need
// the (absent) tenants subgraph, so a refusal that were executed would show a fetch error instead.
const allowed = 'query Ping { __typename }';
const unlisted = 'query Other { __typename }';
const subgraphQuery = 'query TenantName { tenant { name } }';
const introspection = '{ __schema { queryType { name } } }';

interface Body {
  data?: Record<string, unknown>;
  errors?: Array<{ message: string; extensions?: { code?: string } }>;
}

describe('safelist mode (enforce) and the partner gate in the gateway', () => {
  let dir: string;
  let http: Listening;
  let gateway: ReturnType<typeof createGateway>;
  let authorization: string;
  const lookups: string[] = [];

  const post = async (body: unknown, headers: Record<string, string> = { authorization }) => {
    const response = await fetch(http.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
    return { status: response.status, body: (await response.json()) as Body };
  };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'safelist-'));
    const manifest = {
      format: 'apollo-persisted-query-manifest',
      version: 1,
      operations: [{ id: sha256(allowed), name: 'Ping', type: 'query', body: allowed }],
    };
    await writeFile(join(dir, 'apollo.json'), JSON.stringify(manifest));
    const pair = await generateKeyPair('ES256', { extractable: true });
    const verifyJwk = { ...(await exportJWK(pair.publicKey)), alg: 'ES256' };
    authorization = `Bearer ${await new SignJWT({ tenant_id: tenantId, roles: ['member'] })
      .setProtectedHeader({ alg: 'ES256' })
      .setIssuer(issuer)
      .setAudience(audience)
      .setSubject('user-1')
      .setExpirationTime('10m')
      .sign(pair.privateKey)}`;
    // The partner directory's HTTP lookups are covered end to end (e2e/partners); here a fixed
    // answer isolates the gate: which requests it lets through and what it asks for.
    const partners: PartnerDirectory = {
      access: async (keyHash) => {
        lookups.push(`key:${keyHash}`);
        return keyHash === sha256('good-key') ? { clientId: 'c1', clientName: 'acme', tenantId, documentIds: [`sha256:${sha256(allowed)}`] } : null;
      },
      document: async (clientId, documentId) => {
        lookups.push(`doc:${documentId}`);
        return clientId === 'c1' && documentId === sha256(allowed) ? allowed : null;
      },
    };
    const keys = await generateDevKeys();
    gateway = createGateway({
      supergraphSdl: await readFile(supergraphPath, 'utf8'),
      subgraphUrls: { tenants: 'http://127.0.0.1:9/graphql' },
      jwtVerifier: await createJwtVerifier({ issuer, audience, algorithms: ['ES256'], publicJwk: verifyJwk }),
      tenantDirectory: { lookup: async () => ({ plan: 'STANDARD', status: 'ACTIVE' }) },
      signer: await createContextSigner(keys.context.privateJwk),
      contextTokenTtlSeconds: 60,
      log: silentLogger,
      introspection: true,
      production: true,
      maxBodyBytes: 100_000,
      health: async () => ({ ok: true }),
      partners,
      safelist: await loadSafelist(join(dir, 'apollo.json'), supergraphPath),
    });
    await gateway.start();
    http = await listen(gateway.handler, 0, '127.0.0.1');
  });

  afterAll(async () => {
    await http?.close();
    await gateway?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('runs a listed document by its text, by documentId (bare or sha256:) and by APQ hash', async () => {
    const byText = await post({ query: allowed });
    expect(byText.body).toEqual({ data: { __typename: 'Query' } });
    const byId = await post({ documentId: `sha256:${sha256(allowed)}` });
    expect(byId.body).toEqual({ data: { __typename: 'Query' } });
    const byApq = await post({ extensions: { persistedQuery: { version: 1, sha256Hash: sha256(allowed) } } });
    expect(byApq.body).toEqual({ data: { __typename: 'Query' } });
    const byGet = await fetch(`${http.url}?documentId=${sha256(allowed)}`, { headers: { authorization, 'apollo-require-preflight': 'true' } });
    expect(await byGet.json()).toEqual({ data: { __typename: 'Query' } });
  });

  it('refuses unlisted text, unknown ids and APQ registration of unlisted text, without executing them', async () => {
    for (const body of [
      { query: unlisted },
      { query: subgraphQuery },
      { documentId: sha256(unlisted) },
      { query: unlisted, extensions: { persistedQuery: { version: 1, sha256Hash: sha256(unlisted) } } },
    ]) {
      const refused = await post(body);
      expect(refused.status).toBe(403);
      expect(refused.body.data).toBeUndefined();
      expect(refused.body.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_ALLOWED');
    }
    // The refused registration left nothing behind: the hash alone is still refused.
    const after = await post({ extensions: { persistedQuery: { version: 1, sha256Hash: sha256(unlisted) } } });
    expect(after.body.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_ALLOWED');
  });

  it('lets introspection through as INTROSPECTION says (enabled here)', async () => {
    const result = await post({ query: introspection });
    expect(result.body).toEqual({ data: { __schema: { queryType: { name: 'Query' } } } });
  });

  it('partners: a registered document runs; unknown keys get 401; anything else is refused before a document lookup', async () => {
    const ok = await post({ documentId: sha256(allowed) }, { 'x-api-key': 'good-key' });
    expect(ok.body).toEqual({ data: { __typename: 'Query' } });
    const badKey = await post({ documentId: sha256(allowed) }, { 'x-api-key': 'bad-key' });
    expect(badKey.status).toBe(401);
    expect(badKey.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    lookups.length = 0;
    for (const body of [{ query: unlisted }, { documentId: sha256(unlisted) }, { query: unlisted, extensions: { persistedQuery: { version: 1, sha256Hash: sha256(unlisted) } } }]) {
      const refused = await post(body, { 'x-api-key': 'good-key' });
      expect(refused.status).toBe(403);
      expect(refused.body.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_ALLOWED');
    }
    expect(lookups.filter((l) => l.startsWith('doc:'))).toEqual([]);
  });

  it('refuses to load a manifest with an invalid operation, naming the reason', async () => {
    const body = 'query Broken { noSuchField }';
    await writeFile(join(dir, 'codegen.json'), JSON.stringify({ [sha256(body)]: body }));
    await expect(loadSafelist(join(dir, 'codegen.json'), supergraphPath)).rejects.toThrow(/noSuchField/);
    await writeFile(join(dir, 'codegen-ok.json'), JSON.stringify({ [sha256(allowed)]: allowed }));
    expect([...(await loadSafelist(join(dir, 'codegen-ok.json'), supergraphPath)).keys()]).toEqual([sha256(allowed)]);
  });
});
