import { randomUUID } from 'node:crypto';
import { defineEntity, p } from '@mikro-orm/core';
import { jetstreamManager } from '@nats-io/jetstream';
import type { JetStreamManager } from '@nats-io/jetstream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventBus } from '../src/bus/EventBus.ts';
import { createNatsBus } from '../src/bus/createNatsBus.ts';
import { createEvent } from '../src/bus/PlatformEvent.ts';
import type { PlatformEvent } from '../src/bus/PlatformEvent.ts';
import { silentLogger } from '../src/log.ts';
import { createOutboxRelay } from '../src/store/createOutboxRelay.ts';
import { createPgStore } from '../src/store/createPgStore.ts';
import type { PgStore, SqlMigration } from '../src/store/createPgStore.ts';
import { OUTBOX_RELAY_SETTING, outboxMigration } from '../src/store/outbox.ts';
import { tenantIsolationSql } from '../src/store/tenantIsolationSql.ts';
import { claimsFor, platformAdminClaims, testDatabase, TEST_NATS_URL, uniqueSuffix } from '../src/testing/testEnvironment.ts';

/** A tenant-owned business table: the write each event announces. */
const Note = defineEntity({
  name: 'Note',
  tableName: 'notes',
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    tenantId: p.uuid(),
    body: p.string(),
  },
});

const migrations: SqlMigration[] = [
  { name: '001_notes', statements: ['create table notes (id uuid primary key, tenant_id uuid not null, body text not null)', ...tenantIsolationSql('notes')] },
  { ...outboxMigration, name: '002_outbox' },
];

interface OutboxRow {
  id: string;
  tenant_id: string;
  attempts: number;
  last_error: string | null;
}

const noTenant = claimsFor(randomUUID(), { tenantId: null, roles: [] });
const idle = { intervalMs: 60_000 }; // no polling during a test: only drains and pokes publish
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('transactional outbox on PostgreSQL and NATS JetStream', () => {
  const db = testDatabase('outbox');
  const suffix = uniqueSuffix();
  const stream = `T_OUTBOX_${suffix}`;
  const natsOptions = { servers: TEST_NATS_URL, stream, subjectPrefix: `t_outbox_${suffix}`, log: silentLogger };
  const tenantA = randomUUID();
  const tenantB = randomUUID();
  let bus: Awaited<ReturnType<typeof createNatsBus>>;
  let jsm: JetStreamManager;
  /** A store without a bus: the tests drive relays themselves. */
  let plain: PgStore;

  const streamCount = async () => (await jsm.streams.info(stream)).state.messages;
  /** Every outbox row, read as the relay does. */
  const outboxRows = () =>
    plain.run(noTenant, async (em) => {
      await em.execute(`select set_config('${OUTBOX_RELAY_SETTING}', 'on', true)`);
      return em.execute<OutboxRow[]>('select id, tenant_id, attempts, last_error from outbox_events order by created_at, id');
    });
  const noteEvent = (tenantId: string, data: Record<string, unknown> = {}) => createEvent('note.created', tenantId, 'tests', data);
  /** A note and its event, committed together. */
  const writeNote = (store: PgStore, tenantId: string, events: PlatformEvent[] = [noteEvent(tenantId)]) =>
    store.run(claimsFor(tenantId), async (em) => {
      em.create(Note, { tenantId, body: 'hello' });
      await em.flush();
      for (const event of events) await store.enqueue(em, event);
      return events;
    });

  beforeAll(async () => {
    plain = await createPgStore({ adminUrl: db.adminUrl, entities: [Note], tenantScoped: [Note], migrations, log: silentLogger });
    bus = await createNatsBus(natsOptions);
    jsm = await jetstreamManager(bus.connection);
  });
  afterAll(async () => {
    if (bus) {
      await jsm.streams.delete(stream).catch((error: unknown) => console.warn(`stream ${stream} not deleted: ${String(error)}`));
      await bus.close();
    }
    await plain?.close();
    await db.drop();
  });

  it('(a) publishes nothing for a transaction that rolled back, and refuses an enqueue outside a transaction', async () => {
    const before = await streamCount();
    await expect(
      plain.run(claimsFor(tenantA), async (em) => {
        em.create(Note, { tenantId: tenantA, body: 'never saved' });
        await em.flush();
        await plain.enqueue(em, noteEvent(tenantA));
        throw new Error('abort the write');
      }),
    ).rejects.toThrow('abort the write');
    expect(await outboxRows()).toEqual([]);
    const relay = createOutboxRelay({ orm: plain.orm, bus, log: silentLogger, ...idle });
    expect(await relay.drain()).toBe(0);
    await relay.close();
    expect(await streamCount()).toBe(before);
    await expect(plain.enqueue(plain.orm.em.fork(), noteEvent(tenantA))).rejects.toThrow(/inside the transaction/);
  });

  it('(b) publishes a committed event once, right after the commit, and deletes its row', async () => {
    // A store that owns a relay over the real bus; its timer is idle, so only the commit's poke publishes.
    const store = await createPgStore({ adminUrl: db.adminUrl, entities: [Note], tenantScoped: [Note], migrations, log: silentLogger, bus, relay: idle });
    const received: PlatformEvent[] = [];
    const consumption = await bus.consume({ durable: `outbox_${suffix}`, types: ['note.created'], handler: async (e) => void received.push(e) });
    try {
      const before = await streamCount();
      const text = `it's a "quote", a back\\slash, a ? and ünïcode 😀`;
      const [event] = await writeNote(store, tenantA, [noteEvent(tenantA, { text })]);
      await expect.poll(() => received.map((e) => e.id), { timeout: 10_000 }).toContain(event!.id);
      expect(received.find((e) => e.id === event!.id)).toEqual(event);
      await expect.poll(outboxRows).toEqual([]);
      expect(await streamCount()).toBe(before + 1);
      // The write it announces is there too.
      expect(await store.run(claimsFor(tenantA), (em) => em.count(Note, {}))).toBeGreaterThan(0);
    } finally {
      await consumption.stop();
      await store.close();
    }
    expect(received.filter((e) => e.type === 'note.created')).toHaveLength(1);
  });

  it('(c) keeps the event while the bus fails, backs off, and a relay with a working bus publishes it later', async () => {
    const broken = await createNatsBus({ ...natsOptions, name: 'broken' });
    await broken.connection.close(); // publishing now fails for real
    const failing = createOutboxRelay({ orm: plain.orm, bus: broken, log: silentLogger, ...idle });
    const before = await streamCount();
    const [event] = await writeNote(plain, tenantB);

    expect(await failing.drain()).toBe(0);
    let [row] = await outboxRows();
    expect(row).toMatchObject({ id: event!.id, attempts: 1 });
    expect(row!.last_error).toMatch(/closed/i);
    // Backing off: a poke right after the failure does not try again.
    failing.poke();
    await sleep(200);
    [row] = await outboxRows();
    expect(row!.attempts).toBe(1);
    await failing.close(); // its last attempt fails too, and the row stays
    [row] = await outboxRows();
    expect(row!.attempts).toBe(2);

    const working = createOutboxRelay({ orm: plain.orm, bus, log: silentLogger, ...idle });
    const statements = plain.statementCount();
    expect(await working.drain()).toBe(1);
    await working.close();
    // The relay's background work stays out of the store's statement count (N+1 tests read it).
    expect(plain.statementCount()).toBe(statements);
    expect(await outboxRows()).toEqual([]);
    expect(await streamCount()).toBe(before + 1);
  });

  it('(d) shows a tenant only its own outbox rows; the relay flag shows all, and inserts always need the tenant', async () => {
    const [a] = await writeNote(plain, tenantA);
    const [b] = await writeNote(plain, tenantB);
    const ids = (rows: Array<{ id: string }>) => rows.map((r) => r.id).sort();
    const asA = await plain.run(claimsFor(tenantA), (em) => em.execute<OutboxRow[]>('select id from outbox_events'));
    expect(ids(asA)).toEqual([a!.id]);
    const asB = await plain.run(claimsFor(tenantB), (em) => em.execute<OutboxRow[]>('select id from outbox_events'));
    expect(ids(asB)).toEqual([b!.id]);
    // A tenant cannot delete another's row, nor enqueue under another tenant.
    await plain.run(claimsFor(tenantA), (em) => em.execute('delete from outbox_events', [], 'run'));
    expect(ids(await outboxRows())).toEqual([b!.id]);
    await expect(plain.run(claimsFor(tenantA), (em) => plain.enqueue(em, noteEvent(tenantB)))).rejects.toThrow(/row-level security/);
    // Neither tenant nor flag: nothing.
    expect(await plain.run(noTenant, (em) => em.execute('select id from outbox_events'))).toEqual([]);
    // The flag reads and deletes every tenant's rows but may not insert.
    await plain.run(claimsFor(tenantA), (em) => plain.enqueue(em, a!));
    expect(ids(await outboxRows())).toEqual([a!.id, b!.id].sort());
    await expect(
      plain.run(noTenant, async (em) => {
        await em.execute(`select set_config('${OUTBOX_RELAY_SETTING}', 'on', true)`);
        await plain.enqueue(em, noteEvent(tenantA));
      }),
    ).rejects.toThrow(/row-level security/);
    // Platform operators enqueue for the tenant they act on (tenant.created).
    await plain.run(platformAdminClaims, (em) => plain.enqueue(em, noteEvent(tenantB)));
    const deleted = await plain.run(noTenant, async (em) => {
      await em.execute(`select set_config('${OUTBOX_RELAY_SETTING}', 'on', true)`);
      return em.execute<{ affectedRows: number }>('delete from outbox_events', [], 'run');
    });
    expect(deleted.affectedRows).toBe(3);
  });

  it('(e) two relays draining at once publish every event exactly once', async () => {
    const second = await createPgStore({ adminUrl: db.adminUrl, entities: [Note], tenantScoped: [Note], migrations, log: silentLogger });
    try {
      const total = 200;
      for (let i = 0; i < total / 10; i += 1) {
        const tenantId = i % 2 === 0 ? tenantA : tenantB;
        await writeNote(plain, tenantId, Array.from({ length: 10 }, (_, n) => noteEvent(tenantId, { n: i * 10 + n })));
      }
      const before = await streamCount();
      // The real bus, with every call counted (JetStream would hide a double publish by its msgID).
      const calls: string[] = [];
      // Rendezvous: each relay's publish waits until the other has also reached publish, i.e. until both hold a locked
      // batch at once, so both really drain side by side whatever the scheduling. The fallback only keeps a broken
      // relay from hanging the test: if one relay never gets a batch while the other holds its rows, the participation
      // checks below fail.
      const reached = new Map<string, () => void>();
      const bothReached = Promise.race([
        Promise.all(['one', 'two'].map((label) => new Promise<void>((resolve) => reached.set(label, resolve)))),
        sleep(10_000),
      ]);
      const counted = (label: string, byRelay: Map<string, number>): EventBus => ({
        ...bus,
        async publish(event) {
          calls.push(event.id);
          byRelay.set(label, (byRelay.get(label) ?? 0) + 1);
          reached.get(label)!();
          await bothReached;
          await sleep(1); // keep the two rounds' transactions overlapping
          await bus.publish(event);
        },
      });
      const byRelay = new Map<string, number>();
      const one = createOutboxRelay({ orm: plain.orm, bus: counted('one', byRelay), log: silentLogger, batch: 10, ...idle });
      const two = createOutboxRelay({ orm: second.orm, bus: counted('two', byRelay), log: silentLogger, batch: 10, ...idle });
      for (let round = 0; round < 10 && (await outboxRows()).length > 0; round += 1) await Promise.all([one.drain(), two.drain()]);
      await Promise.all([one.close(), two.close()]);

      expect(await outboxRows()).toEqual([]);
      expect(calls).toHaveLength(total);
      expect(new Set(calls).size).toBe(total);
      expect(await streamCount()).toBe(before + total);
      expect(byRelay.get('one')).toBeGreaterThan(0);
      expect(byRelay.get('two')).toBeGreaterThan(0);
    } finally {
      await second.close();
    }
  });

  it('refuses to start a store with a bus but without the outbox table', async () => {
    const bare = testDatabase('outbox_missing');
    try {
      await expect(
        createPgStore({ adminUrl: bare.adminUrl, entities: [Note], tenantScoped: [Note], migrations: migrations.slice(0, 1), log: silentLogger, bus }),
      ).rejects.toThrow(/outboxMigration/);
    } finally {
      await bare.drop();
    }
  });
});
