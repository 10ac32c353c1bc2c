import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TenantClaims } from '../../kit/src/auth/claims.ts';
import { createMemoryBus } from '../../kit/src/bus/createMemoryBus.ts';
import type { EventBus } from '../../kit/src/bus/EventBus.ts';
import type { PlatformEvent } from '../../kit/src/bus/PlatformEvent.ts';
import { silentLogger } from '../../kit/src/log.ts';
import { pageRequest } from '../../kit/src/pagination.ts';
import { claimsFor, platformAdminClaims } from '../../kit/src/testing/testEnvironment.ts';
import { Conversation } from '../src/entities/Conversation.ts';
import { Message } from '../src/entities/Message.ts';
import { createConversationsLoaders } from '../src/loaders.ts';
import { createConversationService } from '../src/services/createConversationService.ts';
import type { ConversationStore } from '../src/store/ConversationStore.ts';

export interface OpenedStore {
  store: ConversationStore;
  /** Removes what the store made (database, collections) and closes it. */
  dispose(): Promise<void>;
}

/**
 * The behaviour every conversations store must have, whatever its driver: run once per driver
 * (conversationStore.<driver>.int.test.ts), the way graphql-ws runs one suite over every adapter.
 * `open` makes the store with its outbox published to `bus`.
 */
export function conversationStoreContract(open: (bus: EventBus) => Promise<OpenedStore>): void {
  let opened: OpenedStore;
  let store: ConversationStore;
  const bus = createMemoryBus({ log: silentLogger });
  const published: PlatformEvent[] = [];
  const tenantA = randomUUID();
  const tenantB = randomUUID();
  const a = claimsFor(tenantA);
  const b = claimsFor(tenantB);
  const service = (claims: TenantClaims) => createConversationService({ store, log: silentLogger, claims });

  beforeAll(async () => {
    opened = await open(bus);
    store = opened.store;
    await bus.consume({ durable: 'contract', types: ['message.created'], handler: async (event) => void published.push(event) });
  });
  afterAll(async () => {
    await opened?.dispose();
    await bus.close();
  });

  describe('conversations', () => {
    it('creates with defaults and validates the input', async () => {
      const created = await service(a).create({ title: '  Support  ' });
      expect(created).toMatchObject({ tenantId: tenantA, title: 'Support', channel: 'WEB', modelId: null, messageCount: 0 });
      expect(created.updatedAt.getTime()).toBe(created.createdAt.getTime());
      const modelId = randomUUID();
      expect(await service(a).create({ title: 'Pinned', channel: 'SLACK', modelId })).toMatchObject({ channel: 'SLACK', modelId });

      await expect(service(a).create({ title: '   ' })).rejects.toMatchObject({ code: 'BAD_USER_INPUT', extensions: { field: 'title' } });
      await expect(service(a).create({ title: 'x'.repeat(201) })).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
      expect((await service(a).create({ title: '😀'.repeat(200) })).title).toHaveLength(400);
      await expect(service(a).create({ title: 'T', modelId: 'gpt-4o' })).rejects.toMatchObject({ code: 'BAD_USER_INPUT', extensions: { field: 'modelId' } });
      await expect(service(claimsFor(tenantA, { roles: ['VIEWER'] })).create({ title: 'T' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
      // Writes need MEMBER or ADMIN: a token that names the tenant but grants no role reads only.
      await expect(service(claimsFor(tenantA, { roles: [] })).create({ title: 'T' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
      expect(await service(claimsFor(tenantA, { roles: ['MEMBER'] })).create({ title: 'By a member' })).toMatchObject({ title: 'By a member' });
      await expect(service(platformAdminClaims).create({ title: 'T' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    });

    it('lists newest first with stable cursors, and only the caller’s', async () => {
      const tenant = randomUUID();
      const claims = claimsFor(tenant);
      const titles = ['one', 'two', 'three', 'four', 'five'];
      for (const title of titles) await service(claims).create({ title });
      const first = await service(claims).list(tenant, { first: 2 });
      expect(first.totalCount).toBe(5);
      expect(first.edges.map((e) => e.node.title)).toEqual(['five', 'four']);
      expect(first.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
      const second = await service(claims).list(tenant, { first: 2, after: first.pageInfo.endCursor });
      expect(second.edges.map((e) => e.node.title)).toEqual(['three', 'two']);
      const last = await service(claims).list(tenant, { first: 2, after: second.pageInfo.endCursor });
      expect(last.edges.map((e) => e.node.title)).toEqual(['one']);
      expect(last.pageInfo.hasNextPage).toBe(false);

      expect(await service(b).list(tenant, { first: 10 })).toMatchObject({ edges: [], totalCount: 0 });
      expect((await service(claimsFor(randomUUID())).list(tenant, {})).edges).toEqual([]);
      await expect(service(claims).list(tenant, { first: 101 })).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    });
  });

  describe('messages', () => {
    it('posts a user message, counts it on the conversation and publishes message.created', async () => {
      const conversation = await service(a).create({ title: 'Chat' });
      const message = await service(a).sendMessage(conversation.id, 'Hello there!');
      expect(message).toMatchObject({ tenantId: tenantA, conversationId: conversation.id, role: 'USER', content: 'Hello there!', tokenCount: 3 });
      const [stored] = await createConversationsLoaders(store, a).conversationById.loadMany([conversation.id]);
      expect(stored).toMatchObject({ messageCount: 1 });
      expect((stored as { updatedAt: Date }).updatedAt.getTime()).toBe(message.createdAt.getTime());
      await expect.poll(() => published.find((e) => e.data.messageId === message.id)).toMatchObject({
        type: 'message.created',
        tenantId: tenantA,
        source: 'conversations',
        data: { conversationId: conversation.id, messageId: message.id, role: 'USER', tokenCount: 3 },
      });
    });

    it('validates content and refuses conversations that are not the caller’s', async () => {
      const conversation = await service(a).create({ title: 'Rules' });
      const sent = published.length;
      await expect(service(a).sendMessage(conversation.id, '')).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
      await expect(service(a).sendMessage(conversation.id, ' \n\t ')).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
      await expect(service(a).sendMessage(conversation.id, 'x'.repeat(32_001))).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
      expect((await service(a).sendMessage(conversation.id, 'x'.repeat(32_000))).tokenCount).toBe(8_000);
      // Tenant B, a missing id, a malformed id: all NOT_FOUND, nothing written.
      await expect(service(b).sendMessage(conversation.id, 'hi')).rejects.toMatchObject({ code: 'NOT_FOUND' });
      await expect(service(a).sendMessage(randomUUID(), 'hi')).rejects.toMatchObject({ code: 'NOT_FOUND' });
      await expect(service(a).sendMessage('not-a-uuid', 'hi')).rejects.toMatchObject({ code: 'NOT_FOUND' });
      await expect(service(claimsFor(tenantA, { roles: ['VIEWER'] })).sendMessage(conversation.id, 'hi')).rejects.toMatchObject({
        code: 'FORBIDDEN',
      });
      await expect(service(claimsFor(tenantA, { roles: [] })).sendMessage(conversation.id, 'hi')).rejects.toMatchObject({ code: 'FORBIDDEN' });
      const after = await createConversationsLoaders(store, a).conversationById.load(conversation.id);
      expect(after?.messageCount).toBe(1);
      const count = await store.run(a, (em) => em.count(Message, { tenantId: tenantA, conversationId: conversation.id }));
      expect(count).toBe(1);
      // One event, for the one message stored: the refused posts enqueued nothing.
      await expect.poll(() => published.length).toBe(sent + 1);
      await new Promise((r) => setTimeout(r, 50));
      expect(published.length).toBe(sent + 1);
    });

    it("refuses a message past the plan's daily quota, counting only today's messages of the tenant's users", async () => {
      const tenant = randomUUID();
      // The quota's day is taken from a clock held at noon of the day the rows are written for, so
      // a run across midnight UTC still agrees with itself.
      const startOfToday = new Date(new Date().setUTCHours(0, 0, 0, 0));
      const yesterday = new Date(startOfToday.getTime() - 60_000);
      const noon = () => new Date(startOfToday.getTime() + 12 * 3_600_000);
      const service = (claims: TenantClaims) => createConversationService({ store, log: silentLogger, claims, now: noon });
      const trial = claimsFor(tenant, { plan: 'TRIAL' });
      const { id } = await service(trial).create({ title: 'Busy' });
      // 199 of the tenant's own messages today, plus replies and yesterday's, which do not count.
      await store.run(trial, async (em) => {
        for (let i = 0; i < 199; i += 1) em.create(Message, { tenantId: tenant, conversationId: id, role: 'USER', content: `m${i}`, tokenCount: 1, createdAt: startOfToday });
        for (let i = 0; i < 50; i += 1) em.create(Message, { tenantId: tenant, conversationId: id, role: 'ASSISTANT', content: `r${i}`, tokenCount: 1 });
        for (let i = 0; i < 50; i += 1) em.create(Message, { tenantId: tenant, conversationId: id, role: 'USER', content: `y${i}`, tokenCount: 1, createdAt: yesterday });
        await em.flush();
      });
      expect(await service(trial).sendMessage(id, 'the 200th')).toMatchObject({ role: 'USER' });
      const refused = service(trial).sendMessage(id, 'the 201st');
      await expect(refused).rejects.toMatchObject({ code: 'QUOTA_EXCEEDED', extensions: { limit: 200 } });
      await expect(refused).rejects.toThrow(/TRIAL plan allows 200 messages a day/);
      // Another tenant on the same plan is not held back by this one's messages; a larger plan has room.
      const other = claimsFor(randomUUID(), { plan: 'TRIAL' });
      expect(await service(other).sendMessage((await service(other).create({ title: 'Quiet' })).id, 'hi')).toMatchObject({ role: 'USER' });
      expect(await service(claimsFor(tenant, { plan: 'STANDARD' })).sendMessage(id, 'upgraded')).toMatchObject({ role: 'USER' });
    });

    it('counts every message when many are posted at once', async () => {
      const conversation = await service(a).create({ title: 'Busy' });
      await Promise.all(Array.from({ length: 10 }, (_, i) => service(a).sendMessage(conversation.id, `message ${i}`)));
      const stored = await createConversationsLoaders(store, a).conversationById.load(conversation.id);
      expect(stored?.messageCount).toBe(10);
      expect(await store.run(a, (em) => em.count(Message, { tenantId: tenantA, conversationId: conversation.id }))).toBe(10);
      // One event per stored message: an attempt that lost a race and ran again took its event with it.
      const events = () => published.filter((e) => e.data.conversationId === conversation.id);
      await expect.poll(() => events().length).toBe(10);
      expect(new Set(events().map((e) => e.data.messageId)).size).toBe(10);
    });

    it('pages messages oldest first, across pages, per conversation', async () => {
      const conversation = await service(a).create({ title: 'Ordered' });
      const texts = Array.from({ length: 7 }, (_, i) => `m${i}`);
      for (const text of texts) await service(a).sendMessage(conversation.id, text);
      const loaders = () => createConversationsLoaders(store, a);
      const seen: string[] = [];
      let after: string | null = null;
      for (let round = 0; round < 5; round += 1) {
        const page = await loaders().messagePage.load({ conversationId: conversation.id, page: pageRequest({ first: 3, after }), cursor: after });
        seen.push(...page.edges.map((e) => e.node.content));
        if (!page.pageInfo.hasNextPage) break;
        after = page.pageInfo.endCursor;
      }
      expect(seen).toEqual(texts);
    });

    it('loads the first pages of many conversations in one query, and none of another tenant', async () => {
      const tenant = randomUUID();
      const claims = claimsFor(tenant);
      const ids: string[] = [];
      for (let i = 0; i < 20; i += 1) {
        const conversation = await service(claims).create({ title: `c${i}` });
        ids.push(conversation.id);
        for (let j = 0; j < 4; j += 1) await service(claims).sendMessage(conversation.id, `c${i} m${j}`);
      }
      const empty = await service(claims).create({ title: 'empty' });

      const load = async (conversationIds: string[]) => {
        const loaders = createConversationsLoaders(store, claims);
        const before = store.statementCount();
        const pages = await Promise.all(
          conversationIds.map((conversationId) => loaders.messagePage.load({ conversationId, page: pageRequest({ first: 3 }), cursor: null })),
        );
        return { pages, statements: store.statementCount() - before };
      };
      const one = await load(ids.slice(0, 1));
      const twenty = await load([...ids, empty.id]);
      expect(twenty.statements).toBe(one.statements);
      twenty.pages.slice(0, 20).forEach((page, i) => {
        expect(page.edges.map((e) => e.node.content)).toEqual([`c${i} m0`, `c${i} m1`, `c${i} m2`]);
        expect(page.pageInfo.hasNextPage).toBe(true);
      });
      expect(twenty.pages[20]).toMatchObject({ edges: [], pageInfo: { hasNextPage: false } });

      // The same conversation ids asked by tenant B: no messages, no conversations.
      expect((await store.messagePages(b, { conversationIds: ids, limit: 5, after: null })).size).toBe(0);
      expect(await createConversationsLoaders(store, b).conversationById.loadMany(ids.slice(0, 3))).toEqual([null, null, null]);
      expect(await store.run(b, (em) => em.find(Conversation, { id: { $in: ids } }))).toEqual([]);
      expect((await store.messagePages(platformAdminClaims, { conversationIds: ids, limit: 5, after: null })).size).toBe(0);
    });

    it('resolves messages by id for their own tenant only', async () => {
      const conversation = await service(a).create({ title: 'Lookup' });
      const message = await service(a).sendMessage(conversation.id, 'find me');
      expect((await createConversationsLoaders(store, a).messageById.load(message.id))?.content).toBe('find me');
      expect(await createConversationsLoaders(store, b).messageById.load(message.id)).toBeNull();
      expect(await createConversationsLoaders(store, a).messageById.load('nope')).toBeNull();
    });
  });
}
