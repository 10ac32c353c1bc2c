import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryBus } from '../../kit/src/bus/createMemoryBus.ts';
import type { PlatformEvent } from '../../kit/src/bus/PlatformEvent.ts';
import { silentLogger } from '../../kit/src/log.ts';
import { claimsFor, testDatabase } from '../../kit/src/testing/testEnvironment.ts';
import { Conversation } from '../src/entities/Conversation.ts';
import { Message } from '../src/entities/Message.ts';
import { createConversationService } from '../src/services/createConversationService.ts';
import type { ConversationStore } from '../src/store/ConversationStore.ts';
import { createPgConversationStore } from '../src/store/createPgConversationStore.ts';
import type { PgConversationStore } from '../src/store/createPgConversationStore.ts';
import { conversationStoreContract } from './storeContract.ts';

describe('conversation store contract on PostgreSQL', () => {
  conversationStoreContract(async (bus) => {
    const db = testDatabase('conversations_contract');
    const store = await createPgConversationStore({ adminUrl: db.adminUrl, log: silentLogger, bus });
    return {
      store,
      dispose: async () => {
        await store.close();
        await db.drop();
      },
    };
  });
});

describe('conversation store on PostgreSQL: isolation underneath the code', () => {
  const db = testDatabase('conversations_rls');
  let store: PgConversationStore;
  const tenantA = randomUUID();
  const tenantB = randomUUID();
  const bus = createMemoryBus({ log: silentLogger });
  const published: PlatformEvent[] = [];

  beforeAll(async () => {
    store = await createPgConversationStore({ adminUrl: db.adminUrl, log: silentLogger, bus });
    await bus.consume({ durable: 'rls-test', types: ['message.created'], handler: async (event) => void published.push(event) });
    for (const [tenantId, title] of [[tenantA, 'A chat'], [tenantB, 'B chat']] as const) {
      await store.run(claimsFor(tenantId), async (em) => {
        const conversation = em.create(Conversation, { tenantId, title, channel: 'WEB' });
        em.create(Message, { tenantId, conversationId: conversation.id, role: 'USER', content: `${title} hello`, tokenCount: 2 });
        await em.flush();
      });
    }
  });
  afterAll(async () => {
    await store?.close();
    await bus.close();
    await db.drop();
  });

  it('forces row-level security on both tables, for a role that owns neither', async () => {
    const rows = await store.pg.orm.em.fork().execute<{ tablename: string; tableowner: string; forced: boolean; me: string }[]>(
      `select tablename, tableowner, relforcerowsecurity as forced, current_user as me
       from pg_tables join pg_class on relname = tablename where tablename in ('conversations', 'messages') order by tablename`,
    );
    expect(rows.map((r) => r.tablename)).toEqual(['conversations', 'messages']);
    for (const row of rows) {
      expect(row.forced).toBe(true);
      expect(row.me).toBe(store.pg.appRole);
      expect(row.tableowner).not.toBe(store.pg.appRole);
    }
  });

  it('returns no other tenant’s rows with the filter off or in raw SQL', async () => {
    const a = claimsFor(tenantA);
    const unfiltered = await store.run(a, (em) => em.find(Conversation, {}, { filters: false }));
    expect(unfiltered.map((c) => c.title)).toEqual(['A chat']);
    const raw = await store.pg.run(a, (em) => em.execute<{ content: string }[]>('select content from messages'));
    expect(raw.map((r) => r.content)).toEqual(['A chat hello']);
  });

  it('refuses a message of one tenant in another tenant’s conversation', async () => {
    const [bConversation] = await store.run(claimsFor(tenantB), (em) => em.find(Conversation, {}));
    // As A, pointing at B's conversation: RLS WITH CHECK refuses a row for B, the key refuses a row for A.
    await expect(
      store.run(claimsFor(tenantA), async (em) => {
        em.create(Message, { tenantId: tenantA, conversationId: bConversation!.id, role: 'USER', content: 'x', tokenCount: 1 });
        await em.flush();
      }),
    ).rejects.toThrow(/foreign key|violates/);
  });

  it('without row locks (the MongoDB path) retries posts that lose the version check, and counts them all', async () => {
    let attempts = 0;
    // Barrier (armed for the race only): each attempt's first flush waits until all six first attempts have read the
    // conversation, so they all hold the same version and all but one must lose the version check, however the
    // machine schedules them. The fallback only keeps a broken store from hanging the test.
    const racers = 6;
    let barrier: { arrived: number; open: () => void; opened: Promise<unknown> } | null = null;
    const optimistic: ConversationStore = {
      ...store,
      rowLocks: false,
      run: (claims, fn) => {
        attempts += 1;
        return store.run(claims, (em) => {
          const race = barrier;
          if (race) {
            const flush = em.flush.bind(em);
            let first = true;
            em.flush = async () => {
              if (first) {
                first = false;
                race.arrived += 1;
                if (race.arrived === racers) race.open();
                await race.opened;
              }
              return flush();
            };
          }
          return fn(em);
        });
      },
    };
    const service = createConversationService({ store: optimistic, log: silentLogger, claims: claimsFor(tenantA) });
    const conversation = await service.create({ title: 'Race' });
    attempts = 0;
    let open!: () => void;
    const opened = Promise.race([new Promise<void>((resolve) => (open = resolve)), new Promise((resolve) => setTimeout(resolve, 10_000))]);
    barrier = { arrived: 0, open, opened };
    await Promise.all(Array.from({ length: racers }, (_, i) => service.sendMessage(conversation.id, `m${i}`)));
    // Six posts read the same version before any wrote: five lost the race and ran again.
    expect(attempts).toBeGreaterThanOrEqual(2 * racers - 1);
    const stored = await store.run(claimsFor(tenantA), (em) => em.findOneOrFail(Conversation, { id: conversation.id }));
    expect(stored.messageCount).toBe(6);
    const messages = await store.run(claimsFor(tenantA), (em) => em.find(Message, { conversationId: conversation.id }));
    expect(messages).toHaveLength(6);
    // The lost attempts' events rolled back with them: one event per stored message.
    const events = () => published.filter((e) => e.data.conversationId === conversation.id);
    await expect.poll(() => events().length).toBe(6);
    expect(events().map((e) => e.data.messageId).sort()).toEqual(messages.map((m) => m.id).sort());
  });
});
