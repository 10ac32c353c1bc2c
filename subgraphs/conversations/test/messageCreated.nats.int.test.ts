import { randomUUID } from 'node:crypto';
import { jetstreamManager } from '@nats-io/jetstream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNatsBus } from '../../kit/src/bus/createNatsBus.ts';
import type { PlatformEvent } from '../../kit/src/bus/PlatformEvent.ts';
import { silentLogger } from '../../kit/src/log.ts';
import { claimsFor, testDatabase, TEST_NATS_URL, uniqueSuffix } from '../../kit/src/testing/testEnvironment.ts';
import { createConversationService } from '../src/services/createConversationService.ts';
import { createPgConversationStore } from '../src/store/createPgConversationStore.ts';
import type { PgConversationStore } from '../src/store/createPgConversationStore.ts';

/** sendMessage's event as analytics receives it: through a durable consumer on real JetStream. */
describe('message.created on NATS JetStream', () => {
  const db = testDatabase('conversations_nats');
  const suffix = uniqueSuffix();
  const stream = `T_CONVERSATIONS_${suffix}`;
  let store: PgConversationStore;
  let bus: Awaited<ReturnType<typeof createNatsBus>>;
  const received: PlatformEvent[] = [];

  beforeAll(async () => {
    bus = await createNatsBus({ servers: TEST_NATS_URL, stream, subjectPrefix: `t_conversations_${suffix}`, log: silentLogger });
    // The store's outbox relay publishes to the real JetStream stream.
    store = await createPgConversationStore({ adminUrl: db.adminUrl, log: silentLogger, bus });
    await bus.consume({ durable: `test_${suffix}`, types: ['message.created'], handler: async (event) => void received.push(event) });
  });
  afterAll(async () => {
    await store?.close();
    if (bus) {
      const jsm = await jetstreamManager(bus.connection);
      await jsm.streams.delete(stream).catch((error: unknown) => console.warn(`stream ${stream} not deleted: ${String(error)}`));
      await bus.close();
    }
    await db.drop();
  });

  it('publishes one event per posted message, with the tenant and the counts analytics needs', async () => {
    const tenantId = randomUUID();
    const service = createConversationService({ store, log: silentLogger, claims: claimsFor(tenantId) });
    const conversation = await service.create({ title: 'Evented' });
    const first = await service.sendMessage(conversation.id, 'one two three four five');
    const second = await service.sendMessage(conversation.id, 'again');
    await expect.poll(() => received.length, { timeout: 10_000 }).toBe(2);
    expect(received.map((e) => e.data.messageId)).toEqual([first.id, second.id]);
    expect(received[0]).toMatchObject({
      type: 'message.created',
      tenantId,
      source: 'conversations',
      data: { conversationId: conversation.id, messageId: first.id, role: 'USER', tokenCount: 6 },
    });
  });
});
