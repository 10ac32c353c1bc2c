import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TenantClaims } from '../../kit/src/auth/claims.ts';
import { createContextSigner } from '../../kit/src/auth/contextToken.ts';
import type { ContextSigner } from '../../kit/src/auth/contextToken.ts';
import { generateDevKeys } from '../../kit/src/auth/devKeys.ts';
import { createMemoryBus } from '../../kit/src/bus/createMemoryBus.ts';
import { createGraphQLHandler } from '../../kit/src/http/createGraphQLHandler.ts';
import { listen } from '../../kit/src/http/listen.ts';
import type { Listening } from '../../kit/src/http/listen.ts';
import { silentLogger } from '../../kit/src/log.ts';
import { createPgStore } from '../../kit/src/store/createPgStore.ts';
import type { PgStore } from '../../kit/src/store/createPgStore.ts';
import { claimsFor, postGraphQL, testDatabase, testKeys, verifierFor } from '../../kit/src/testing/testEnvironment.ts';
import { createCredentialCipher } from '../src/crypto/createCredentialCipher.ts';
import { Integration } from '../src/entities/Integration.ts';
import { migrations } from '../src/migrations.ts';
import { createIntegrationsSubgraph } from '../src/server.ts';

const SECRET = `whsec_${randomBytes(16).toString('hex')}`;
const INTEGRATION_FIELDS = 'id name kind endpoint status credentialFields credentialsUpdatedAt createdAt';

interface IntegrationView {
  id: string;
  name: string;
  status: string;
  credentialFields: string[];
  credentialsUpdatedAt: string | null;
}

describe('integrations subgraph over HTTP: tenant isolation and batching', () => {
  const db = testDatabase('integrations_http');
  const bus = createMemoryBus({ log: silentLogger });
  let store: PgStore;
  let http: Listening;
  let signer: ContextSigner;
  const tenantA = claimsFor(randomUUID());
  const tenantB = claimsFor(randomUUID());
  let integrationOfB: IntegrationView;

  const call = <T = Record<string, unknown>>(claims: TenantClaims, query: string, variables: Record<string, unknown> = {}) =>
    postGraphQL<T>(http.url, query, variables, { signer, audience: 'integrations', claims });
  const create = async (claims: TenantClaims, input: Record<string, unknown>) => {
    const res = await call<{ createIntegration: IntegrationView }>(
      claims,
      `mutation($input: CreateIntegrationInput!) { createIntegration(input: $input) { ${INTEGRATION_FIELDS} } }`,
      { input },
    );
    expect(res.body.errors).toBeUndefined();
    return res.body.data!.createIntegration;
  };
  const entities = (claims: TenantClaims, representations: unknown[], selection: string) =>
    call<{ _entities: Array<Record<string, unknown> | null> }>(
      claims,
      `query($r: [_Any!]!) { _entities(representations: $r) { ${selection} } }`,
      { r: representations },
    );

  beforeAll(async () => {
    const keys = await testKeys();
    signer = keys.signer;
    store = await createPgStore({ adminUrl: db.adminUrl, entities: [Integration], tenantScoped: [Integration], migrations, log: silentLogger });
    const cipher = createCredentialCipher({ current: { id: 'test', key: randomBytes(32) } });
    const { server, createContext } = createIntegrationsSubgraph({
      store,
      verifier: await verifierFor(keys.keys, 'integrations'),
      log: silentLogger,
      cipher,
    });
    await server.start();
    http = await listen(createGraphQLHandler({ server, context: createContext, log: silentLogger }), 0, '127.0.0.1');
    integrationOfB = await create(tenantB, { name: 'B webhook', kind: 'WEBHOOK', endpoint: 'https://b.example.com/hook', credentials: { signingSecret: 'b-secret' } });
  });
  afterAll(async () => {
    await http?.close();
    await bus.close();
    await store?.close();
    await db.drop();
  });

  it('refuses requests without a valid gateway signature with 401 UNAUTHENTICATED', async () => {
    const unsigned = await postGraphQL(http.url, '{ integration(id: "x") { id } }');
    expect(unsigned.status).toBe(401);
    expect(unsigned.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const forged = await postGraphQL(http.url, '{ integration(id: "x") { id } }', {}, {
      signer: await createContextSigner((await generateDevKeys()).context.privateJwk),
      audience: 'integrations',
      claims: tenantA,
    });
    expect(forged.status).toBe(401);
    const otherAudience = await postGraphQL(http.url, '{ integration(id: "x") { id } }', {}, { signer, audience: 'tenants', claims: tenantA });
    expect(otherAudience.status).toBe(401);
    const entitiesUnsigned = await postGraphQL(http.url, 'query($r: [_Any!]!) { _entities(representations: $r) { __typename } }', {
      r: [{ __typename: 'Integration', id: integrationOfB.id }],
    });
    expect(entitiesUnsigned.status).toBe(401);
    expect(entitiesUnsigned.body.data ?? null).toBeNull();
  });

  it('creates an integration and never returns its credentials in clear', async () => {
    const res = await call(
      tenantA,
      `mutation($input: CreateIntegrationInput!) { createIntegration(input: $input) { ${INTEGRATION_FIELDS} } }`,
      { input: { name: 'Payments', kind: 'REST', endpoint: 'https://pay.example.com', credentials: { apiKey: SECRET, region: 'eu' } } },
    );
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data).toMatchObject({ createIntegration: { name: 'Payments', kind: 'REST', status: 'ACTIVE', credentialFields: ['apiKey', 'region'] } });
    expect(JSON.stringify(res.body)).not.toContain(SECRET);
    const id = (res.body.data as { createIntegration: { id: string } }).createIntegration.id;
    const set = await call(tenantA, `mutation($id: ID!, $c: JSON!) { setIntegrationCredentials(id: $id, credentials: $c) { ${INTEGRATION_FIELDS} } }`, {
      id,
      c: { token: SECRET },
    });
    expect(set.body.data).toMatchObject({ setIntegrationCredentials: { credentialFields: ['token'] } });
    expect(JSON.stringify(set.body)).not.toContain(SECRET);
    const read = await call(tenantA, `query($id: ID!) { integration(id: $id) { ${INTEGRATION_FIELDS} } }`, { id });
    expect(JSON.stringify(read.body)).not.toContain(SECRET);
    expect(read.body.data).toMatchObject({ integration: { id, credentialFields: ['token'] } });
  });

  it('answers bad input, non-admins and the plan limit with catalog codes', async () => {
    const bad = await call(tenantA, 'mutation { createIntegration(input: { name: "x", kind: REST, credentials: { port: 5432 } }) { id } }');
    expect(bad.body.errors?.[0]).toMatchObject({ message: 'credential field "port" must be a string, got a number', extensions: { code: 'BAD_USER_INPUT' } });
    const badUrl = await call(tenantA, 'mutation { createIntegration(input: { name: "x", kind: REST, endpoint: "file:///etc/passwd" }) { id } }');
    expect(badUrl.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const member = await call({ ...tenantA, roles: ['MEMBER'] }, 'mutation { createIntegration(input: { name: "x", kind: REST }) { id } }');
    expect(member.body.errors?.[0]).toMatchObject({ message: 'Tenant admins only', extensions: { code: 'FORBIDDEN' } });
    const trial = claimsFor(randomUUID(), { plan: 'TRIAL' });
    await create(trial, { name: 'T1', kind: 'REST' });
    await create(trial, { name: 'T2', kind: 'REST' });
    const third = await call(trial, 'mutation { createIntegration(input: { name: "T3", kind: REST }) { id } }');
    expect(third.body.errors?.[0]?.extensions).toMatchObject({ code: 'QUOTA_EXCEEDED', limit: 2 });
  });

  it("does not let tenant A read, update or resolve tenant B's integration", async () => {
    const read = await call(tenantA, 'query($id: ID!) { integration(id: $id) { id name } }', { id: integrationOfB.id });
    expect(read.body.data).toEqual({ integration: null });

    const status = await call(tenantA, 'mutation($id: ID!) { setIntegrationStatus(id: $id, status: DISABLED) { id } }', { id: integrationOfB.id });
    expect(status.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const creds = await call(tenantA, 'mutation($id: ID!) { setIntegrationCredentials(id: $id, credentials: { signingSecret: "mine" }) { id } }', {
      id: integrationOfB.id,
    });
    expect(creds.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');

    const byEntity = await entities(tenantA, [{ __typename: 'Integration', id: integrationOfB.id }], '... on Integration { id name }');
    expect(byEntity.body.data).toEqual({ _entities: [null] });
    const tenantOfB = await entities(tenantA, [{ __typename: 'Tenant', id: tenantB.tenantId }], '... on Tenant { id integrations { id } }');
    expect(tenantOfB.body.data).toEqual({ _entities: [null] });
    const ownTenant = await entities(tenantA, [{ __typename: 'Tenant', id: tenantA.tenantId }], '... on Tenant { id integrations { id } }');
    const ownIds = (ownTenant.body.data!._entities[0] as { integrations: Array<{ id: string }> }).integrations.map((i) => i.id);
    expect(ownIds.length).toBeGreaterThan(0);
    expect(ownIds).not.toContain(integrationOfB.id);

    // Nothing of B's changed.
    const asB = await call<{ integration: IntegrationView }>(tenantB, `query($id: ID!) { integration(id: $id) { ${INTEGRATION_FIELDS} } }`, {
      id: integrationOfB.id,
    });
    expect(asB.body.data!.integration).toEqual(integrationOfB);
  });

  it('treats malformed ids as absent rather than failing', async () => {
    const read = await call(tenantA, '{ integration(id: "not-a-uuid") { id } }');
    expect(read.body).toEqual({ data: { integration: null } });
    const byEntity = await entities(tenantA, [{ __typename: 'Integration', id: "1' or '1'='1" }], '... on Integration { id }');
    expect(byEntity.body).toEqual({ data: { _entities: [null] } });
  });

  it('resolves any number of references and a tenant\'s list with a constant number of statements', async () => {
    const tenant = claimsFor(randomUUID());
    const ids: string[] = [];
    for (let i = 0; i < 12; i += 1) ids.push((await create(tenant, { name: `N+1 ${i}`, kind: 'REST', credentials: { k: 'v' } })).id);
    const cost = async (fn: () => Promise<unknown>) => {
      const before = store.statementCount();
      await fn();
      return store.statementCount() - before;
    };
    const selection = '... on Integration { id name credentialFields }';
    const one = await cost(() => entities(tenant, [{ __typename: 'Integration', id: ids[0] }], selection));
    const twelve = await cost(() => entities(tenant, ids.map((id) => ({ __typename: 'Integration', id })), selection));
    expect(one).toBeGreaterThan(0);
    expect(twelve).toBe(one);

    const list = '... on Tenant { id integrations { id name } }';
    const small = claimsFor(randomUUID());
    await create(small, { name: 'Only one', kind: 'REST' });
    const listOfOne = await cost(() => entities(small, [{ __typename: 'Tenant', id: small.tenantId }], list));
    const res = await entities(tenant, [{ __typename: 'Tenant', id: tenant.tenantId }], list);
    const listOfTwelve = await cost(() => entities(tenant, [{ __typename: 'Tenant', id: tenant.tenantId }], list));
    expect((res.body.data!._entities[0] as { integrations: unknown[] }).integrations).toHaveLength(12);
    expect(listOfTwelve).toBe(listOfOne);
    // Newest first.
    expect((res.body.data!._entities[0] as { integrations: Array<{ id: string }> }).integrations.map((i) => i.id)).toEqual([...ids].reverse());
  });
});
