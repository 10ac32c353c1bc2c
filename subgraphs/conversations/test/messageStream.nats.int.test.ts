import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { jetstreamManager } from '@nats-io/jetstream';
import { parse, subscribe } from 'graphql';
import type { ExecutionResult } from 'graphql';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TenantClaims } from '../../kit/src/auth/claims.ts';
import { CONTEXT_HEADER } from '../../kit/src/auth/contextToken.ts';
import { serveSubgraph } from '../../kit/src/bootSubgraph.ts';
import type { RunningSubgraph, StartSubgraph } from '../../kit/src/bootSubgraph.ts';
import type { Consumption } from '../../kit/src/bus/EventBus.ts';
import { createEvent } from '../../kit/src/bus/PlatformEvent.ts';
import type { PlatformEvent } from '../../kit/src/bus/PlatformEvent.ts';
import { createNatsBus } from '../../kit/src/bus/createNatsBus.ts';
import { createMemoryCache } from '../../kit/src/cache/createMemoryCache.ts';
import { subgraphSchemaOf } from '../../kit/src/createSubgraphServer.ts';
import { liveSubjects } from '../../kit/src/live/LiveBus.ts';
import { createNatsLiveBus } from '../../kit/src/live/createNatsLiveBus.ts';
import { silentLogger } from '../../kit/src/log.ts';
import { loadSubgraphConfig } from '../../kit/src/subgraphConfig.ts';
import { claimsFor, testDatabase, testKeys, TEST_NATS_URL, uniqueSuffix, verifierFor } from '../../kit/src/testing/testEnvironment.ts';
import type { ConversationsContext } from '../src/context.ts';
import { createConversationsSubgraph } from '../src/server.ts';
import { createCompletionRecorder } from '../src/services/createCompletionRecorder.ts';
import { createConversationService } from '../src/services/createConversationService.ts';
import { startCompletionConsumer } from '../src/startCompletionConsumer.ts';
import { createPgConversationStore } from '../src/store/createPgConversationStore.ts';
import type { PgConversationStore } from '../src/store/createPgConversationStore.ts';

const root = join(import.meta.dirname, '..', '..', '..');
const STREAM = `subscription Chat($id: ID!) { messageStream(conversationId: $id) {
  __typename
  ... on MessageToken { messageId index text }
  ... on MessageCompleted { message { id role content tokenCount conversation { id messageCount } } } } }`;

type Stream = AsyncGenerator<ExecutionResult, undefined>;

/**
 * Subscription.messageStream on real PostgreSQL and NATS (events and live streams): only the
 * caller's conversations, tokens in order then the stored reply, and nothing left subscribed.
 */
describe('messageStream', () => {
  const db = testDatabase('conversations_stream');
  const suffix = uniqueSuffix();
  const stream = `T_CONV_STREAM_${suffix}`;
  const tenantA = randomUUID();
  const tenantB = randomUUID();
  let store: PgConversationStore;
  let bus: Awaited<ReturnType<typeof createNatsBus>>;
  let live: Awaited<ReturnType<typeof createNatsLiveBus>>;
  let consumer: Consumption;
  let gateway: Awaited<ReturnType<typeof testKeys>>;
  let subgraph: ReturnType<typeof createConversationsSubgraph>;
  let running: RunningSubgraph;
  const requests: PlatformEvent[] = [];

  const open = async (claims: TenantClaims, id: string) => {
    const contextValue = await subgraph.createContext.fromVerified({ claims, requestId: null });
    return subscribe({ schema: subgraphSchemaOf(subgraph.server)!, document: parse(STREAM), variableValues: { id }, contextValue });
  };
  /** Plays the models subgraph for one request: tokens on the live bus, then completion.finished. */
  const answer = async (userMessageId: string, pieces: string[]) => {
    await expect.poll(() => requests.some((e) => e.data.userMessageId === userMessageId), { timeout: 10_000 }).toBe(true);
    const request = requests.find((e) => e.data.userMessageId === userMessageId)!;
    const { conversationId, assistantMessageId } = request.data as { conversationId: string; assistantMessageId: string };
    pieces.forEach((text, index) => live.publish(liveSubjects.conversation(request.tenantId, conversationId), { type: 'token', messageId: assistantMessageId, index, text }));
    await bus.publish(
      createEvent('completion.finished', request.tenantId, 'models', {
        conversationId,
        messageId: assistantMessageId,
        content: pieces.join(''),
        modelId: null,
        promptTokens: 4,
        completionTokens: pieces.length,
        totalTokens: 4 + pieces.length,
        costUsd: 0,
        failed: false,
        truncated: false,
      }),
    );
    return assistantMessageId;
  };

  beforeAll(async () => {
    bus = await createNatsBus({ servers: TEST_NATS_URL, stream, subjectPrefix: `t_conv_stream_${suffix}`, log: silentLogger });
    live = await createNatsLiveBus({ servers: TEST_NATS_URL, prefix: `t_conv_stream_live_${suffix}`, log: silentLogger });
    store = await createPgConversationStore({ adminUrl: db.adminUrl, log: silentLogger, bus });
    await bus.consume({ durable: `requests_${suffix}`, types: ['completion.requested'], handler: async (event) => void requests.push(event) });
    consumer = await startCompletionConsumer(bus, createCompletionRecorder({ store, live, log: silentLogger }));
    gateway = await testKeys();
    const verifier = await verifierFor(gateway.keys, 'conversations');
    subgraph = createConversationsSubgraph({ store, verifier, log: silentLogger, live });
    const start: StartSubgraph<ConversationsContext> = async () => ({ ...subgraph, health: async () => ({ ok: true }), close: async () => undefined });
    const { config, env } = loadSubgraphConfig('conversations', { PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent' }, root);
    running = await serveSubgraph(config, env, { log: silentLogger, bus, live, cache: createMemoryCache(), verifier }, start);
  });
  afterAll(async () => {
    await running?.close();
    await consumer?.stop();
    await store?.close();
    await live?.close();
    if (bus) {
      const jsm = await jetstreamManager(bus.connection);
      await jsm.streams.delete(stream).catch((error: unknown) => console.warn(`stream ${stream} not deleted: ${String(error)}`));
      await bus.close();
    }
    await db.drop();
  });

  it('refuses another tenant’s conversation exactly as an unknown one, before subscribing anything', async () => {
    const theirs = await createConversationService({ store, log: silentLogger, claims: claimsFor(tenantB) }).create({ title: 'B only' });
    const outcomes = [];
    for (const id of [theirs.id, randomUUID(), 'not-an-id']) {
      const result = (await open(claimsFor(tenantA, { roles: ['VIEWER'] }), id)) as ExecutionResult;
      expect(Symbol.asyncIterator in result, id).toBe(false);
      expect(result.errors?.map((e) => ({ code: e.extensions.code, path: e.path })), id).toEqual([{ code: 'NOT_FOUND', path: ['messageStream'] }]);
      outcomes.push(result.errors![0]!.message.replace(id, '<id>'));
    }
    expect(new Set(outcomes)).toEqual(new Set(['Conversation "<id>" was not found']));
    expect(live.activeSubscriptions()).toBe(0);
  });

  it('yields the tokens in order, then the stored reply; return() frees the live subscription', async () => {
    const conversation = await createConversationService({ store, log: silentLogger, claims: claimsFor(tenantA) }).create({ title: 'Live' });
    // A viewer may follow the conversation (reading); a member posts.
    const events = (await open(claimsFor(tenantA, { roles: ['VIEWER'] }), conversation.id)) as Stream;
    expect(Symbol.asyncIterator in events).toBe(true);
    expect(live.activeSubscriptions()).toBe(1);
    await live.connection.flush();

    const sent = await createConversationService({ store, log: silentLogger, claims: claimsFor(tenantA, { roles: ['MEMBER'] }) }).sendMessage(conversation.id, 'Hello?');
    const messageId = await answer(sent.id, ['Hi', ' there', '!']);
    const received = [];
    for (let i = 0; i < 4; i += 1) received.push((await events.next()).value?.data?.messageStream);
    expect(received).toEqual([
      { __typename: 'MessageToken', messageId, index: 0, text: 'Hi' },
      { __typename: 'MessageToken', messageId, index: 1, text: ' there' },
      { __typename: 'MessageToken', messageId, index: 2, text: '!' },
      {
        __typename: 'MessageCompleted',
        message: { id: messageId, role: 'ASSISTANT', content: 'Hi there!', tokenCount: 3, conversation: { id: conversation.id, messageCount: 2 } },
      },
    ]);

    // Returned while a next() waits on a quiet stream: the pending read ends and nothing stays subscribed.
    const pending = events.next();
    await events.return(undefined);
    expect(await pending).toEqual({ done: true, value: undefined });
    expect(live.activeSubscriptions()).toBe(0);
  });

  it('hears nothing of another tenant’s conversation on its own stream', async () => {
    const mine = await createConversationService({ store, log: silentLogger, claims: claimsFor(tenantA) }).create({ title: 'Mine' });
    const theirs = await createConversationService({ store, log: silentLogger, claims: claimsFor(tenantB) }).create({ title: 'Theirs' });
    const events = (await open(claimsFor(tenantA), mine.id)) as Stream;
    await live.connection.flush();
    const sentB = await createConversationService({ store, log: silentLogger, claims: claimsFor(tenantB) }).sendMessage(theirs.id, 'B secret');
    await answer(sentB.id, ['B', ' reply']);
    const sentA = await createConversationService({ store, log: silentLogger, claims: claimsFor(tenantA) }).sendMessage(mine.id, 'A question');
    const mineId = await answer(sentA.id, ['A']);
    const first = (await events.next()).value?.data?.messageStream as { messageId: string };
    expect(first).toEqual({ __typename: 'MessageToken', messageId: mineId, index: 0, text: 'A' });
    await events.return(undefined);
    expect(live.activeSubscriptions()).toBe(0);
  });

  it('streams over graphql-ws for the gateway, and frees everything when the client leaves', async () => {
    const claims = claimsFor(tenantA);
    const conversation = await createConversationService({ store, log: silentLogger, claims }).create({ title: 'Socket' });
    const token = await gateway.signer.sign(claims, 'conversations', randomUUID());
    const client = createClient({ url: running.url.replace(/^http/, 'ws'), webSocketImpl: WebSocket, connectionParams: { [CONTEXT_HEADER]: token }, retryAttempts: 0 });
    const received: Array<Record<string, unknown>> = [];
    const stop = client.subscribe<{ messageStream: Record<string, unknown> }>(
      { query: STREAM, variables: { id: conversation.id } },
      { next: (result) => void received.push(result.data!.messageStream), error: () => undefined, complete: () => undefined },
    );
    await expect.poll(() => live.activeSubscriptions(), { timeout: 5_000 }).toBe(1);
    await live.connection.flush();

    const sent = await createConversationService({ store, log: silentLogger, claims }).sendMessage(conversation.id, 'Over the socket?');
    const messageId = await answer(sent.id, ['Yes', '.']);
    await expect.poll(() => received.length, { timeout: 10_000 }).toBe(3);
    expect(received.map((event) => event.__typename)).toEqual(['MessageToken', 'MessageToken', 'MessageCompleted']);
    expect(received[2]).toMatchObject({ message: { id: messageId, content: 'Yes.', role: 'ASSISTANT' } });

    stop();
    await expect.poll(() => live.activeSubscriptions(), { timeout: 5_000 }).toBe(0);
    expect(running.subscriptions?.stats().subscriptions).toBe(0);
    await client.dispose();
  });
});
