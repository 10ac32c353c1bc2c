import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TenantClaims } from '../../kit/src/auth/claims.ts';
import { serveSubgraph } from '../../kit/src/bootSubgraph.ts';
import type { RunningSubgraph, StartSubgraph } from '../../kit/src/bootSubgraph.ts';
import { createMemoryBus } from '../../kit/src/bus/createMemoryBus.ts';
import type { PlatformEvent } from '../../kit/src/bus/PlatformEvent.ts';
import { createMemoryCache } from '../../kit/src/cache/createMemoryCache.ts';
import { createMemoryLiveBus } from '../../kit/src/live/createMemoryLiveBus.ts';
import { silentLogger } from '../../kit/src/log.ts';
import { loadSubgraphConfig } from '../../kit/src/subgraphConfig.ts';
import { claimsFor, postGraphQL, testDatabase, testKeys, TEST_PG_SERVER, verifierFor } from '../../kit/src/testing/testEnvironment.ts';
import type { ConversationsContext } from '../src/context.ts';
import { createConversationsSubgraph } from '../src/server.ts';
import { createConversationService } from '../src/services/createConversationService.ts';
import { startConversations } from '../src/start.ts';
import { createPgConversationStore } from '../src/store/createPgConversationStore.ts';
import type { PgConversationStore } from '../src/store/createPgConversationStore.ts';

const root = join(import.meta.dirname, '..', '..', '..');
const CREATE = `mutation($input: CreateConversationInput!) { createConversation(input: $input) { id title channel modelId messageCount createdAt updatedAt } }`;
const SEND = `mutation($id: ID!, $content: String!) {
  sendMessage(conversationId: $id, content: $content) { id role content tokenCount createdAt conversation { id messageCount updatedAt } } }`;
const GET = `query($id: ID!) { conversation(id: $id) { id title messageCount messages(first: 10) { edges { node { id role content } } } } }`;
const ENTITIES = `query($r: [_Any!]!) { _entities(representations: $r) { __typename
  ... on Conversation { id title } ... on Message { id content } ... on Tenant { id conversations(first: 50) { totalCount edges { node { id } } } } } }`;
const OVERVIEW = `query($r: [_Any!]!, $first: Int!) { _entities(representations: $r) { ... on Tenant {
  conversations(first: $first) { totalCount edges { node { id title messages(first: 3) { edges { node { role content } } pageInfo { hasNextPage } } } } } } } }`;

type Data = Record<string, any>;
const config = (extra: Record<string, string> = {}) =>
  loadSubgraphConfig('conversations', { PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', ...extra }, root);

describe('conversations subgraph over HTTP', () => {
  const db = testDatabase('conversations_http');
  let gateway: Awaited<ReturnType<typeof testKeys>>;
  let store: PgConversationStore;
  let running: RunningSubgraph;
  const bus = createMemoryBus({ log: silentLogger });
  const published: PlatformEvent[] = [];
  const tenantA = randomUUID();
  const tenantB = randomUUID();
  const as = (claims: TenantClaims) => ({ signer: gateway.signer, audience: 'conversations', claims });
  const call = (query: string, variables: Record<string, unknown>, claims: TenantClaims) => postGraphQL<Data>(running.url, query, variables, as(claims));

  beforeAll(async () => {
    gateway = await testKeys();
    store = await createPgConversationStore({ adminUrl: db.adminUrl, log: silentLogger, bus });
    await bus.consume({ durable: 'http-test', types: ['message.created'], handler: async (event) => void published.push(event) });
    // The subgraph as start.ts builds it, over a store this test holds (to count its statements).
    const start: StartSubgraph<ConversationsContext> = async (_config, _env, deps) => ({
      ...createConversationsSubgraph({ store, verifier: deps.verifier, log: deps.log, live: deps.live }),
      health: async () => ({ ok: await store.ping() }),
      close: async () => undefined,
    });
    const { config: cfg, env } = config();
    const deps = { log: silentLogger, bus, live: createMemoryLiveBus(), cache: createMemoryCache(), verifier: await verifierFor(gateway.keys, 'conversations') };
    running = await serveSubgraph(cfg, env, deps, start);
  });
  afterAll(async () => {
    await running?.close();
    await store?.close();
    await bus.close();
    await db.drop();
  });

  it('refuses requests without the gateway’s signature, or signed for another subgraph', async () => {
    const unsigned = await postGraphQL(running.url, '{ __typename }');
    expect(unsigned.status).toBe(401);
    expect(unsigned.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const otherAudience = await postGraphQL(running.url, '{ __typename }', {}, { signer: gateway.signer, audience: 'tenants', claims: claimsFor(tenantA) });
    expect(otherAudience.status).toBe(401);
    const forged = await postGraphQL(running.url, '{ __typename }', {}, { header: 'x-platform-context', value: 'not.a.token' });
    expect(forged.status).toBe(401);
  });

  it('creates a conversation, posts a message and publishes message.created', async () => {
    const a = claimsFor(tenantA);
    const created = await call(CREATE, { input: { title: 'Support' } }, a);
    expect(created.body.errors).toBeUndefined();
    const conversation = created.body.data!.createConversation;
    expect(conversation).toMatchObject({ title: 'Support', channel: 'WEB', modelId: null, messageCount: 0 });

    const sent = await call(SEND, { id: conversation.id, content: 'Hello' }, a);
    expect(sent.body.errors).toBeUndefined();
    const message = sent.body.data!.sendMessage;
    expect(message).toMatchObject({ role: 'USER', content: 'Hello', tokenCount: 2, conversation: { id: conversation.id, messageCount: 1 } });
    expect(message.conversation.updatedAt).toBe(message.createdAt);
    await expect.poll(() => published.find((e) => e.data.messageId === message.id)).toMatchObject({
      type: 'message.created',
      tenantId: tenantA,
      data: { conversationId: conversation.id, role: 'USER', tokenCount: 2 },
    });

    const read = await call(GET, { id: conversation.id }, a);
    expect(read.body.data!.conversation).toMatchObject({ messageCount: 1, messages: { edges: [{ node: { content: 'Hello' } }] } });
    const invalid = await call(SEND, { id: conversation.id, content: '   ' }, a);
    expect(invalid.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('gives tenant B nothing of tenant A: not by id, not by reference, not by writing', async () => {
    const a = claimsFor(tenantA);
    const b = claimsFor(tenantB);
    const conversation = (await call(CREATE, { input: { title: 'A only' } }, a)).body.data!.createConversation;
    const message = (await call(SEND, { id: conversation.id, content: 'secret' }, a)).body.data!.sendMessage;

    expect((await call(GET, { id: conversation.id }, b)).body.data!.conversation).toBeNull();
    const write = await call(SEND, { id: conversation.id, content: 'intrusion' }, b);
    expect(write.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(write.body.data).toBeNull();

    const representations = [
      { __typename: 'Conversation', id: conversation.id },
      { __typename: 'Message', id: message.id },
      { __typename: 'Tenant', id: tenantA },
    ];
    const asB = await call(ENTITIES, { r: representations }, b);
    expect(asB.body.errors).toBeUndefined();
    expect(asB.body.data!._entities).toEqual([null, null, null]);
    const ownTenant = await call(ENTITIES, { r: [{ __typename: 'Tenant', id: tenantB }] }, b);
    expect(ownTenant.body.data!._entities[0].conversations).toEqual({ totalCount: 0, edges: [] });

    // A's data is untouched and still A's.
    const asA = await call(ENTITIES, { r: representations }, a);
    expect(asA.body.data!._entities.slice(0, 2)).toEqual([
      { __typename: 'Conversation', id: conversation.id, title: 'A only' },
      { __typename: 'Message', id: message.id, content: 'secret' },
    ]);
    expect((await call(GET, { id: conversation.id }, a)).body.data!.conversation).toMatchObject({
      messageCount: 1,
      messages: { edges: [{ node: { content: 'secret' } }] },
    });
    expect((await call(GET, { id: 'not-a-uuid' }, a)).body.data!.conversation).toBeNull();
  });

  it('refuses a NUL in a title or message with BAD_USER_INPUT before it reaches PostgreSQL, and keeps serving', async () => {
    const a = claimsFor(tenantA);
    const viaVariable = await call(CREATE, { input: { title: 'a\u0000b' } }, a);
    expect(viaVariable.body.errors).toEqual([
      expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT', variable: 'input.title' }, message: expect.stringContaining('`$input.title`') }),
    ]);
    const viaLiteral = await call('mutation { createConversation(input: { title: "a\\u0000b" }) { id } }', {}, a);
    expect(viaLiteral.body.errors).toEqual([
      expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT', argument: 'input.title', field: 'createConversation' } }),
    ]);
    const conversation = (await call(CREATE, { input: { title: 'Still here' } }, a)).body.data!.createConversation;
    const message = await call(SEND, { id: conversation.id, content: 'first\u0000second' }, a);
    expect(message.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', variable: 'content' });
    // Newlines and tabs are content, not refused.
    const multiline = await call(SEND, { id: conversation.id, content: 'line one\n\tline two' }, a);
    expect(multiline.body.errors).toBeUndefined();
    expect(multiline.body.data!.sendMessage).toMatchObject({ content: 'line one\n\tline two', conversation: { messageCount: 1 } });
  });

  it('refuses platform operators tenant data by reference with FORBIDDEN, not a silent null', async () => {
    const operator = { ...claimsFor(tenantA), tenantId: null, roles: [], platformAdmin: true };
    const res = await call(ENTITIES, { r: [{ __typename: 'Tenant', id: tenantA }] }, operator);
    expect(res.body.errors).toEqual([
      expect.objectContaining({ message: 'Platform operators see tenant records, not tenant data', extensions: { code: 'FORBIDDEN' } }),
    ]);
  });

  it('resolves references without an id, or with a malformed one, to null', async () => {
    const r = [{ __typename: 'Conversation' }, { __typename: 'Conversation', id: 'nope' }, { __typename: 'Message', id: 42 }, { __typename: 'Tenant', id: 'nope' }];
    const res = await call(ENTITIES, { r }, claimsFor(tenantA));
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data!._entities).toEqual([null, null, null, null]);
  });

  it('answers conversations { messages } with as many statements for 20 conversations as for 1', async () => {
    const tenant = randomUUID();
    const claims = claimsFor(tenant);
    const service = createConversationService({ store, log: silentLogger, claims });
    for (let i = 0; i < 20; i += 1) {
      const conversation = await service.create({ title: `c${i}` });
      for (let j = 0; j < 4; j += 1) await service.sendMessage(conversation.id, `c${i} m${j}`);
    }
    const overview = async (first: number) => {
      const before = store.statementCount();
      const response = await call(OVERVIEW, { r: [{ __typename: 'Tenant', id: tenant }], first }, claims);
      expect(response.body.errors).toBeUndefined();
      return { statements: store.statementCount() - before, page: response.body.data!._entities[0].conversations };
    };
    const one = await overview(1);
    const twenty = await overview(20);
    expect(one.page.edges).toHaveLength(1);
    expect(twenty.page.edges).toHaveLength(20);
    expect(twenty.statements).toBe(one.statements);
    // Newest conversation first, its messages oldest first.
    expect(twenty.page.edges[0].node.title).toBe('c19');
    expect(twenty.page.edges[0].node.messages).toEqual({
      edges: [{ node: { role: 'USER', content: 'c19 m0' } }, { node: { role: 'USER', content: 'c19 m1' } }, { node: { role: 'USER', content: 'c19 m2' } }],
      pageInfo: { hasNextPage: true },
    });
    expect(twenty.page.totalCount).toBe(20);
  });
});

describe('conversations subgraph started from configuration', () => {
  const db = testDatabase('conversations_start');
  let gateway: Awaited<ReturnType<typeof testKeys>>;
  let running: RunningSubgraph;
  const bus = createMemoryBus({ log: silentLogger });

  beforeAll(async () => {
    gateway = await testKeys();
    const { config: cfg, env } = config({ DATABASE_URL: TEST_PG_SERVER, DATABASE_NAME: db.name });
    const deps = { log: silentLogger, bus, live: createMemoryLiveBus(), cache: createMemoryCache(), verifier: await verifierFor(gateway.keys, 'conversations') };
    running = await serveSubgraph(cfg, env, deps, startConversations);
  });
  afterAll(async () => {
    await running?.close();
    await bus.close();
    await db.drop();
  });

  it('uses PostgreSQL when no MONGODB_URL is set, and reports healthy', async () => {
    const health = await fetch(running.url.replace('/graphql', '/health'));
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok', store: 'postgresql' });
  });

  it('hides an unexpected store failure behind INTERNAL_SERVER_ERROR', async () => {
    const claims = claimsFor(randomUUID());
    const auth = { signer: gateway.signer, audience: 'conversations', claims };
    const created = await postGraphQL<Data>(running.url, CREATE, { input: { title: 'Soon broken' } }, auth);
    const id = created.body.data!.createConversation.id;
    // A real fault underneath the service: the table disappears behind the running subgraph's back.
    const admin = new pg.Client({ connectionString: db.adminUrl });
    await admin.connect();
    try {
      await admin.query('alter table conversations rename to conversations_gone');
      const broken = await postGraphQL<Data>(running.url, GET, { id }, auth);
      expect(broken.status).toBe(200);
      expect(broken.body.errors).toEqual([{ message: 'Internal server error', path: ['conversation'], locations: expect.any(Array), extensions: { code: 'INTERNAL_SERVER_ERROR' } }]);
      expect(JSON.stringify(broken.body)).not.toMatch(/relation|conversations_gone|select|mikro|stack/i);
    } finally {
      await admin.query('alter table if exists conversations_gone rename to conversations');
      await admin.end();
    }
  });
});
