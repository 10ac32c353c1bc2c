import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TenantClaims } from '../../kit/src/auth/claims.ts';
import type { ContextSigner } from '../../kit/src/auth/contextToken.ts';
import { createRedisCache } from '../../kit/src/cache/createRedisCache.ts';
import { createGraphQLHandler } from '../../kit/src/http/createGraphQLHandler.ts';
import { listen } from '../../kit/src/http/listen.ts';
import type { Listening } from '../../kit/src/http/listen.ts';
import { silentLogger } from '../../kit/src/log.ts';
import type { PgStore } from '../../kit/src/store/createPgStore.ts';
import {
  TEST_REDIS_URL,
  claimsFor,
  platformAdminClaims,
  postGraphQL,
  testDatabase,
  testKeys,
  uniqueSuffix,
  verifierFor,
} from '../../kit/src/testing/testEnvironment.ts';
import { createModelsSubgraph } from '../src/server.ts';
import { openModelsStore } from './fixtures.ts';

interface ModelView {
  id: string;
  name: string;
}

const CREATE_PROVIDER = `mutation ($input: CreateProviderInput!) { createProvider(input: $input) { id name kind baseUrl models { id } } }`;
const CREATE_MODEL = `mutation ($input: CreateModelInput!) { createModel(input: $input) { id name provider providerConfig { id name } contextWindow enabled } }`;
const SET_POLICY = `mutation ($input: RoutingPolicyInput!) {
  setRoutingPolicy(input: $input) { id firstTokenTimeoutMs defaultModel { id name } fallbackChain { id name } } }`;
const ENTITIES = `query ($representations: [_Any!]!) { _entities(representations: $representations) {
  ... on Model { id name provider providerConfig { name } }
  ... on Tenant { id models { id name } providers { name models { name } } routingPolicy { defaultModel { name } fallbackChain { name } } }
  ... on Conversation { id model { id name } } } }`;

describe('models subgraph over HTTP (gateway-signed context)', () => {
  const db = testDatabase('models_http');
  const prefix = `test:models-http:${uniqueSuffix()}:`;
  const tenantA = randomUUID();
  const tenantB = randomUUID();
  const adminA = claimsFor(tenantA);
  const adminB = claimsFor(tenantB);
  let store: PgStore;
  let redis: Awaited<ReturnType<typeof createRedisCache>>;
  let http: Listening;
  let signer: ContextSigner;
  let subgraph: ReturnType<typeof createModelsSubgraph>;
  const a = { provider: '', models: [] as ModelView[] };
  const b = { provider: '', model: '' };

  const call = <T = Record<string, unknown>>(claims: TenantClaims, query: string, variables: Record<string, unknown> = {}) =>
    postGraphQL<T>(http.url, query, variables, { signer, audience: 'models', claims });
  const entities = (claims: TenantClaims, representations: Record<string, unknown>[]) =>
    call<{ _entities: Array<Record<string, unknown> | null> }>(claims, ENTITIES, { representations });
  const statementsOf = async <T>(fn: () => Promise<T>) => {
    const before = store.statementCount();
    const value = await fn();
    return { value, statements: store.statementCount() - before };
  };

  beforeAll(async () => {
    store = await openModelsStore(db.adminUrl);
    redis = await createRedisCache({ url: TEST_REDIS_URL, prefix, log: silentLogger });
    const keys = await testKeys();
    signer = keys.signer;
    subgraph = createModelsSubgraph({
      store,
      cache: redis,
      verifier: await verifierFor(keys.keys, 'models'),
      log: silentLogger,
    });
    await subgraph.server.start();
    http = await listen(createGraphQLHandler({ server: subgraph.server, context: subgraph.createContext, log: silentLogger }), 0, '127.0.0.1');

    const pa = await call<{ createProvider: { id: string } }>(adminA, CREATE_PROVIDER, { input: { name: 'OpenAI', kind: 'OPENAI' } });
    a.provider = pa.body.data!.createProvider.id;
    for (const name of ['gpt-4o', 'gpt-4o-mini', 'o3']) {
      const created = await call<{ createModel: ModelView }>(adminA, CREATE_MODEL, { input: { providerId: a.provider, name } });
      a.models.push(created.body.data!.createModel);
    }
    const pb = await call<{ createProvider: { id: string } }>(adminB, CREATE_PROVIDER, { input: { name: 'Anthropic', kind: 'ANTHROPIC' } });
    b.provider = pb.body.data!.createProvider.id;
    const mb = await call<{ createModel: ModelView }>(adminB, CREATE_MODEL, { input: { providerId: b.provider, name: 'claude-secret' } });
    b.model = mb.body.data!.createModel.id;
    await call(adminB, SET_POLICY, { input: { defaultModelId: b.model } });
  });
  afterAll(async () => {
    await http?.close();
    await subgraph?.server.stop();
    if (redis) {
      const keys: string[] = [];
      for await (const batch of redis.client.scanStream({ match: `${prefix}*`, count: 500 }) as AsyncIterable<string[]>) keys.push(...batch);
      if (keys.length > 0) await redis.client.del(...keys);
      await redis.close();
    }
    await store?.close();
    await db.drop();
  });

  it('refuses requests without the gateway signature, or signed for another subgraph', async () => {
    const unsigned = await postGraphQL(http.url, '{ model(id: "x") { id } }');
    expect(unsigned.status).toBe(401);
    expect(unsigned.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const forged = await postGraphQL(http.url, '{ model(id: "x") { id } }', {}, { header: 'x-platform-context', value: 'not-a-token' });
    expect(forged.status).toBe(401);
    const otherAudience = await postGraphQL(http.url, '{ model(id: "x") { id } }', {}, { signer, audience: 'tenants', claims: adminA });
    expect(otherAudience.status).toBe(401);
    expect(otherAudience.body.data ?? null).toBeNull();
  });

  it('answers mutations with their fields resolved, and refuses members and bad input', async () => {
    const [d, f1, f2] = a.models as [ModelView, ModelView, ModelView];
    const policy = await call<{ setRoutingPolicy: Record<string, unknown> }>(adminA, SET_POLICY, {
      input: { defaultModelId: d.id, fallbackModelIds: [f2.id, f1.id], firstTokenTimeoutMs: 2000 },
    });
    expect(policy.body.errors).toBeUndefined();
    expect(policy.body.data!.setRoutingPolicy).toMatchObject({
      firstTokenTimeoutMs: 2000,
      defaultModel: { id: d.id, name: 'gpt-4o' },
      fallbackChain: [{ name: 'o3' }, { name: 'gpt-4o-mini' }],
    });

    const member = await call(claimsFor(tenantA, { roles: ['MEMBER'] }), CREATE_PROVIDER, { input: { name: 'Mine', kind: 'VLLM' } });
    expect(member.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const foreign = await call(adminA, SET_POLICY, { input: { defaultModelId: d.id, fallbackModelIds: [b.model] } });
    expect(foreign.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'fallbackModelIds', id: b.model });
    expect(foreign.body.errors?.[0]?.message).toContain(b.model);

    const badUrl = await call(adminA, CREATE_PROVIDER, { input: { name: 'Evil', kind: 'OPENAI', baseUrl: 'file:///etc/passwd' } });
    expect(badUrl.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'baseUrl' });
    const badKind = await call(adminA, CREATE_PROVIDER, { input: { name: 'Evil', kind: 'SKYNET' } });
    expect(badKind.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it("shows tenant A none of B's models: not by reference, not by query, not through Tenant", async () => {
    const refs = await entities(adminA, [
      { __typename: 'Model', id: b.model },
      { __typename: 'Model', id: a.models[0]!.id },
      { __typename: 'Model', id: 'not-a-uuid' },
      { __typename: 'Tenant', id: tenantB },
      { __typename: 'Tenant', id: tenantA },
    ]);
    expect(refs.body.errors).toBeUndefined();
    const [bModel, aModel, garbage, bTenant, aTenant] = refs.body.data!._entities;
    expect(bModel).toBeNull();
    expect(aModel).toMatchObject({ id: a.models[0]!.id, name: 'gpt-4o', provider: 'OPENAI', providerConfig: { name: 'OpenAI' } });
    expect(garbage).toBeNull();
    expect(bTenant).toBeNull();
    expect((aTenant!.models as ModelView[]).map((m) => m.name)).toEqual(['gpt-4o', 'gpt-4o-mini', 'o3']);
    expect(aTenant!.providers).toEqual([{ name: 'OpenAI', models: [{ name: 'gpt-4o' }, { name: 'gpt-4o-mini' }, { name: 'o3' }] }]);
    expect(JSON.stringify(refs.body)).not.toContain('claude-secret');

    const direct = await call<{ model: unknown }>(adminA, `query ($id: ID!) { model(id: $id) { id name } }`, { id: b.model });
    expect(direct.body.data!.model).toBeNull();
    const own = await call<{ model: ModelView }>(adminB, `query ($id: ID!) { model(id: $id) { id name } }`, { id: b.model });
    expect(own.body.data!.model.name).toBe('claude-secret');

    // Platform operators carry no tenant: they see no tenant's catalog, and are told so for Tenant.
    const operator = await entities(platformAdminClaims, [{ __typename: 'Model', id: b.model }, { __typename: 'Tenant', id: tenantB }]);
    expect(operator.body.data!._entities).toEqual([null, null]);
    expect(operator.body.errors).toEqual([expect.objectContaining({ path: ['_entities', 1], extensions: { code: 'FORBIDDEN' } })]);
  });

  it("resolves Conversation.model to the pinned model of the caller's tenant, else its default", async () => {
    const [d, , o3] = a.models as [ModelView, ModelView, ModelView];
    const c = { pinned: randomUUID(), unpinned: randomUUID(), noField: randomUUID(), foreign: randomUUID(), garbage: randomUUID() };
    const refs = await entities(adminA, [
      { __typename: 'Conversation', id: c.pinned, modelId: o3.id },
      { __typename: 'Conversation', id: c.unpinned, modelId: null },
      { __typename: 'Conversation', id: c.noField },
      { __typename: 'Conversation', id: c.foreign, modelId: b.model },
      { __typename: 'Conversation', id: c.garbage, modelId: 'nope' },
      { __typename: 'Conversation', id: 'not-a-conversation-id', modelId: o3.id },
    ]);
    expect(refs.body.errors).toBeUndefined();
    expect(refs.body.data!._entities).toEqual([
      { id: c.pinned, model: { id: o3.id, name: 'o3' } },
      { id: c.unpinned, model: { id: d.id, name: 'gpt-4o' } },
      null, // no modelId: not a representation a query plan sends
      { id: c.foreign, model: { id: d.id, name: 'gpt-4o' } },
      { id: c.garbage, model: { id: d.id, name: 'gpt-4o' } },
      null, // conversation ids are UUIDs: anything else names no conversation
    ]);
    // A tenant with no routing policy and no pinned model of its own gets null.
    const c1 = randomUUID();
    const stranger = await entities(claimsFor(randomUUID()), [{ __typename: 'Conversation', id: c1, modelId: a.models[0]!.id }]);
    expect(stranger.body.data!._entities).toEqual([{ id: c1, model: null }]);
  });

  it('costs the same store statements for 1 or 25 conversations, and none once the catalog is cached', async () => {
    const conversations = (n: number) =>
      Array.from({ length: n }, (_, i) => ({ __typename: 'Conversation', id: randomUUID(), modelId: i % 3 === 0 ? null : a.models[i % 3]!.id }));
    await subgraph.catalogs.invalidate(tenantA);
    const one = await statementsOf(() => entities(adminA, conversations(1)));
    await subgraph.catalogs.invalidate(tenantA);
    const many = await statementsOf(() => entities(adminA, conversations(25)));
    expect(many.value.body.data!._entities).toHaveLength(25);
    expect(many.value.body.data!._entities.every((c) => c !== null && c.model !== null)).toBe(true);
    expect(one.statements).toBeGreaterThan(0);
    expect(many.statements).toBe(one.statements);
    const warm = await statementsOf(() => entities(adminA, conversations(25)));
    expect(warm.statements).toBe(0);

    // The same holds for a tenant's whole catalog with every nested field.
    const catalog = [{ __typename: 'Tenant', id: tenantA }, ...a.models.map((m) => ({ __typename: 'Model', id: m.id }))];
    await subgraph.catalogs.invalidate(tenantA);
    const cold = await statementsOf(() => entities(adminA, catalog));
    expect(cold.statements).toBe(one.statements);
    expect((await statementsOf(() => entities(adminA, catalog))).statements).toBe(0);
  });

  it('shows a write in the next read at once, despite the cache', async () => {
    const before = await entities(adminA, [{ __typename: 'Tenant', id: tenantA }]);
    expect((before.body.data!._entities[0]!.models as ModelView[]).length).toBe(3);
    const created = await call<{ createModel: ModelView }>(adminA, CREATE_MODEL, { input: { providerId: a.provider, name: 'a-new-model' } });
    expect(created.body.errors).toBeUndefined();
    const after = await entities(adminA, [{ __typename: 'Tenant', id: tenantA }]);
    expect((after.body.data!._entities[0]!.models as ModelView[]).map((m) => m.name)).toEqual(['a-new-model', 'gpt-4o', 'gpt-4o-mini', 'o3']);
  });

  it("cannot create a model on another tenant's provider over HTTP", async () => {
    const response = await call(adminA, CREATE_MODEL, { input: { providerId: b.provider, name: 'hijack' } });
    expect(response.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'providerId' });
    const bCatalog = await entities(adminB, [{ __typename: 'Tenant', id: tenantB }]);
    expect((bCatalog.body.data!._entities[0]!.models as ModelView[]).map((m) => m.name)).toEqual(['claude-secret']);
  });
});
