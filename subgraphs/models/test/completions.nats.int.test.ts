import { randomUUID } from 'node:crypto';
import { jetstreamManager } from '@nats-io/jetstream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readEnv } from '../../kit/src/config.ts';
import type { Consumption } from '../../kit/src/bus/EventBus.ts';
import { createEvent } from '../../kit/src/bus/PlatformEvent.ts';
import type { PlatformEvent } from '../../kit/src/bus/PlatformEvent.ts';
import { createNatsBus } from '../../kit/src/bus/createNatsBus.ts';
import { createMemoryCache } from '../../kit/src/cache/createMemoryCache.ts';
import { liveSubjects } from '../../kit/src/live/LiveBus.ts';
import type { LiveSubscription } from '../../kit/src/live/LiveBus.ts';
import { createNatsLiveBus } from '../../kit/src/live/createNatsLiveBus.ts';
import { silentLogger } from '../../kit/src/log.ts';
import type { PgStore } from '../../kit/src/store/createPgStore.ts';
import { claimsFor, testDatabase, TEST_NATS_URL, uniqueSuffix } from '../../kit/src/testing/testEnvironment.ts';
import type { CatalogSource } from '../src/catalog/createCatalogSource.ts';
import { createCompletionWorker } from '../src/completions/createCompletionWorker.ts';
import type { CompletionWorker } from '../src/completions/createCompletionWorker.ts';
import { defaultFailureReply } from '../src/completions/runCompletionChain.ts';
import { startCompletionConsumer } from '../src/completions/startCompletionConsumer.ts';
import { defaultDialogFlow } from '../src/providers/defaultDialogFlow.ts';
import { loadProviderConfig } from '../src/providers/loadProviderConfig.ts';
import { catalogsFor, openModelsStore, serviceFor } from './fixtures.ts';
import { openAiSse, startProviderServer, writeSseInPieces } from './providerTestServer.ts';
import type { ProviderTestServer } from './providerTestServer.ts';

const API_KEY = 'sk-test-completions-0123456789';

/**
 * completion.requested answered end to end on real PostgreSQL and NATS (JetStream for the events,
 * core NATS for the tokens), against local OpenAI-compatible servers speaking SSE.
 */
describe('the models subgraph answers completion requests', () => {
  const db = testDatabase('models_completions');
  const suffix = uniqueSuffix();
  const stream = `T_MODELS_COMPLETIONS_${suffix}`;
  let store: PgStore;
  let catalogs: CatalogSource;
  let bus: Awaited<ReturnType<typeof createNatsBus>>;
  let live: Awaited<ReturnType<typeof createNatsLiveBus>>;
  let worker: CompletionWorker;
  let consumer: Consumption;
  let answering: ProviderTestServer;
  let backup: ProviderTestServer;
  let failing: ProviderTestServer;
  /** Answers only once two requests are open at the same time (or after 10 s alone). */
  let pairing: ProviderTestServer;
  let open = 0;
  let mostOpen = 0;
  let bothOpen: () => void = () => undefined;
  const finished: PlatformEvent[] = [];

  const admin = (tenantId: string) => serviceFor(store, catalogs, claimsFor(tenantId));
  const request = (tenantId: string, content: string, modelId: string | null = null) =>
    createEvent('completion.requested', tenantId, 'conversations', {
      conversationId: randomUUID(),
      userMessageId: randomUUID(),
      assistantMessageId: randomUUID(),
      modelId,
      messages: [
        { role: 'USER', content: 'Hello' },
        { role: 'ASSISTANT', content: 'Hi! How can I help?' },
        { role: 'USER', content },
      ],
    });
  const listen = async (event: PlatformEvent) => {
    const tokens = live.subscribe(liveSubjects.conversation(event.tenantId, String(event.data.conversationId)));
    await live.connection.flush();
    return tokens;
  };
  const finishedFor = async (event: PlatformEvent) => {
    await expect.poll(() => finished.some((e) => e.data.messageId === event.data.assistantMessageId), { timeout: 15_000 }).toBe(true);
    return finished.find((e) => e.data.messageId === event.data.assistantMessageId)!;
  };
  /** Everything received so far, once the server has relayed what was published. */
  const drain = async (tokens: LiveSubscription) => {
    await live.connection.flush();
    await new Promise((resolve) => setTimeout(resolve, 100));
    const received: unknown[] = [];
    while (tokens.buffered > 0) received.push((await tokens.next()).value);
    await tokens.return();
    return received;
  };
  const tenantWith = async (models: Array<{ kind: 'OPENAI' | 'BUILTIN'; server?: ProviderTestServer; name: string }>) => {
    const tenantId = randomUUID();
    const ids: string[] = [];
    for (const [i, wanted] of models.entries()) {
      const provider = await admin(tenantId).createProvider({ name: `p${i}`, kind: wanted.kind, baseUrl: wanted.server ? `${wanted.server.url}/v1` : null });
      const model = await admin(tenantId).createModel({ providerId: provider.id, name: wanted.name, inputCostPerMillion: 1, outputCostPerMillion: 2 });
      ids.push(model.id);
    }
    return { tenantId, ids };
  };

  beforeAll(async () => {
    answering = await startProviderServer((_req, res) => writeSseInPieces(res, openAiSse(['Your ', 'order ', 'shipped.'], { usage: { prompt: 11, completion: 5 } })));
    backup = await startProviderServer((_req, res) => writeSseInPieces(res, openAiSse(['Backup ', 'here.'], { usage: { prompt: 9, completion: 3 } })));
    pairing = await startProviderServer(async (_req, res) => {
      open += 1;
      mostOpen = Math.max(mostOpen, open);
      if (open >= 2) bothOpen();
      else await Promise.race([new Promise<void>((resolve) => (bothOpen = resolve)), new Promise((resolve) => setTimeout(resolve, 10_000))]);
      await writeSseInPieces(res, openAiSse(['together'], { usage: { prompt: 1, completion: 1 } }));
      open -= 1;
    });
    failing = await startProviderServer((_req, res) => {
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end('{"error":{"message":"overloaded"}}');
    });
    bus = await createNatsBus({ servers: TEST_NATS_URL, stream, subjectPrefix: `t_models_completions_${suffix}`, log: silentLogger });
    live = await createNatsLiveBus({ servers: TEST_NATS_URL, prefix: `t_models_live_${suffix}`, log: silentLogger });
    store = await openModelsStore(db.adminUrl, bus);
    catalogs = catalogsFor(store, createMemoryCache());
    const config = loadProviderConfig(
      readEnv({
        OPENAI_API_KEY: API_KEY,
        PROVIDER_TRUSTED_ORIGINS: [answering, backup, failing, pairing].map((s) => s.url).join(','),
        DIALOG_WORD_DELAY_MS: '0',
      }),
    );
    worker = createCompletionWorker({ store, catalogs, live, config, log: silentLogger });
    consumer = await startCompletionConsumer(bus, worker, { concurrency: 4 });
    await bus.consume({ durable: `finished_${suffix}`, types: ['completion.finished'], handler: async (event) => void finished.push(event) });
  });
  afterAll(async () => {
    await consumer?.stop();
    await store?.close();
    await live?.close();
    if (bus) {
      const jsm = await jetstreamManager(bus.connection);
      await jsm.streams.delete(stream).catch((error: unknown) => console.warn(`stream ${stream} not deleted: ${String(error)}`));
      await bus.close();
    }
    await Promise.all([answering, backup, failing, pairing].map((s) => s?.close()));
    await db.drop();
  });

  it('streams the tokens on the live bus in order, then publishes completion.finished with usage and cost', async () => {
    const { tenantId, ids } = await tenantWith([{ kind: 'OPENAI', server: answering, name: 'gpt-test' }]);
    await admin(tenantId).setRoutingPolicy({ defaultModelId: ids[0]! });
    const event = request(tenantId, 'Where is my order?');
    const tokens = await listen(event);
    const sentBefore = answering.requests.length;
    await bus.publish(event);

    const done = await finishedFor(event);
    const messageId = event.data.assistantMessageId;
    expect(await drain(tokens)).toEqual([
      { type: 'token', messageId, index: 0, text: 'Your ' },
      { type: 'token', messageId, index: 1, text: 'order ' },
      { type: 'token', messageId, index: 2, text: 'shipped.' },
    ]);
    expect(done).toMatchObject({ type: 'completion.finished', tenantId, source: 'models' });
    expect(done.data).toEqual({
      conversationId: event.data.conversationId,
      messageId,
      userMessageId: event.data.userMessageId,
      content: 'Your order shipped.',
      modelId: ids[0],
      promptTokens: 11,
      completionTokens: 5,
      totalTokens: 16,
      costUsd: (11 * 1 + 5 * 2) / 1_000_000,
      failed: false,
      truncated: false,
      usageEstimated: false,
    });
    // What the provider was asked: the model's name, the platform's key (a trusted origin), the history.
    expect(answering.requests.length).toBe(sentBefore + 1);
    const sent = answering.requests.at(-1)!;
    expect(sent.url).toBe('/v1/chat/completions');
    expect(sent.headers.authorization).toBe(`Bearer ${API_KEY}`);
    expect(sent.body).toMatchObject({ model: 'gpt-test', stream: true });
    expect(sent.body.messages).toEqual([
      { role: 'user', content: 'Hello' },
      { role: 'assistant', content: 'Hi! How can I help?' },
      { role: 'user', content: 'Where is my order?' },
    ]);

    // A redelivered request (as JetStream redelivers an unacknowledged one) neither streams nor charges again.
    const again = await listen(event);
    expect(await worker.handle(event)).toBe('duplicate');
    expect(answering.requests.length).toBe(sentBefore + 1);
    expect(await drain(again)).toEqual([]);
    const processed = await store.run(claimsFor(tenantId), (em) =>
      em.execute<Array<{ model_id: string; failed: boolean; total_tokens: number; cost_usd: number }>>(
        'select model_id, failed, total_tokens, cost_usd from processed_completion_requests where event_id = ?',
        [event.id],
      ),
    );
    expect(processed).toEqual([{ model_id: ids[0], failed: false, total_tokens: 16, cost_usd: 0.000021 }]);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(finished.filter((e) => e.data.messageId === messageId)).toHaveLength(1);
  });

  it('streams completions of different conversations at the same time', async () => {
    const first = await tenantWith([{ kind: 'OPENAI', server: pairing, name: 'pair-a' }]);
    const second = await tenantWith([{ kind: 'OPENAI', server: pairing, name: 'pair-b' }]);
    await admin(first.tenantId).setRoutingPolicy({ defaultModelId: first.ids[0]! });
    await admin(second.tenantId).setRoutingPolicy({ defaultModelId: second.ids[0]! });
    const events = [request(first.tenantId, 'One?'), request(second.tenantId, 'Two?')];
    for (const event of events) await bus.publish(event);
    const done = await Promise.all(events.map(finishedFor));
    expect(done.map((e) => e.data.content)).toEqual(['together', 'together']);
    // One after the other, the provider would never have had both open.
    expect(mostOpen).toBe(2);
  });

  it('falls back to the next model when the first fails before its first token', async () => {
    const { tenantId, ids } = await tenantWith([
      { kind: 'OPENAI', server: failing, name: 'flaky' },
      { kind: 'OPENAI', server: backup, name: 'steady' },
    ]);
    await admin(tenantId).setRoutingPolicy({ defaultModelId: ids[0]!, fallbackModelIds: [ids[1]!] });
    const event = request(tenantId, 'Anyone there?');
    const tokens = await listen(event);
    const failedBefore = failing.requests.length;
    await bus.publish(event);

    const done = await finishedFor(event);
    expect(failing.requests.length).toBe(failedBefore + 1);
    expect((await drain(tokens)).map((t) => (t as { index: number; text: string }).text)).toEqual(['Backup ', 'here.']);
    expect(done.data).toMatchObject({ content: 'Backup here.', modelId: ids[1], totalTokens: 12, costUsd: (9 + 3 * 2) / 1_000_000, failed: false });

    // A pinned model that fails falls back along the tenant's policy too.
    const pinned = request(tenantId, 'Still there?', ids[0]!);
    await bus.publish(pinned);
    expect((await finishedFor(pinned)).data).toMatchObject({ modelId: ids[1], failed: false });
  });

  it('finishes with an apology, failed and free, when every model fails', async () => {
    const { tenantId, ids } = await tenantWith([{ kind: 'OPENAI', server: failing, name: 'down' }]);
    await admin(tenantId).setRoutingPolicy({ defaultModelId: ids[0]! });
    const event = request(tenantId, 'Hello?');
    const tokens = await listen(event);
    await bus.publish(event);
    expect((await finishedFor(event)).data).toMatchObject({ content: defaultFailureReply, modelId: null, failed: true, costUsd: 0, totalTokens: 0 });
    expect(await drain(tokens)).toEqual([]);
  });

  it('answers from the tenant’s dialog flow with its BUILTIN model, streaming word by word', async () => {
    const { tenantId, ids } = await tenantWith([{ kind: 'BUILTIN', name: 'dialog-flow-1' }]);
    await admin(tenantId).setDialogFlow({
      intents: [{ name: 'refund', patterns: ['refund', '/money back/'], reply: 'Refunds reach your card within five days.' }],
      fallbackReply: 'Could you tell me more?',
    });
    const event = request(tenantId, 'I would like a refund please');
    const tokens = await listen(event);
    await bus.publish(event);
    const done = await finishedFor(event);
    expect(done.data).toMatchObject({ content: 'Refunds reach your card within five days.', modelId: ids[0], failed: false, usageEstimated: true });
    const received = (await drain(tokens)) as Array<{ index: number; text: string }>;
    expect(received.map((t) => t.index)).toEqual(received.map((_, i) => i));
    expect(received.length).toBeGreaterThan(3);
    expect(received.map((t) => t.text).join('')).toBe('Refunds reach your card within five days.');
  });

  it('answers with the platform’s own engine, free of charge, when the tenant has no model at all', async () => {
    const tenantId = randomUUID();
    const event = request(tenantId, 'Where is my order #1042?');
    await bus.publish(event);
    const orderReply = defaultDialogFlow.intents.find((i) => i.name === 'order_status')!.reply;
    expect((await finishedFor(event)).data).toMatchObject({ content: orderReply, modelId: null, costUsd: 0, failed: false });
  });

  it('validates dialog flows (every problem at once) and lets only admins set them', async () => {
    const tenantId = randomUUID();
    await expect(admin(tenantId).setDialogFlow({ intents: [{ name: '', patterns: [], reply: '' }, 'x'] })).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      extensions: { field: 'flow', problems: expect.arrayContaining([expect.stringContaining('fallbackReply'), expect.stringContaining('intents[1]')]) },
    });
    await expect(admin(tenantId).setDialogFlow({ intents: [{ name: 'a', patterns: ['/(a+)+/'], reply: 'r' }], fallbackReply: 'f' })).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
    });
    const member = serviceFor(store, catalogs, claimsFor(tenantId, { roles: ['MEMBER'] }));
    await expect(member.setDialogFlow({ intents: [], fallbackReply: 'f' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await admin(tenantId).setDialogFlow({ intents: [], fallbackReply: 'first' })).toBe(true);
    expect(await admin(tenantId).setDialogFlow({ intents: [], fallbackReply: 'second' })).toBe(true);
    expect(await member.dialogFlow(tenantId)).toEqual({ intents: [], fallbackReply: 'second' });
    expect(await admin(randomUUID()).dialogFlow(tenantId)).toBeNull();
    // One row per tenant, replaced; another tenant reads none of it (RLS).
    const rows = await store.run(claimsFor(tenantId), (em) => em.execute<Array<{ flow: { fallbackReply: string } }>>('select flow from dialog_flows'));
    expect(rows.map((r) => r.flow.fallbackReply)).toEqual(['second']);
    expect(await store.run(claimsFor(randomUUID()), (em) => em.execute('select flow from dialog_flows'))).toEqual([]);
  });
});
