import { getEventListeners } from 'node:events';
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { NatsConnection, NatsConnectionImpl } from '@nats-io/transport-node';
import { connect } from '@nats-io/transport-node';
import { liveSubjects } from '../src/live/LiveBus.ts';
import type { LiveBus, LiveSubscription } from '../src/live/LiveBus.ts';
import { createMemoryLiveBus } from '../src/live/createMemoryLiveBus.ts';
import { createNatsLiveBus } from '../src/live/createNatsLiveBus.ts';
import { createLogger } from '../src/log.ts';
import type { Logger } from '../src/log.ts';
import { TEST_NATS_URL, uniqueSuffix } from '../src/testing/testEnvironment.ts';

/** One live bus under test; NATS also reports its connection's subscriptions as the server sees them. */
interface LiveUnderTest {
  live: LiveBus;
  /** Subscriptions on the NATS connection (NATS only). */
  connectionSubscriptions?: () => number;
  /** Waits until what was published so far has reached the subscribers' buffers or readers. */
  settle(): Promise<void>;
}

interface Implementation {
  name: 'memory' | 'nats';
  create(log?: Logger): Promise<LiveUnderTest>;
}

const created: LiveBus[] = [];
const others: NatsConnection[] = [];
afterEach(async () => {
  for (const live of created.splice(0)) await live.close();
  for (const nc of others.splice(0)) if (!nc.isClosed()) await nc.close();
});

const subscriptionsOf = (nc: NatsConnection) => () => (nc as NatsConnectionImpl).protocol.subscriptions.size();

const implementations: Implementation[] = [
  {
    name: 'memory',
    async create(log) {
      const live = createMemoryLiveBus({ log });
      created.push(live);
      // A turn of the event loop: in one process, readers run when the publisher yields.
      return { live, settle: () => new Promise<void>((resolve) => setImmediate(resolve)) };
    },
  },
  {
    name: 'nats',
    async create(log) {
      const live = await createNatsLiveBus({ servers: TEST_NATS_URL, prefix: `t_live_${uniqueSuffix()}`, log: log ?? silent(), name: 'live-contract' });
      created.push(live);
      return {
        live,
        connectionSubscriptions: subscriptionsOf(live.connection),
        // A round trip: the server has seen every earlier PUB, and the payloads it sent back arrived.
        settle: async () => {
          await live.connection.flush();
          await live.connection.flush();
        },
      };
    },
  },
];

function silent(): Logger {
  return createLogger({ level: 'silent' });
}

/** A logger that keeps its lines, to check what the bus says about slow consumers. */
function recordingLogger() {
  const lines: Array<{ level: string; msg: string; [key: string]: unknown }> = [];
  const log = createLogger({ level: 'debug', write: (line) => lines.push(JSON.parse(line) as (typeof lines)[number]) });
  return { log, lines };
}

/** Reads `count` payloads, failing (not hanging) when they do not come. */
async function take(subscription: LiveSubscription, count: number, timeoutMs = 5_000): Promise<unknown[]> {
  const values: unknown[] = [];
  const deadline = Date.now() + timeoutMs;
  while (values.length < count) {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), Math.max(1, deadline - Date.now()))));
    const result = await Promise.race([subscription.next(), timeout]);
    clearTimeout(timer);
    if (result === 'timeout') throw new Error(`timed out after ${values.length} of ${count} payloads`);
    if (result.done) throw new Error(`stream ended after ${values.length} of ${count} payloads`);
    values.push(result.value);
  }
  return values;
}

const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => ({ n: from + i }));
const poll = { timeout: 10_000, interval: 10 };
const TENANT_A = randomUUID();
const TENANT_B = randomUUID();

describe.each(implementations)('LiveBus contract: $name', (impl) => {
  it('delivers payloads in publish order to every subscriber of the subject', async () => {
    const { live } = await impl.create();
    const subject = liveSubjects.conversation(TENANT_A, randomUUID());
    const subscribers = [live.subscribe(subject), live.subscribe(subject), live.subscribe(subject)];
    for (const payload of range(0, 200)) live.publish(subject, payload);
    for (const subscriber of subscribers) expect(await take(subscriber, 200)).toEqual(range(0, 200));
    for (const subscriber of subscribers) expect(subscriber.dropped).toBe(0);
    // Each subscriber has its own copy, as off the wire.
    const first = live.subscribe(subject);
    const second = live.subscribe(subject);
    live.publish(subject, { n: 1 });
    const [a] = (await take(first, 1)) as Array<{ n: number }>;
    a!.n = 99;
    expect(await take(second, 1)).toEqual([{ n: 1 }]);
  });

  it("never delivers another subject's payloads: tenant B's stream with the same conversation id stays with B", async () => {
    const { live } = await impl.create();
    const conversationId = randomUUID();
    const mine = live.subscribe(liveSubjects.conversation(TENANT_A, conversationId));
    const theirs = live.subscribe(liveSubjects.conversation(TENANT_B, conversationId));
    const otherConversation = live.subscribe(liveSubjects.conversation(TENANT_A, randomUUID()));
    const otherKind = live.subscribe(liveSubjects.simulation(TENANT_A, conversationId));
    for (const payload of range(0, 5)) live.publish(liveSubjects.conversation(TENANT_B, conversationId), { ...payload, tenant: 'B' });
    // Published after B's: once it arrives, B's would have arrived too (per-publisher order).
    live.publish(liveSubjects.conversation(TENANT_A, conversationId), { sentinel: true });
    expect(await take(mine, 1)).toEqual([{ sentinel: true }]);
    expect(await take(theirs, 5)).toEqual(range(0, 5).map((p) => ({ ...p, tenant: 'B' })));
    expect(mine.buffered).toBe(0);
    expect(otherConversation.buffered).toBe(0);
    expect(otherKind.buffered).toBe(0);
  });

  it('refuses subjects that could reach beyond one stream: wildcards, separators, whitespace, other namespaces', async () => {
    const { live } = await impl.create();
    const id = randomUUID();
    for (const bad of ['*', '>', 'a.b', `${TENANT_B}.conversation.${id}`, ' ', `${TENANT_A} `, '', 'x\ty', 'ab*']) {
      expect(() => liveSubjects.conversation(bad, id), `tenant ${JSON.stringify(bad)}`).toThrow(TypeError);
      expect(() => liveSubjects.conversation(TENANT_A, bad), `conversation ${JSON.stringify(bad)}`).toThrow(TypeError);
      expect(() => liveSubjects.simulation(TENANT_A, bad), `run ${JSON.stringify(bad)}`).toThrow(TypeError);
    }
    for (const subject of ['live.>', 'live.*.conversation.x', `live.${TENANT_A}.conversation.*`, `live.${TENANT_A}..x`, 'live', 'events.order.placed', '>', `live.${TENANT_A}.conversation. x`]) {
      expect(() => live.subscribe(subject), subject).toThrow(TypeError);
      expect(() => live.publish(subject, {}), subject).toThrow(TypeError);
    }
    expect(live.activeSubscriptions()).toBe(0);
    expect(() => live.subscribe(liveSubjects.conversation(TENANT_A, id), { bufferSize: 0 })).toThrow(RangeError);
    expect(() => live.publish(liveSubjects.conversation(TENANT_A, id), undefined)).toThrow(TypeError);
  });

  it('drops the oldest payloads for a subscriber that does not read, keeping its buffer bounded', async () => {
    const { log, lines } = recordingLogger();
    const { live, settle } = await impl.create(log);
    const subject = liveSubjects.conversation(TENANT_A, randomUUID());
    const slow = live.subscribe(subject, { bufferSize: 16 });
    const fast = live.subscribe(subject);
    const fastSeen: unknown[] = [];
    const reading = (async () => {
      for await (const payload of fast) {
        fastSeen.push(payload);
        if (fastSeen.length === 10_000) break;
      }
    })();
    const started = Date.now();
    let maxBuffered = 0;
    for (let n = 0; n < 10_000; n++) {
      live.publish(subject, { n });
      // Yield as a real publisher (a provider stream) does, so the reader that keeps up can read;
      // more often than its 256-payload buffer fills.
      if (n % 100 === 0) await settle();
      maxBuffered = Math.max(maxBuffered, slow.buffered);
    }
    await expect.poll(() => slow.dropped + slow.buffered, poll).toBe(10_000);
    const elapsedMs = Date.now() - started;
    expect(maxBuffered).toBeLessThanOrEqual(16);
    expect(slow.buffered).toBe(16);
    expect(slow.dropped).toBe(10_000 - 16);
    // What is left is the newest, still in order.
    expect(await take(slow, 16)).toEqual(range(10_000 - 16, 10_000));
    // The reader that kept up lost nothing: drop-oldest is per subscription.
    await Promise.race([reading, new Promise((resolve) => setTimeout(resolve, 10_000))]);
    expect(fast.dropped).toBe(0);
    expect(fastSeen).toEqual(range(0, 10_000));
    // Logged, but at most once a second per subscription.
    const warnings = lines.filter((l) => l.msg.startsWith('live subscriber is slow'));
    expect(warnings.length).toBeGreaterThanOrEqual(1);
    expect(warnings.length).toBeLessThanOrEqual(Math.ceil(elapsedMs / 1_000) + 1);
    expect(warnings[0]).toMatchObject({ level: 'warn', subject, bufferSize: 16 });
    await slow.return();
  });

  it('unsubscribes on return(), on break out of for-await, and frees the transport subscription', async () => {
    const { live, connectionSubscriptions, settle } = await impl.create();
    const baseline = connectionSubscriptions?.();
    const subject = liveSubjects.simulation(TENANT_A, randomUUID());
    const one = live.subscribe(subject);
    const two = live.subscribe(subject);
    expect(live.activeSubscriptions()).toBe(2);
    // Subscribers of one subject share one transport subscription.
    if (connectionSubscriptions) expect(connectionSubscriptions()).toBe(baseline! + 1);

    const waiting = one.next();
    await expect(one.return()).resolves.toEqual({ done: true, value: undefined });
    await expect(waiting).resolves.toEqual({ done: true, value: undefined });
    await expect(one.next()).resolves.toEqual({ done: true, value: undefined });
    expect(live.activeSubscriptions()).toBe(1);
    if (connectionSubscriptions) expect(connectionSubscriptions()).toBe(baseline! + 1);
    await one.return(); // twice is harmless
    expect(live.activeSubscriptions()).toBe(1);

    live.publish(subject, { n: 1 });
    live.publish(subject, { n: 2 });
    await settle();
    expect(one.buffered).toBe(0);
    for await (const payload of two) {
      expect(payload).toEqual({ n: 1 });
      break;
    }
    expect(live.activeSubscriptions()).toBe(0);
    if (connectionSubscriptions) expect(connectionSubscriptions()).toBe(baseline);
    expect(two.buffered).toBe(0); // returning discards what was buffered
    live.publish(subject, { n: 3 }); // nobody listens: fine
  });

  it('shares one transport subscription per subject: each subscriber gets every payload, other subjects apart', async () => {
    const { live, connectionSubscriptions, settle } = await impl.create();
    const baseline = connectionSubscriptions?.();
    const subject = liveSubjects.conversation(TENANT_A, randomUUID());
    const other = liveSubjects.conversation(TENANT_A, randomUUID());
    const readers = [live.subscribe(subject), live.subscribe(subject), live.subscribe(subject)];
    const apart = live.subscribe(other);
    if (connectionSubscriptions) expect(connectionSubscriptions()).toBe(baseline! + 2);
    for (let n = 1; n <= 3; n += 1) live.publish(subject, { n });
    live.publish(other, { n: 99 });
    await settle();
    for (const reader of readers) {
      const got: unknown[] = [];
      for (let i = 0; i < 3; i += 1) got.push((await reader.next()).value);
      expect(got).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
    }
    expect((await apart.next()).value).toEqual({ n: 99 });
    // A slow reader's full buffer does not hold back the others.
    await readers[0]!.return();
    await readers[1]!.return();
    if (connectionSubscriptions) expect(connectionSubscriptions()).toBe(baseline! + 2);
    live.publish(subject, { n: 4 });
    await settle();
    expect((await readers[2]!.next()).value).toEqual({ n: 4 });
    await readers[2]!.return();
    await apart.return();
    if (connectionSubscriptions) expect(connectionSubscriptions()).toBe(baseline);
    // Subscribing again after the last one left opens it anew.
    const again = live.subscribe(subject);
    live.publish(subject, { n: 5 });
    await settle();
    expect((await again.next()).value).toEqual({ n: 5 });
    await again.return();
    expect(live.activeSubscriptions()).toBe(0);
    await live.close();
  });

  it('unsubscribes when the AbortSignal fires, and removes its abort listener', async () => {
    const { live, connectionSubscriptions } = await impl.create();
    const baseline = connectionSubscriptions?.();
    const subject = liveSubjects.conversation(TENANT_A, randomUUID());
    const controller = new AbortController();
    const aborted = live.subscribe(subject, { signal: controller.signal });
    const kept = live.subscribe(subject, { signal: new AbortController().signal });
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(1);
    const waiting = aborted.next();
    controller.abort();
    await expect(waiting).resolves.toEqual({ done: true, value: undefined });
    expect(live.activeSubscriptions()).toBe(1);
    if (connectionSubscriptions) expect(connectionSubscriptions()).toBe(baseline! + 1);
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);

    // A signal that is already aborted gives an ended iterator and acquires nothing.
    const early = live.subscribe(subject, { signal: controller.signal });
    await expect(early.next()).resolves.toEqual({ done: true, value: undefined });
    expect(live.activeSubscriptions()).toBe(1);
    if (connectionSubscriptions) expect(connectionSubscriptions()).toBe(baseline! + 1);

    // return() before the signal fires also drops the listener.
    const later = new AbortController();
    const returned = live.subscribe(subject, { signal: later.signal });
    await returned.return();
    expect(getEventListeners(later.signal, 'abort')).toHaveLength(0);

    await kept.return();
    expect(live.activeSubscriptions()).toBe(0);
    if (connectionSubscriptions) expect(connectionSubscriptions()).toBe(baseline);
  });

  it('close() ends open iterators after what they buffered, and refuses new subscribers', async () => {
    const { live, settle, connectionSubscriptions } = await impl.create();
    const quiet = liveSubjects.conversation(TENANT_A, randomUUID());
    const busy = liveSubjects.conversation(TENANT_B, randomUUID());
    const idle = live.subscribe(quiet);
    const waiting = idle.next();
    const backlog = live.subscribe(busy);
    live.publish(busy, { n: 1 });
    live.publish(busy, { n: 2 });
    await settle();
    await expect.poll(() => backlog.buffered, poll).toBe(2);

    await live.close();
    await expect(waiting).resolves.toEqual({ done: true, value: undefined });
    expect(live.activeSubscriptions()).toBe(0);
    if (connectionSubscriptions) expect(connectionSubscriptions()).toBe(0);
    expect(await take(backlog, 2)).toEqual(range(1, 3));
    await expect(backlog.next()).resolves.toEqual({ done: true, value: undefined });
    await expect(idle.next()).resolves.toEqual({ done: true, value: undefined });
    expect(() => live.subscribe(quiet)).toThrow(/closed/);
    expect(() => live.publish(quiet, { late: true })).not.toThrow(); // lossy: dropped, not thrown
    await live.close(); // twice is harmless
  });
});

describe('NATS live bus across connections', () => {
  it('delivers between two connections (two replicas) with the same prefix, and not across prefixes', async () => {
    const prefix = `t_live_${uniqueSuffix()}`;
    const publisher = await createNatsLiveBus({ servers: TEST_NATS_URL, prefix, log: silent(), name: 'replica-1' });
    const subscriber = await createNatsLiveBus({ servers: TEST_NATS_URL, prefix, log: silent(), name: 'replica-2' });
    const elsewhere = await createNatsLiveBus({ servers: TEST_NATS_URL, prefix: `t_live_${uniqueSuffix()}`, log: silent(), name: 'other-test' });
    created.push(publisher, subscriber, elsewhere);
    const subject = liveSubjects.simulation(TENANT_A, randomUUID());
    const remote = subscriber.subscribe(subject);
    const isolated = elsewhere.subscribe(subject);
    await subscriber.connection.flush(); // the server has the SUB before the other connection publishes
    await elsewhere.connection.flush();
    for (const payload of range(0, 50)) publisher.publish(subject, payload);
    expect(await take(remote, 50)).toEqual(range(0, 50));
    await publisher.connection.flush();
    await elsewhere.connection.flush();
    expect(isolated.buffered).toBe(0);
  });

  it('on a shared connection: subscriptions return to the baseline and close() leaves the connection open', async () => {
    const nc = await connect({ servers: TEST_NATS_URL, name: 'live-shared' });
    others.push(nc);
    // The event bus's JetStream calls open one request inbox on its connection: the baseline includes it.
    await nc.request('$JS.API.INFO', '', { timeout: 2_000 }).catch(() => undefined);
    const count = subscriptionsOf(nc);
    const baseline = count();
    const live = await createNatsLiveBus({ connection: nc, prefix: `t_live_${uniqueSuffix()}`, log: silent() });
    const subject = liveSubjects.conversation(TENANT_A, randomUUID());
    const subscriptions = Array.from({ length: 25 }, () => live.subscribe(subject));
    // One subject, 25 subscribers: one NATS subscription.
    expect(count()).toBe(baseline + 1);
    live.publish(subject, { n: 0 });
    for (const s of subscriptions) expect(await take(s, 1)).toEqual([{ n: 0 }]);
    for (const s of subscriptions.slice(0, 10)) await s.return();
    expect(count()).toBe(baseline + 1);
    await live.close();
    expect(count()).toBe(baseline);
    expect(live.activeSubscriptions()).toBe(0);
    expect(nc.isClosed()).toBe(false);
    await nc.flush(); // still usable
  });
});
