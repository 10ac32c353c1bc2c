import { randomUUID } from 'node:crypto';
import { jetstreamManager } from '@nats-io/jetstream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Consumption } from '../../kit/src/bus/EventBus.ts';
import { createEvent } from '../../kit/src/bus/PlatformEvent.ts';
import type { PlatformEvent } from '../../kit/src/bus/PlatformEvent.ts';
import { createNatsBus } from '../../kit/src/bus/createNatsBus.ts';
import { liveSubjects } from '../../kit/src/live/LiveBus.ts';
import { createNatsLiveBus } from '../../kit/src/live/createNatsLiveBus.ts';
import { silentLogger } from '../../kit/src/log.ts';
import { claimsFor, testDatabase, TEST_NATS_URL, uniqueSuffix } from '../../kit/src/testing/testEnvironment.ts';
import { Conversation } from '../src/entities/Conversation.ts';
import { Message } from '../src/entities/Message.ts';
import { COMPLETION_HISTORY_LIMITS } from '../src/services/completionHistory.ts';
import type { HistoryMessage } from '../src/services/completionHistory.ts';
import { createCompletionRecorder } from '../src/services/createCompletionRecorder.ts';
import { createConversationService } from '../src/services/createConversationService.ts';
import { startCompletionConsumer } from '../src/startCompletionConsumer.ts';
import { createPgConversationStore } from '../src/store/createPgConversationStore.ts';
import type { PgConversationStore } from '../src/store/createPgConversationStore.ts';

/**
 * The conversations side of a chat reply, on real PostgreSQL and NATS: sendMessage asks for the
 * completion (`completion.requested`, committed with the message), and `completion.finished`
 * becomes exactly one stored assistant message, announced on the live bus.
 */
describe('chat replies in the conversations subgraph', () => {
  const db = testDatabase('conversations_completions');
  const suffix = uniqueSuffix();
  const stream = `T_CONV_COMPLETIONS_${suffix}`;
  const tenantId = randomUUID();
  let store: PgConversationStore;
  let bus: Awaited<ReturnType<typeof createNatsBus>>;
  let live: Awaited<ReturnType<typeof createNatsLiveBus>>;
  let consumer: Consumption;
  let recorder: ReturnType<typeof createCompletionRecorder>;
  const requests: PlatformEvent[] = [];
  const service = () => createConversationService({ store, log: silentLogger, claims: claimsFor(tenantId, { roles: ['MEMBER'] }) });
  const requestFor = async (userMessageId: string) => {
    await expect.poll(() => requests.some((e) => e.data.userMessageId === userMessageId), { timeout: 10_000 }).toBe(true);
    return requests.find((e) => e.data.userMessageId === userMessageId)!;
  };

  beforeAll(async () => {
    bus = await createNatsBus({ servers: TEST_NATS_URL, stream, subjectPrefix: `t_conv_completions_${suffix}`, log: silentLogger });
    live = await createNatsLiveBus({ servers: TEST_NATS_URL, prefix: `t_conv_live_${suffix}`, log: silentLogger });
    store = await createPgConversationStore({ adminUrl: db.adminUrl, log: silentLogger, bus });
    await bus.consume({ durable: `requests_${suffix}`, types: ['completion.requested'], handler: async (event) => void requests.push(event) });
    recorder = createCompletionRecorder({ store, live, log: silentLogger });
    consumer = await startCompletionConsumer(bus, recorder);
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
    await db.drop();
  });

  it('asks for the reply with the conversation, its pinned model and the newest message', async () => {
    const modelId = randomUUID();
    const conversation = await service().create({ title: 'Pinned', modelId });
    const sent = await service().sendMessage(conversation.id, 'Where is my order?');
    const request = await requestFor(sent.id);
    expect(request).toMatchObject({ type: 'completion.requested', tenantId, source: 'conversations' });
    expect(request.data).toEqual({
      conversationId: conversation.id,
      userMessageId: sent.id,
      assistantMessageId: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/),
      modelId,
      messages: [{ role: 'USER', content: 'Where is my order?' }],
    });
    // Time-ordered after the user message, so the reply sorts after it.
    expect(String(request.data.assistantMessageId) > sent.id).toBe(true);
  });

  it('bounds the history to the last 20 messages and 16 KiB, always keeping the newest whole', async () => {
    const long = await service().create({ title: 'Long' });
    const contents = Array.from({ length: 25 }, (_, i) => `message ${i}`);
    let last = '';
    for (const content of contents) last = (await service().sendMessage(long.id, content)).id;
    const twenty = (await requestFor(last)).data.messages as HistoryMessage[];
    expect(twenty.map((m) => m.content)).toEqual(contents.slice(-COMPLETION_HISTORY_LIMITS.messages));

    const heavy = await service().create({ title: 'Heavy' });
    const big1 = 'a'.repeat(9000);
    const big2 = 'é'.repeat(4500); // 9000 bytes of UTF-8
    for (const content of ['one', big1, 'two', big2]) await service().sendMessage(heavy.id, content);
    const newest = await service().sendMessage(heavy.id, 'three');
    const bounded = (await requestFor(newest.id)).data.messages as HistoryMessage[];
    expect(bounded.map((m) => m.content)).toEqual(['two', big2, 'three']);
    expect(bounded.reduce((n, m) => n + Buffer.byteLength(m.content), 0)).toBeLessThanOrEqual(COMPLETION_HISTORY_LIMITS.bytes);

    const huge = 'z'.repeat(20_000);
    const alone = await service().sendMessage(heavy.id, huge);
    expect(((await requestFor(alone.id)).data.messages as HistoryMessage[]).map((m) => m.content)).toEqual([huge]);
  });

  it('stores the reply of completion.finished exactly once, counts it, and announces it once', async () => {
    const conversation = await service().create({ title: 'Reply' });
    const sent = await service().sendMessage(conversation.id, 'Hi there');
    const { assistantMessageId } = (await requestFor(sent.id)).data as { assistantMessageId: string };
    const announced = live.subscribe(liveSubjects.conversation(tenantId, conversation.id));
    await live.connection.flush();
    const modelId = randomUUID();
    const finished = createEvent('completion.finished', tenantId, 'models', {
      conversationId: conversation.id,
      messageId: assistantMessageId,
      content: 'Hello! How can I help?',
      modelId,
      promptTokens: 3,
      completionTokens: 7,
      totalTokens: 10,
      costUsd: 0.000123,
      failed: false,
      truncated: false,
    });

    await bus.publish(finished); // through the durable consumer
    const storedReply = () => store.run(claimsFor(tenantId), (em) => em.findOne(Message, { id: assistantMessageId }));
    await expect.poll(storedReply, { timeout: 10_000 }).toBeTruthy();
    // Redelivered (JetStream would dedup a republish by id, so the handler is called as a redelivery would), twice at once.
    expect(await Promise.all([recorder.record(finished), recorder.record(finished)])).toEqual(['duplicate', 'duplicate']);

    const reply = (await storedReply())!;
    expect(reply).toMatchObject({ role: 'ASSISTANT', content: 'Hello! How can I help?', tokenCount: 7, modelId, costUsd: 0.000123, tenantId });
    const { messages, count } = await store.run(claimsFor(tenantId), async (em) => ({
      messages: await em.find(Message, { conversationId: conversation.id }, { orderBy: { createdAt: 'asc', id: 'asc' } }),
      count: (await em.findOneOrFail(Conversation, { id: conversation.id })).messageCount,
    }));
    expect(messages.map((m) => m.role)).toEqual(['USER', 'ASSISTANT']);
    expect(count).toBe(2);

    expect(await announced.next()).toEqual({ done: false, value: { type: 'completed', messageId: assistantMessageId } });
    await live.connection.flush();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(announced.buffered).toBe(0); // announced once, not per delivery
    await announced.return();

    // The next request carries the reply in its history.
    const next = await service().sendMessage(conversation.id, 'Thanks');
    expect((await requestFor(next.id)).data.messages).toEqual([
      { role: 'USER', content: 'Hi there' },
      { role: 'ASSISTANT', content: 'Hello! How can I help?' },
      { role: 'USER', content: 'Thanks' },
    ]);
  });

  it('skips a reply to a conversation that does not exist (or is another tenant’s), and malformed events', async () => {
    const other = randomUUID();
    const theirs = await createConversationService({ store, log: silentLogger, claims: claimsFor(other) }).create({ title: 'Theirs' });
    const data = { messageId: randomUUID(), content: 'x', completionTokens: 1, costUsd: 0, modelId: null, failed: false };
    expect(await recorder.record(createEvent('completion.finished', tenantId, 'models', { ...data, conversationId: theirs.id }))).toBe('orphan');
    expect(await recorder.record(createEvent('completion.finished', tenantId, 'models', { ...data, conversationId: randomUUID() }))).toBe('orphan');
    expect(await recorder.record(createEvent('completion.finished', tenantId, 'models', { ...data, conversationId: 'nope' }))).toBe('rejected');
    const count = await store.run(claimsFor(other), async (em) => (await em.findOneOrFail(Conversation, { id: theirs.id })).messageCount);
    expect(count).toBe(0);
  });
});
