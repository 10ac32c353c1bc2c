import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect } from '@nats-io/transport-node';
import type { NatsConnection, NatsConnectionImpl } from '@nats-io/transport-node';
import { jetstreamManager } from '@nats-io/jetstream';
import type { JetStreamManager } from '@nats-io/jetstream';
import type { EventBus } from '../src/bus/EventBus.ts';
import { createMemoryBus } from '../src/bus/createMemoryBus.ts';
import { createNatsBus } from '../src/bus/createNatsBus.ts';
import { createEvent } from '../src/bus/PlatformEvent.ts';
import type { PlatformEvent } from '../src/bus/PlatformEvent.ts';
import { createLogger, silentLogger } from '../src/log.ts';
import { TEST_NATS_URL, uniqueSuffix } from '../src/testing/testEnvironment.ts';

/** One bus under test; NATS also reports its connection's live subscriptions. */
interface BusUnderTest {
  bus: EventBus;
  subscriptions?: () => number;
  /** Consumer state as the broker sees it, when it has one. */
  pending?: (durable: string) => Promise<number>;
}

interface Implementation {
  name: string;
  /** How long to wait for deliveries that must NOT happen (longer than the NATS ack wait below). */
  settleMs: number;
  /**
   * Contract checks this implementation is known to break, each with the reason printed. They run
   * as `it.fails`: when the implementation is fixed, the check passes and `it.fails` fails, so
   * the entry must be removed.
   */
  knownBreaks: Record<string, string>;
  create(options?: { ackWaitMs?: number }): Promise<BusUnderTest>;
}

const TENANT = '00000000-0000-4000-8000-00000000000a';
const streams: string[] = [];
let admin: NatsConnection;
let jsm: JetStreamManager;

beforeAll(async () => {
  admin = await connect({ servers: TEST_NATS_URL, name: 'bus-contract-admin' });
  jsm = await jetstreamManager(admin);
});
afterAll(async () => {
  for (const stream of streams) {
    await jsm.streams.delete(stream).catch((error: unknown) => console.warn(`stream ${stream} not deleted: ${String(error)}`));
  }
  await admin?.close();
});

const implementations: Implementation[] = [
  {
    name: 'memory',
    settleMs: 150,
    knownBreaks: {},
    async create() {
      return { bus: createMemoryBus({ log: silentLogger, retryDelayMs: 50 }) };
    },
  },
  {
    name: 'nats',
    settleMs: 6_000,
    knownBreaks: {},
    async create(options = {}) {
      const suffix = uniqueSuffix();
      const stream = `T_BUS_${suffix}`;
      streams.push(stream);
      // An ack later than the ack wait means a redelivery (a duplicate for the checks): long enough for a loaded machine,
      // short enough that the settle waits above can outlast it.
      const bus = await createNatsBus({ servers: TEST_NATS_URL, stream, subjectPrefix: `t_bus_${suffix}`, ackWaitMs: options.ackWaitMs ?? 5_000, log: silentLogger });
      return {
        bus,
        subscriptions: () => (bus.connection as NatsConnectionImpl).protocol.subscriptions.size(),
        async pending(durable) {
          const info = await jsm.consumers.info(stream, durable);
          return info.num_pending + info.num_ack_pending;
        },
      };
    },
  },
];

/** A handler that records what it was given; `fail` decides per delivery whether to throw. */
function recorder(fail: (event: PlatformEvent, attempt: number) => boolean = () => false) {
  const attempts = new Map<string, number>();
  const handled: PlatformEvent[] = [];
  return {
    handled,
    attempts,
    ids: () => handled.map((e) => e.data.n),
    handler: async (event: PlatformEvent) => {
      const attempt = (attempts.get(event.id) ?? 0) + 1;
      attempts.set(event.id, attempt);
      if (fail(event, attempt)) throw new Error(`refused ${event.id} attempt ${attempt}`);
      handled.push(event);
    },
  };
}

const event = (n: number, type = 'order.placed') => createEvent(type, TENANT, 'tests', { n });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const poll = { timeout: 10_000, interval: 25 };

describe.each(implementations)('EventBus contract: $name', (impl) => {
  const check = (name: string, fn: () => Promise<void>) => {
    const reason = impl.knownBreaks[name];
    if (reason) {
      console.warn(`[bus contract] ${impl.name}: "${name}" is a known break, run with it.fails: ${reason}`);
      it.fails(name, fn);
    } else {
      it(name, fn);
    }
  };

  check('delivers the consumed types in publish order, before and after the consumer starts', async () => {
    const { bus } = await impl.create();
    try {
      for (const n of [1, 2, 3]) await bus.publish(event(n));
      const r = recorder();
      const consumption = await bus.consume({ durable: 'orders', types: ['order.placed'], handler: r.handler });
      await expect.poll(r.ids, poll).toEqual([1, 2, 3]);
      await bus.publish(event(4));
      await expect.poll(r.ids, poll).toEqual([1, 2, 3, 4]);
      expect(r.handled[0]).toMatchObject({ type: 'order.placed', tenantId: TENANT, source: 'tests' });
      await consumption.stop();
    } finally {
      await bus.close();
    }
  });

  check('resumes a durable consumer after stop where it left off; other durables keep their own position', async () => {
    const { bus, pending } = await impl.create();
    try {
      const first = recorder();
      const consumption = await bus.consume({ durable: 'resume', types: ['order.placed'], handler: first.handler });
      for (const n of [1, 2]) await bus.publish(event(n));
      await expect.poll(first.ids, poll).toEqual([1, 2]);
      await consumption.stop();

      for (const n of [3, 4]) await bus.publish(event(n));
      await sleep(impl.settleMs);
      expect(first.ids()).toEqual([1, 2]); // stopped means stopped
      if (pending) expect(await pending('resume')).toBe(2);

      const second = recorder();
      const resumed = await bus.consume({ durable: 'resume', types: ['order.placed'], handler: second.handler });
      await expect.poll(second.ids, poll).toEqual([3, 4]);
      const other = recorder();
      const fresh = await bus.consume({ durable: 'another', types: ['order.placed'], handler: other.handler });
      await expect.poll(other.ids, poll).toEqual([1, 2, 3, 4]);
      await sleep(impl.settleMs);
      expect(second.ids()).toEqual([3, 4]);
      await resumed.stop();
      await fresh.stop();
    } finally {
      await bus.close();
    }
  });

  check('retries an event whose handler threw, without holding back the rest for good', async () => {
    const { bus } = await impl.create();
    try {
      const r = recorder((e, attempt) => e.data.n === 1 && attempt === 1);
      const consumption = await bus.consume({ durable: 'retry', types: ['order.placed'], handler: r.handler });
      const failing = event(1);
      await bus.publish(failing);
      await bus.publish(event(2));
      await expect.poll(() => [...r.ids()].sort(), poll).toEqual([1, 2]);
      expect(r.attempts.get(failing.id)).toBe(2);
      await consumption.stop();
    } finally {
      await bus.close();
    }
  });

  check('keeps an event whose handler failed for the next start of the durable', async () => {
    const { bus } = await impl.create();
    try {
      const failing = recorder(() => true);
      const consumption = await bus.consume({ durable: 'survive', types: ['order.placed'], handler: failing.handler });
      const lost = event(1);
      await bus.publish(lost);
      await expect.poll(() => failing.attempts.get(lost.id) ?? 0, poll).toBeGreaterThanOrEqual(1);
      await consumption.stop();
      const healthy = recorder();
      const restarted = await bus.consume({ durable: 'survive', types: ['order.placed'], handler: healthy.handler });
      await expect.poll(healthy.ids, { ...poll, timeout: 15_000 }).toEqual([1]);
      await restarted.stop();
    } finally {
      await bus.close();
    }
  });

  check('drops a republished event id', async () => {
    const { bus } = await impl.create();
    try {
      const once = event(1);
      await bus.publish(once);
      await bus.publish(once);
      await bus.publish({ ...once }); // a copy with the same id, as a retried request would send
      await bus.publish(event(2));
      const r = recorder();
      const consumption = await bus.consume({ durable: 'dedup', types: ['order.placed'], handler: r.handler });
      await expect.poll(r.ids, poll).toEqual([1, 2]);
      await sleep(impl.settleMs);
      expect(r.ids()).toEqual([1, 2]);
      await consumption.stop();
    } finally {
      await bus.close();
    }
  });

  check('acknowledges and skips types it does not consume', async () => {
    const { bus, pending } = await impl.create();
    try {
      await bus.publish(event(1, 'order.cancelled'));
      await bus.publish(event(2, 'order.placed'));
      await bus.publish(event(3, 'order.cancelled'));
      const r = recorder();
      const consumption = await bus.consume({ durable: 'skip', types: ['order.placed'], handler: r.handler });
      await expect.poll(r.ids, poll).toEqual([2]);
      if (pending) await expect.poll(() => pending('skip'), poll).toBe(0);
      await sleep(impl.settleMs);
      await consumption.stop();
      // The skipped events were acknowledged: the same durable, now wanting them, does not get them back.
      const wider = recorder();
      const again = await bus.consume({ durable: 'skip', types: ['order.placed', 'order.cancelled'], handler: wider.handler });
      await bus.publish(event(4, 'order.cancelled'));
      await expect.poll(wider.ids, poll).toEqual([4]);
      await sleep(impl.settleMs);
      expect(wider.ids()).toEqual([4]);
      expect(r.ids()).toEqual([2]);
      await again.stop();
    } finally {
      await bus.close();
    }
  });

  check('handles up to `concurrency` events at once, each exactly once', async () => {
    const { bus } = await impl.create();
    try {
      for (let n = 1; n <= 12; n += 1) await bus.publish(event(n));
      let active = 0;
      let mostActive = 0;
      let release: () => void = () => undefined;
      let gate = new Promise<void>((resolve) => (release = resolve));
      const r = recorder();
      const consumption = await bus.consume({
        durable: 'parallel',
        types: ['order.placed'],
        concurrency: 3,
        handler: async (e) => {
          active += 1;
          mostActive = Math.max(mostActive, active);
          // Held until three run at once (or, should that never happen, a few seconds).
          if (active === 3) {
            release();
            gate = new Promise<void>((resolve) => (release = resolve));
          } else {
            await Promise.race([gate, sleep(3_000)]);
          }
          active -= 1;
          await r.handler(e);
        },
      });
      await expect.poll(() => r.handled.length, { ...poll, timeout: 60_000 }).toBe(12);
      await sleep(impl.settleMs);
      expect([...r.ids()].sort((a, b) => Number(a) - Number(b))).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
      expect([...r.attempts.values()].every((count) => count === 1)).toBe(true);
      expect(mostActive).toBe(3);
      await consumption.stop();
    } finally {
      await bus.close();
    }
  });

  check('does not redeliver an event while its handler runs, however long past the ack wait', async () => {
    // NATS with a 1 s ack wait; the handler takes three. A second slot keeps a pull open meanwhile,
    // where a redelivery would arrive.
    const { bus, pending } = await impl.create({ ackWaitMs: 1_000 });
    try {
      await bus.publish(event(1));
      const r = recorder();
      const consumption = await bus.consume({
        durable: 'slow',
        types: ['order.placed'],
        concurrency: 2,
        handler: async (e) => {
          await sleep(3_000);
          await r.handler(e);
        },
      });
      await expect.poll(() => r.handled.length, poll).toBe(1);
      await sleep(1_500);
      expect([...r.attempts.values()]).toEqual([1]);
      if (pending) expect(await pending('slow')).toBe(0);
      await consumption.stop();
    } finally {
      await bus.close();
    }
  });

  if (impl.name === 'nats') {
    it('keeps events for the configured retention (the stream max age), also on a stream that already exists', async () => {
      const suffix = uniqueSuffix();
      const stream = `T_BUS_AGE_${suffix}`;
      streams.push(stream);
      const options = { servers: TEST_NATS_URL, stream, subjectPrefix: `t_bus_age_${suffix}`, log: silentLogger };
      const first = await createNatsBus({ ...options, maxAgeMs: 7 * 86_400_000 });
      expect(await first.retentionMs()).toBe(7 * 86_400_000);
      await first.close();
      expect((await jsm.streams.info(stream)).config.max_age).toBe(7 * 86_400_000 * 1_000_000);
      const second = await createNatsBus({ ...options, maxAgeMs: 2 * 86_400_000 });
      await second.close();
      expect((await jsm.streams.info(stream)).config.max_age).toBe(2 * 86_400_000 * 1_000_000);
    });

    it('creates a durable consumer again when it is deleted on the broker, and goes on delivering', async () => {
      const suffix = uniqueSuffix();
      const stream = `T_BUS_GONE_${suffix}`;
      streams.push(stream);
      const logged: Array<Record<string, unknown>> = [];
      const log = createLogger({ level: 'warn', write: (line) => logged.push(JSON.parse(line) as Record<string, unknown>) });
      const bus = await createNatsBus({ servers: TEST_NATS_URL, stream, subjectPrefix: `t_bus_gone_${suffix}`, ackWaitMs: 5_000, log });
      try {
        const r = recorder();
        const consumption = await bus.consume({ durable: 'gone', types: ['order.placed'], handler: r.handler });
        await bus.publish(event(1));
        await expect.poll(r.ids, { timeout: 15_000 }).toEqual([1]);
        await jsm.consumers.delete(stream, 'gone');
        await bus.publish(event(2));
        // Recreated from the oldest retained event: 1 comes again (handlers are idempotent by id), then 2.
        await expect.poll(r.ids, { timeout: 60_000, interval: 200 }).toContain(2);
        expect(logged.map((line) => line.msg)).toContain('durable consumer was gone from the broker; created it again');
        await consumption.stop();
      } finally {
        await bus.close();
      }
    }, 90_000);

    it('leaves no subscriptions on the connection after stop() and close()', async () => {
      const under = await impl.create();
      const { bus } = under;
      const subscriptions = under.subscriptions!;
      // The JetStream API calls made while creating the bus opened the connection's one request inbox.
      const baseline = subscriptions();
      const one = await bus.consume({ durable: 'subs-1', types: ['order.placed'], handler: recorder().handler });
      const two = await bus.consume({ durable: 'subs-2', types: ['order.placed'], handler: recorder().handler });
      expect(subscriptions()).toBe(baseline + 2);
      await one.stop();
      expect(subscriptions()).toBe(baseline + 1);
      await one.stop(); // stopping twice is harmless
      expect(subscriptions()).toBe(baseline + 1);
      // close() stops what is still consuming, then drains the connection.
      await bus.close();
      expect(subscriptions()).toBe(0);
      const connection = (bus as unknown as { connection: NatsConnection }).connection;
      expect(connection.isClosed()).toBe(true);
      await two.stop(); // after close: must not throw
    });
  } else {
    it('(connection subscriptions are NATS-only; the memory bus has no connection to count)', () => {
      console.info('[bus contract] memory: subscription leak check skipped, the in-process bus holds no connection');
    });
  }
});
