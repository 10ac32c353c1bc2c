import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash, randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ApolloClient, HttpLink, InMemoryCache, gql } from '@apollo/client';
import { createPersistedQueryLink } from '@apollo/client/link/persisted-queries';
import { CreateTenantDocument, TenantOverviewDocument } from './generated/graphql.ts';
import { bearer, request } from './harness/graphqlClient.ts';
import { startStack } from './harness/startStack.ts';
import type { Stack } from './harness/startStack.ts';

/** One HTTP exchange as the client sent it: the GraphQL params from the JSON body or the GET query string. */
interface Sent {
  method: string;
  query: string | undefined;
  hash: string | undefined;
  errorCodes: unknown[];
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/**
 * Interoperability of the gateway's persisted queries with the ecosystem's tools: Apollo Client's
 * persisted-queries link (Apollo's APQ protocol, POST and GET) and the manifest `npm run codegen`
 * emits (e2e/generated/persisted-documents.json), registered as a partner client's trusted documents.
 */
describe('persisted queries through the gateway', () => {
  let stack: Stack;
  let token: string;
  let tenantName: string;

  /** A fetch that records what each request carried and the error codes it got back. */
  const recordingFetch = (sent: Sent[]): typeof fetch => async (input, init) => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    const method = init?.method ?? 'GET';
    let params: { query?: string; extensions?: { persistedQuery?: { sha256Hash?: string } } };
    if (method === 'GET') {
      const extensions = url.searchParams.get('extensions');
      params = { query: url.searchParams.get('query') ?? undefined, extensions: extensions ? JSON.parse(extensions) : undefined };
    } else {
      params = JSON.parse(String(init?.body)) as typeof params;
    }
    const response = await fetch(input, init);
    const body = (await response.clone().json()) as { errors?: Array<{ extensions?: { code?: unknown } }> };
    sent.push({
      method,
      query: params.query,
      hash: params.extensions?.persistedQuery?.sha256Hash,
      errorCodes: (body.errors ?? []).map((e) => e.extensions?.code),
    });
    return response;
  };

  const apqClient = (sent: Sent[], useGETForHashedQueries: boolean) =>
    new ApolloClient({
      cache: new InMemoryCache(),
      link: createPersistedQueryLink({ sha256, useGETForHashedQueries }).concat(
        new HttpLink({ uri: stack.gatewayUrl, headers: bearer(token), fetch: recordingFetch(sent) }),
      ),
    });

  beforeAll(async () => {
    stack = await startStack();
    const operator = await stack.token({ platform_admin: true });
    tenantName = `Persisted ${randomUUID().slice(0, 6)}`;
    const created = await request(
      stack.gatewayUrl,
      CreateTenantDocument,
      { input: { slug: `persisted-${randomUUID().slice(0, 8)}`, name: tenantName, plan: 'PROFESSIONAL' } },
      bearer(operator),
    );
    if (!created.data) throw new Error(`createTenant failed: ${JSON.stringify(created.errors)}\n${stack.logs()}`);
    token = await stack.token({ tenant_id: created.data.createTenant.id, roles: ['admin'], sub: randomUUID() });
  }, 240_000);

  afterAll(async () => {
    await stack?.stop();
  });

  it('registers a query on PERSISTED_QUERY_NOT_FOUND, then sends only its hash (POST)', async () => {
    const sent: Sent[] = [];
    const client = apqClient(sent, false);
    try {
      const first = await client.query({ query: TenantOverviewDocument, fetchPolicy: 'no-cache' });
      expect(first.error).toBeUndefined();
      expect(first.data?.tenant).toMatchObject({ name: tenantName, plan: 'PROFESSIONAL' });
      // The link's transparent round trip: hash alone → NOT_FOUND → the same hash with the query.
      expect(sent).toHaveLength(2);
      expect(sent[0]).toMatchObject({ method: 'POST', query: undefined, errorCodes: ['PERSISTED_QUERY_NOT_FOUND'] });
      expect(sent[0]!.hash).toMatch(/^[0-9a-f]{64}$/);
      expect(sent[1]).toMatchObject({ method: 'POST', hash: sent[0]!.hash, errorCodes: [] });
      expect(sha256(sent[1]!.query!)).toBe(sent[0]!.hash);

      const second = await client.query({ query: TenantOverviewDocument, fetchPolicy: 'no-cache' });
      expect(second.error).toBeUndefined();
      expect(second.data).toEqual(first.data);
      expect(sent).toHaveLength(3);
      expect(sent[2]).toMatchObject({ method: 'POST', query: undefined, hash: sent[0]!.hash, errorCodes: [] });
    } finally {
      client.stop();
    }
  });

  it('sends hashed queries as cacheable GETs with useGETForHashedQueries', async () => {
    const sent: Sent[] = [];
    const client = apqClient(sent, true);
    // A document no other test registered, so this client sees the NOT_FOUND round trip itself.
    const query = gql`
      query PersistedTenantName {
        tenant {
          id
          name
        }
      }
    `;
    try {
      const first = await client.query({ query, fetchPolicy: 'no-cache' });
      expect(first.error).toBeUndefined();
      expect(first.data).toMatchObject({ tenant: { name: tenantName } });
      expect(sent.map((s) => [s.method, s.query === undefined, s.errorCodes])).toEqual([
        ['GET', true, ['PERSISTED_QUERY_NOT_FOUND']],
        ['POST', false, []], // the link registers the query with a POST
      ]);

      const second = await client.query({ query, fetchPolicy: 'no-cache' });
      expect(second.data).toEqual(first.data);
      expect(sent).toHaveLength(3);
      expect(sent[2]).toMatchObject({ method: 'GET', query: undefined, hash: sent[0]!.hash, errorCodes: [] });
    } finally {
      client.stop();
    }
  });

  it("registers codegen's persisted documents manifest for a partner client, which then runs its documents by id", async () => {
    const manifest = JSON.parse(await readFile(join(import.meta.dirname, 'generated', 'persisted-documents.json'), 'utf8')) as Record<string, string>;
    const ids = Object.keys(manifest);
    expect(ids.length).toBeGreaterThan(0);

    const created = await request<{ createPartnerClient: { client: { id: string; name: string }; apiKey: string } }, Record<string, unknown>>(
      stack.gatewayUrl,
      'mutation ($input: CreatePartnerClientInput!) { createPartnerClient(input: $input) { client { id name } apiKey } }',
      { input: { name: 'Codegen partner' } },
      bearer(token),
    );
    if (!created.data) throw new Error(`createPartnerClient failed: ${JSON.stringify(created.errors)}\n${stack.logs()}`);
    const { client, apiKey } = created.data.createPartnerClient;
    expect(client.name).toBe('Codegen partner');
    expect(apiKey).toMatch(/^ptk_/);

    const registered = await request<{ registerPersistedDocuments: { documentIds: string[] } }, Record<string, unknown>>(
      stack.gatewayUrl,
      'mutation ($clientId: ID!, $manifest: JSON!) { registerPersistedDocuments(clientId: $clientId, manifest: $manifest) { documentIds } }',
      { clientId: client.id, manifest },
      bearer(token),
    );
    expect(registered.errors).toBeUndefined();
    expect([...registered.data!.registerPersistedDocuments.documentIds].sort()).toEqual([...ids].sort());

    const listed = await request<{ tenant: { partnerClients: Array<{ id: string; documents: { edges: Array<{ node: { id: string; body: string } }> } }> } }, Record<string, unknown>>(
      stack.gatewayUrl,
      'query { tenant { partnerClients { id documents(first: 100) { edges { node { id body } } } } } }',
      {},
      bearer(token),
    );
    expect(listed.errors).toBeUndefined();
    const documents = listed.data!.tenant.partnerClients.find((c) => c.id === client.id)!.documents.edges.map((e) => e.node);
    expect(Object.fromEntries(documents.map((d) => [d.id, d.body]))).toEqual(manifest);

    // The partner runs a registered document by its id with its key, and nothing else.
    const asPartner = async (params: Record<string, unknown>) => {
      const response = await fetch(stack.gatewayUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-api-key': apiKey },
        body: JSON.stringify(params),
      });
      return { status: response.status, body: (await response.json()) as { data?: { tenant?: { name: string } } | null; errors?: Array<{ extensions?: { code?: unknown } }> } };
    };
    const overviewId = ids.find((id) => manifest[id]!.startsWith('query TenantOverview'))!;
    const overview = await asPartner({ documentId: overviewId });
    expect(overview.body.errors).toBeUndefined();
    expect(overview.body.data?.tenant?.name).toBe(tenantName);
    const unregistered = await asPartner({ query: 'query { tenant { id name } }' });
    expect(unregistered.status).toBe(403);
    expect(unregistered.body.errors?.map((e) => e.extensions?.code)).toEqual(['PERSISTED_QUERY_NOT_ALLOWED']);
  });

  it('refuses a codegen-format manifest with an invalid operation, with the reason', async () => {
    const created = await request<{ createPartnerClient: { client: { id: string } } }, Record<string, unknown>>(
      stack.gatewayUrl,
      'mutation ($input: CreatePartnerClientInput!) { createPartnerClient(input: $input) { client { id } apiKey } }',
      { input: { name: 'Broken partner' } },
      bearer(token),
    );
    const body = 'query Broken { tenant { id noSuchField } }';
    const result = await request(
      stack.gatewayUrl,
      'mutation ($clientId: ID!, $manifest: JSON!) { registerPersistedDocuments(clientId: $clientId, manifest: $manifest) { documentIds } }',
      { clientId: created.data!.createPartnerClient.client.id, manifest: { [`sha256:${sha256(body)}`]: body } },
      bearer(token),
    );
    expect(result.errors?.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
    expect(result.errors![0]!.message).toContain('noSuchField');
  });
});
