import { createHash, randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TenantClaims } from '../../kit/src/auth/claims.ts';
import type { ContextSigner } from '../../kit/src/auth/contextToken.ts';
import { createGraphQLHandler } from '../../kit/src/http/createGraphQLHandler.ts';
import { listen } from '../../kit/src/http/listen.ts';
import type { Listening } from '../../kit/src/http/listen.ts';
import { silentLogger } from '../../kit/src/log.ts';
import { createPgStore } from '../../kit/src/store/createPgStore.ts';
import type { PgStore } from '../../kit/src/store/createPgStore.ts';
import { claimsFor, postGraphQL, testDatabase, testKeys, verifierFor } from '../../kit/src/testing/testEnvironment.ts';
import { createCredentialCipher } from '../src/crypto/createCredentialCipher.ts';
import { Integration } from '../src/entities/Integration.ts';
import { PartnerClient } from '../src/entities/PartnerClient.ts';
import { PartnerKey } from '../src/entities/PartnerKey.ts';
import { PersistedDocument } from '../src/entities/PersistedDocument.ts';
import { migrations } from '../src/migrations.ts';
import { hashApiKey } from '../src/partners/partnerApiKey.ts';
import { PARTNER_LOOKUP_SCOPE } from '../src/partners/partnerLookupSetting.ts';
import { createIntegrationsSubgraph } from '../src/server.ts';

const sha = (body: string) => createHash('sha256').update(body).digest('hex');
// Valid against the current supergraph's API schema.
const QUERY = 'query OneIntegration($id: ID!) { integration(id: $id) { id name kind } }';
const MUTATION = 'mutation Disable($id: ID!) { setIntegrationStatus(id: $id, status: DISABLED) { id status } }';
// partnerAccess is @inaccessible: not part of the API schema, so a partner may not register it.
const INTERNAL = 'query Sneaky { partnerAccess(keyHash: "x") { tenantId } }';
const entities = [Integration, PartnerClient, PartnerKey, PersistedDocument];
const CLIENT_FIELDS = 'id name createdAt revokedAt keyPrefix';

interface Created {
  client: { id: string; name: string; keyPrefix: string | null };
  apiKey: string;
}

describe('partner clients over HTTP: keys, manifests, isolation and the gateway lookup', () => {
  const db = testDatabase('partners_http');
  let store: PgStore;
  let http: Listening;
  let signer: ContextSigner;
  let owner: pg.Client;
  const tenantA = claimsFor(randomUUID());
  const tenantB = claimsFor(randomUUID());
  const gateway = claimsFor(randomUUID(), { tenantId: null, roles: [], scopes: [PARTNER_LOOKUP_SCOPE] });

  const call = <T = Record<string, unknown>>(claims: TenantClaims, query: string, variables: Record<string, unknown> = {}) =>
    postGraphQL<T>(http.url, query, variables, { signer, audience: 'integrations', claims });
  const createClient = async (claims: TenantClaims, name: string) => {
    const res = await call<{ createPartnerClient: Created }>(
      claims,
      `mutation($name: String!) { createPartnerClient(input: { name: $name }) { client { ${CLIENT_FIELDS} } apiKey } }`,
      { name },
    );
    expect(res.body.errors).toBeUndefined();
    return res.body.data!.createPartnerClient;
  };
  const register = (claims: TenantClaims, clientId: string, manifest: unknown) =>
    call<{ registerPersistedDocuments: { documentIds: string[] } }>(
      claims,
      'mutation($c: ID!, $m: JSON!) { registerPersistedDocuments(clientId: $c, manifest: $m) { documentIds } }',
      { c: clientId, m: manifest },
    );
  const access = (claims: TenantClaims, keyHash: string) =>
    call<{ partnerAccess: { clientId: string; clientName: string; tenantId: string; documentIds: string[] } | null }>(
      claims,
      'query($h: String!) { partnerAccess(keyHash: $h) { clientId clientName tenantId documentIds } }',
      { h: keyHash },
    );
  const storedDocuments = async (clientId: string) =>
    (await owner.query('select document_id from persisted_documents where client_id = $1 order by document_id', [clientId])).rows.map(
      (r: { document_id: string }) => r.document_id,
    );

  beforeAll(async () => {
    const keys = await testKeys();
    signer = keys.signer;
    store = await createPgStore({ adminUrl: db.adminUrl, entities, tenantScoped: entities, migrations, log: silentLogger });
    owner = new pg.Client({ connectionString: db.adminUrl });
    await owner.connect();
    const { server, createContext } = createIntegrationsSubgraph({
      store,
      verifier: await verifierFor(keys.keys, 'integrations'),
      log: silentLogger,
      cipher: createCredentialCipher({ current: { id: 'test', key: Buffer.alloc(32, 7) } }),
    });
    await server.start();
    http = await listen(createGraphQLHandler({ server, context: createContext, log: silentLogger }), 0, '127.0.0.1');
  });
  afterAll(async () => {
    await http?.close();
    await owner?.end();
    await store?.close();
    await db.drop();
  });

  it('creates a client with a key shown once and stored only as its hash', async () => {
    const { client, apiKey } = await createClient(tenantA, '  Acme CRM ');
    expect(client.name).toBe('Acme CRM');
    expect(apiKey).toMatch(/^ptk_[A-Za-z0-9_-]{43}$/);
    expect(client.keyPrefix).toBe(apiKey.slice(0, 12));
    const keysRows = (await owner.query('select * from partner_keys where client_id = $1', [client.id])).rows;
    expect(keysRows).toHaveLength(1);
    expect(keysRows[0].key_hash).toBe(hashApiKey(apiKey));
    const everything = JSON.stringify([keysRows, (await owner.query('select * from partner_clients')).rows]);
    expect(everything).toContain(client.id); // the check sees the rows at all
    expect(everything).not.toContain(apiKey);
    // Never readable again through the graph.
    const read = await call(tenantA, `query($r: [_Any!]!) { _entities(representations: $r) { ... on PartnerClient { ${CLIENT_FIELDS} } } }`, {
      r: [{ __typename: 'PartnerClient', id: client.id }],
    });
    expect(read.body.data).toMatchObject({ _entities: [{ id: client.id, keyPrefix: apiKey.slice(0, 12) }] });
    expect(JSON.stringify(read.body)).not.toContain(apiKey);
    const member = await call({ ...tenantA, roles: ['MEMBER'] }, 'mutation { createPartnerClient(input: { name: "x" }) { apiKey } }');
    expect(member.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('rotates (old key stops resolving) and revokes (no key resolves)', async () => {
    const { client, apiKey } = await createClient(tenantA, 'Rotating');
    expect((await access(gateway, hashApiKey(apiKey))).body.data?.partnerAccess?.clientId).toBe(client.id);
    const rotated = await call<{ rotatePartnerKey: Created }>(tenantA, `mutation($c: ID!) { rotatePartnerKey(clientId: $c) { client { ${CLIENT_FIELDS} } apiKey } }`, {
      c: client.id,
    });
    const newKey = rotated.body.data!.rotatePartnerKey.apiKey;
    expect(newKey).not.toBe(apiKey);
    expect((await access(gateway, hashApiKey(apiKey))).body.data).toEqual({ partnerAccess: null });
    expect((await access(gateway, hashApiKey(newKey))).body.data?.partnerAccess).toMatchObject({ clientId: client.id, tenantId: tenantA.tenantId });

    const revoked = await call<{ revokePartnerKey: { revokedAt: string | null; keyPrefix: string | null } }>(
      tenantA,
      `mutation($c: ID!) { revokePartnerKey(clientId: $c) { ${CLIENT_FIELDS} } }`,
      { c: client.id },
    );
    expect(revoked.body.data?.revokePartnerKey.revokedAt).not.toBeNull();
    expect(revoked.body.data?.revokePartnerKey.keyPrefix).toBeNull();
    expect((await access(gateway, hashApiKey(newKey))).body.data).toEqual({ partnerAccess: null });
    const active = await owner.query('select count(*)::int as n from partner_keys where client_id = $1 and revoked_at is null', [client.id]);
    expect(active.rows[0].n).toBe(0);
  });

  it('loads both manifest formats and lists the documents', async () => {
    const { client, apiKey } = await createClient(tenantA, 'Docs');
    const apollo = { format: 'apollo-persisted-query-manifest', version: 1, operations: [{ id: sha(QUERY), name: 'OneIntegration', type: 'query', body: QUERY }] };
    const first = await register(tenantA, client.id, apollo);
    expect(first.body.errors).toBeUndefined();
    expect(first.body.data?.registerPersistedDocuments.documentIds).toEqual([sha(QUERY)]);
    const second = await register(tenantA, client.id, { [sha(MUTATION)]: MUTATION, [sha(QUERY)]: QUERY });
    expect(second.body.data?.registerPersistedDocuments.documentIds).toEqual([sha(MUTATION), sha(QUERY)]);
    expect(await storedDocuments(client.id)).toEqual([sha(MUTATION), sha(QUERY)].sort());

    const listed = await call<{ _entities: [{ documents: { edges: { node: { id: string; operationType: string } }[]; pageInfo: { hasNextPage: boolean } } }] }>(
      tenantA,
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on PartnerClient { documents(first: 1) { edges { node { id operationName operationType body } } pageInfo { hasNextPage endCursor } } } } }',
      { r: [{ __typename: 'PartnerClient', id: client.id }] },
    );
    expect(listed.body.errors).toBeUndefined();
    expect(listed.body.data!._entities[0].documents.edges).toHaveLength(1);
    expect(listed.body.data!._entities[0].documents.pageInfo.hasNextPage).toBe(true);

    const seen = await access(gateway, hashApiKey(apiKey));
    expect(seen.body.data?.partnerAccess?.documentIds).toEqual([sha(MUTATION), sha(QUERY)].sort());
    const body = await call(gateway, 'query($c: ID!, $d: String!) { partnerDocument(clientId: $c, documentId: $d) }', { c: client.id, d: sha(QUERY) });
    expect(body.body.data).toEqual({ partnerDocument: QUERY });
    const prefixed = await call(gateway, 'query($c: ID!, $d: String!) { partnerDocument(clientId: $c, documentId: $d) }', { c: client.id, d: `sha256:${sha(QUERY)}` });
    expect(prefixed.body.data).toEqual({ partnerDocument: QUERY });
    const unknown = await call(gateway, 'query($c: ID!, $d: String!) { partnerDocument(clientId: $c, documentId: $d) }', { c: client.id, d: sha('nope') });
    expect(unknown.body.data).toEqual({ partnerDocument: null });
  });

  it('refuses a manifest with one invalid operation, or a wrong id, and stores nothing', async () => {
    const { client } = await createClient(tenantA, 'Strict');
    const bad = 'query Broken { integration(id: "x") { id doesNotExist } }';
    const res = await register(tenantA, client.id, { [sha(QUERY)]: QUERY, [sha(bad)]: bad, [sha(INTERNAL)]: INTERNAL });
    expect(res.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.body.errors?.[0]?.extensions?.problems).toEqual([
      { documentId: sha(bad), message: 'Cannot query field "doesNotExist" on type "Integration".' },
      { documentId: sha(INTERNAL), message: expect.stringContaining('Cannot query field "partnerAccess" on type "Query".') },
    ]);
    expect(res.body.errors?.[0]?.message).toContain('nothing was registered');
    const mismatch = await register(tenantA, client.id, {
      format: 'apollo-persisted-query-manifest',
      version: 1,
      operations: [{ id: sha(MUTATION), name: 'OneIntegration', type: 'query', body: QUERY }],
    });
    expect(mismatch.body.errors?.[0]?.extensions?.problems).toEqual([{ documentId: sha(MUTATION), message: expect.stringContaining('not the SHA-256 of the body') }]);
    expect(await storedDocuments(client.id)).toEqual([]);
  });

  it("keeps tenants apart: A cannot see, rotate, revoke or register for B's client", async () => {
    const ofB = await createClient(tenantB, 'B partner');
    const resolved = await call(tenantA, 'query($r: [_Any!]!) { _entities(representations: $r) { ... on PartnerClient { id name } } }', {
      r: [{ __typename: 'PartnerClient', id: ofB.client.id }],
    });
    expect(resolved.body.data).toEqual({ _entities: [null] });
    for (const mutation of ['rotatePartnerKey(clientId: $c) { apiKey }', 'revokePartnerKey(clientId: $c) { id }']) {
      const res = await call(tenantA, `mutation($c: ID!) { ${mutation} }`, { c: ofB.client.id });
      expect(res.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    }
    const reg = await register(tenantA, ofB.client.id, { [sha(QUERY)]: QUERY });
    expect(reg.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(await storedDocuments(ofB.client.id)).toEqual([]);
    const listA = await call<{ _entities: [{ partnerClients: { id: string }[] }] }>(
      tenantA,
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Tenant { partnerClients { id } } } }',
      { r: [{ __typename: 'Tenant', id: tenantA.tenantId }] },
    );
    const ids = listA.body.data!._entities[0].partnerClients.map((c) => c.id);
    expect(ids.length).toBeGreaterThan(0);
    expect(ids).not.toContain(ofB.client.id);
    // B's key still works: A's attempts changed nothing.
    expect((await access(gateway, hashApiKey(ofB.apiKey))).body.data?.partnerAccess).toMatchObject({ clientId: ofB.client.id, tenantId: tenantB.tenantId });
  });

  it('refuses the internal lookups without the internal scope', async () => {
    const { client, apiKey } = await createClient(tenantA, 'Scoped');
    for (const claims of [tenantA, { ...gateway, scopes: ['partner-lookup'] }]) {
      const res = await access(claims, hashApiKey(apiKey));
      expect(res.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(res.body.data?.partnerAccess ?? null).toBeNull();
      const doc = await call(claims, 'query($c: ID!) { partnerDocument(clientId: $c, documentId: "x") }', { c: client.id });
      expect(doc.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    expect((await access(gateway, sha('not a key'))).body.data).toEqual({ partnerAccess: null });
    expect((await access(gateway, 'not-hex')).body.data).toEqual({ partnerAccess: null });
  });

  it('lets a tenant transaction read nothing of another tenant even with the lookup flag off', async () => {
    // Without the flag (every request path of a tenant), RLS shows only the tenant's own keys.
    const rows = await store.run(tenantA, (em) => em.execute<{ tenant_id: string }[]>('select tenant_id from partner_keys'));
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.tenant_id === tenantA.tenantId)).toBe(true);
  });

  it('grants the lookup flag reads of keys and clients only: no write, no documents of another tenant', async () => {
    const ofB = await createClient(tenantB, 'Flag target');
    await register(tenantB, ofB.client.id, { [sha(QUERY)]: QUERY });
    const outcome = await store.run(tenantA, async (em) => {
      await em.execute("select set_config('app.partner_lookup', 'on', true)");
      const keys = await em.execute<{ n: number }[]>('select count(*)::int as n from partner_keys where client_id = ?', [ofB.client.id]);
      const documents = await em.execute<{ n: number }[]>('select count(*)::int as n from persisted_documents where client_id = ?', [ofB.client.id]);
      const updated = await em.execute<{ id: string }[]>('update partner_keys set revoked_at = now() where client_id = ? returning id', [ofB.client.id]);
      return { keys: keys[0]!.n, documents: documents[0]!.n, updated: updated.length };
    });
    expect(outcome).toEqual({ keys: 1, documents: 0, updated: 0 });
    expect((await access(gateway, hashApiKey(ofB.apiKey))).body.data?.partnerAccess?.clientId).toBe(ofB.client.id);
  });

  it('lists clients with key prefixes and documents in a constant number of statements', async () => {
    const tenant = claimsFor(randomUUID());
    const listing = 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Tenant { partnerClients { id keyPrefix documents(first: 5) { edges { node { id } } } } } } }';
    const statementsFor = async () => {
      const before = store.statementCount();
      const res = await call<{ _entities: [{ partnerClients: { documents: { edges: unknown[] } }[] }] }>(tenant, listing, {
        r: [{ __typename: 'Tenant', id: tenant.tenantId }],
      });
      expect(res.body.errors).toBeUndefined();
      return { statements: store.statementCount() - before, clients: res.body.data!._entities[0].partnerClients };
    };
    const addClient = async () => {
      const { client } = await createClient(tenant, `N${randomUUID().slice(0, 6)}`);
      await register(tenant, client.id, { [sha(QUERY)]: QUERY, [sha(MUTATION)]: MUTATION });
    };
    await addClient();
    const one = await statementsFor();
    await addClient();
    await addClient();
    const three = await statementsFor();
    expect(one.clients).toHaveLength(1);
    expect(three.clients).toHaveLength(3);
    expect(three.clients.every((c) => c.documents.edges.length === 2)).toBe(true);
    expect(three.statements).toBe(one.statements);
  });
});
