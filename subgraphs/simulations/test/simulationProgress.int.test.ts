import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NatsConnectionImpl } from '@nats-io/transport-node';
import { parse, subscribe } from 'graphql';
import type { ExecutionResult } from 'graphql';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TenantClaims } from '../../kit/src/auth/claims.ts';
import { CONTEXT_HEADER } from '../../kit/src/auth/contextToken.ts';
import { serveSubgraph } from '../../kit/src/bootSubgraph.ts';
import type { RunningSubgraph } from '../../kit/src/bootSubgraph.ts';
import { createMemoryBus } from '../../kit/src/bus/createMemoryBus.ts';
import { createMemoryCache } from '../../kit/src/cache/createMemoryCache.ts';
import { subgraphSchemaOf } from '../../kit/src/createSubgraphServer.ts';
import type { LiveBus } from '../../kit/src/live/LiveBus.ts';
import { createMemoryLiveBus } from '../../kit/src/live/createMemoryLiveBus.ts';
import { createNatsLiveBus } from '../../kit/src/live/createNatsLiveBus.ts';
import { silentLogger } from '../../kit/src/log.ts';
import { loadSubgraphConfig } from '../../kit/src/subgraphConfig.ts';
import { claimsFor, postGraphQL, TEST_NATS_URL, TEST_PG_SERVER, testDatabase, testKeys, uniqueSuffix, verifierFor } from '../../kit/src/testing/testEnvironment.ts';
import type { OpenedSimulations } from '../src/start.ts';
import { openSimulations } from '../src/start.ts';
import { Simulation } from '../src/entities/Simulation.ts';

// simulationProgress against real PostgreSQL and real worker threads, on the in-process live bus
// and on real NATS: rate, late joiners, finished runs, cancellation, other tenants, and leaks.
const root = join(import.meta.dirname, '..', '..', '..');

const PROGRESS = `subscription Progress($id: ID!) {
  simulationProgress(id: $id) {
    simulation { id status completedIterations finishedAt tenant { id } }
    completedIterations totalIterations percent
    running { mean stdDev }
    result { samples mean p5 p50 p95 }
  }
}`;
const START = `mutation Start($input: StartSimulationInput!) { startSimulation(input: $input) { id status } }`;
const CANCEL = `mutation Cancel($id: ID!) { cancelSimulation(id: $id) { id status } }`;
const RESULT = `query Get($id: ID!) { simulation(id: $id) { status result { samples mean p5 p50 p95 } } }`;

interface ProgressEvent {
  simulation: { id: string; status: string; completedIterations: number; finishedAt: string | null; tenant: { id: string } };
  completedIterations: number;
  totalIterations: number;
  percent: number;
  running: { mean: number; stdDev: number } | null;
  result: { samples: number; mean: number; p5: number; p50: number; p95: number } | null;
}
interface Heard {
  at: number;
  event: ProgressEvent;
}

// Half a second to a few seconds of sampling on one worker thread (sqrt/exp/log per iteration).
const longRun = (overrides: Record<string, unknown> = {}) => ({
  name: 'long',
  iterations: 5_000_000,
  seed: 11,
  variables: [
    { name: 'price', normal: { mean: 10, stdDev: 1 } },
    { name: 'cost', triangular: { min: 4, mode: 6, max: 9 } },
  ],
  expression: 'sqrt(abs(price - cost)) * exp(log(price)) / max(cost, 1)',
  ...overrides,
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface BusUnderTest {
  name: 'memory' | 'nats';
  create(): Promise<{ live: LiveBus; connectionSubscriptions?: () => number }>;
}

const buses: BusUnderTest[] = [
  { name: 'memory', create: async () => ({ live: createMemoryLiveBus() }) },
  {
    name: 'nats',
    async create() {
      const live = await createNatsLiveBus({ servers: TEST_NATS_URL, prefix: `t_simprog_${uniqueSuffix()}`, log: silentLogger, name: 'simulation-progress-test' });
      return { live, connectionSubscriptions: () => (live.connection as NatsConnectionImpl).protocol.subscriptions.size() };
    },
  },
];

describe.each(buses)('simulationProgress on the $name live bus', (busUnderTest) => {
  const db = testDatabase(`simulation_progress_${busUnderTest.name}`);
  const dataDir = mkdtempSync(join(tmpdir(), 'simulation-progress-test-'));
  const bus = createMemoryBus({ log: silentLogger });
  const tenantA = randomUUID();
  const tenantB = randomUUID();
  const asA = claimsFor(tenantA, { plan: 'ENTERPRISE' });
  const asB = claimsFor(tenantB, { plan: 'ENTERPRISE' });
  let live: LiveBus;
  let connectionSubscriptions: (() => number) | undefined;
  let running: RunningSubgraph;
  let opened: OpenedSimulations;
  let signer: Awaited<ReturnType<typeof testKeys>>['signer'];

  beforeAll(async () => {
    ({ live, connectionSubscriptions } = await busUnderTest.create());
    const keys = await testKeys();
    signer = keys.signer;
    const verifier = await verifierFor(keys.keys, 'simulations');
    const { config, env } = loadSubgraphConfig(
      'simulations',
      { DATABASE_URL: TEST_PG_SERVER, DATABASE_NAME: db.name, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', SIMULATION_WORKERS: '2', DATA_DIR: dataDir },
      root,
    );
    running = await serveSubgraph(config, env, { log: silentLogger, bus, live, cache: createMemoryCache(), verifier }, async (c, e, d) => {
      // Stored progress every 200 ms: a run is seen RUNNING with progress early in its sampling,
      // however fast this machine samples.
      opened = await openSimulations(c, e, d, { progressRecheckMs: 1_000, persistEveryMs: 200 });
      return opened.runtime;
    });
  });
  afterAll(async () => {
    await running?.close();
    await live?.close();
    await bus.close();
    await db.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function call<T>(claims: TenantClaims, query: string, variables: Record<string, unknown>): Promise<T> {
    const response = await postGraphQL<T>(running.url, query, variables, { signer, audience: 'simulations', claims });
    expect(response.body.errors).toBeUndefined();
    return response.body.data!;
  }
  const start = async (claims: TenantClaims, input: Record<string, unknown>) =>
    (await call<{ startSimulation: { id: string; status: string } }>(claims, START, { input })).startSimulation.id;
  const cancel = (claims: TenantClaims, id: string) => call<{ cancelSimulation: { status: string } }>(claims, CANCEL, { id });
  const read = (claims: TenantClaims, id: string) => opened.store.run(claims, (em) => em.findOneOrFail(Simulation, { id }));
  async function waitForRow(claims: TenantClaims, id: string, done: (row: { status: string; completedIterations: number }) => boolean) {
    const until = Date.now() + 30_000;
    for (;;) {
      const row = await read(claims, id);
      if (done(row)) return row;
      if (Date.now() > until) throw new Error(`run ${id} is still ${row.status}`);
      await sleep(50);
    }
  }
  /** Lets the subgraph's worker pool go idle for the next test. */
  async function settle(claims: TenantClaims, ids: string[]) {
    for (const id of ids) {
      const row = await read(claims, id);
      if (row.status === 'QUEUED' || row.status === 'RUNNING') await cancel(claims, id);
    }
    await expect.poll(() => opened.progress.tracked(), { timeout: 10_000 }).toBe(0);
  }

  /** `subscribe()` on the subgraph's own schema with a context built as for a verified gateway socket. */
  async function watch(claims: TenantClaims, id: string) {
    const schema = subgraphSchemaOf(opened.runtime.server);
    if (!schema) throw new Error('the simulations server keeps no schema');
    const contextValue = await opened.runtime.createContext.fromVerified({ claims, requestId: null });
    return subscribe({ schema, document: parse(PROGRESS), variableValues: { id }, contextValue });
  }
  async function watchStream(claims: TenantClaims, id: string): Promise<AsyncGenerator<ExecutionResult>> {
    const result = await watch(claims, id);
    if (!(Symbol.asyncIterator in result)) throw new Error(`subscription refused: ${JSON.stringify(result.errors)}`);
    return result;
  }
  async function nextEvent(stream: AsyncGenerator<ExecutionResult>): Promise<ProgressEvent | null> {
    const step = await stream.next();
    if (step.done) return null;
    expect(step.value.errors).toBeUndefined();
    return (step.value.data as { simulationProgress: ProgressEvent }).simulationProgress;
  }
  async function drain(stream: AsyncGenerator<ExecutionResult>): Promise<Heard[]> {
    const heard: Heard[] = [];
    for (;;) {
      const event = await nextEvent(stream);
      if (!event) return heard;
      heard.push({ at: performance.now(), event });
    }
  }

  it('streams a long run over graphql-ws at most ~10 times a second, ending with COMPLETED and the result', async () => {
    const id = await start(asA, longRun());
    const url = running.url.replace(/^http/, 'ws');
    const client = createClient({
      url,
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      connectionParams: async () => ({ [CONTEXT_HEADER]: await signer.sign(asA, 'simulations', randomUUID()) }),
    });
    const heard: Heard[] = [];
    try {
      await new Promise<void>((resolve, reject) => {
        client.subscribe<{ simulationProgress: ProgressEvent }>(
          { query: PROGRESS, variables: { id } },
          {
            next: (result) => {
              if (result.errors) reject(new Error(JSON.stringify(result.errors)));
              else heard.push({ at: performance.now(), event: result.data!.simulationProgress });
            },
            error: reject,
            complete: resolve,
          },
        );
      });
    } finally {
      await client.dispose();
    }

    const first = heard[0]!.event;
    const last = heard.at(-1)!.event;
    expect(['QUEUED', 'RUNNING']).toContain(first.simulation.status);
    expect(first.totalIterations).toBe(5_000_000);
    expect(last.simulation).toMatchObject({ id, status: 'COMPLETED', completedIterations: 5_000_000, tenant: { id: tenantA } });
    expect(last.simulation.finishedAt).not.toBeNull();
    expect(last).toMatchObject({ completedIterations: 5_000_000, totalIterations: 5_000_000, percent: 100, running: null });
    const stored = await call<{ simulation: { result: ProgressEvent['result'] } }>(asA, RESULT, { id });
    expect(last.result).toEqual(stored.simulation.result);
    expect(heard.filter((h) => h.event.simulation.status === 'COMPLETED')).toHaveLength(1);

    // Live events (everything but the first, stored, state and the final one).
    const liveEvents = heard.slice(1, -1);
    const seconds = (heard.at(-1)!.at - heard[0]!.at) / 1000;
    // While sampling (the summary after the last iteration takes a while and reports nothing).
    const sampling = (liveEvents.at(-1)!.at - liveEvents[0]!.at) / 1000;
    console.info(
      `[${busUnderTest.name}] ${liveEvents.length} live progress events over ${seconds.toFixed(2)} s in all (${(liveEvents.length / seconds).toFixed(1)}/s), ` +
        `${((liveEvents.length - 1) / sampling).toFixed(1)}/s while sampling`,
    );
    expect(liveEvents.length).toBeGreaterThan(1);
    // At most one per 100 ms over the whole stream. Arrival times are this process's: a stall can
    // bunch deliveries, so the exact spacing is checked on the publisher with a moved clock
    // (progressPublisher.test.ts), and here only the rate over the whole stream.
    expect(liveEvents.length).toBeLessThanOrEqual(Math.floor(seconds * 10) + 2);
    for (const { event } of liveEvents) {
      expect(event.simulation.status).toBe('RUNNING');
      expect(event.running).not.toBeNull();
      expect(Number.isFinite(event.running!.mean) && event.running!.stdDev > 0).toBe(true);
      expect(event.percent).toBeCloseTo((event.completedIterations / 5_000_000) * 100, 10);
    }
    const percents = heard.map((h) => h.event.percent);
    expect([...percents].sort((a, b) => a - b)).toEqual(percents);
    // Near the end the running mean is the result's mean to within sampling noise.
    expect(Math.abs(liveEvents.at(-1)!.event.running!.mean - last.result!.mean)).toBeLessThan(0.05);

    // The socket's subscription and its live subscription are gone.
    await expect.poll(() => running.subscriptions?.stats().subscriptions).toBe(0);
    await expect.poll(() => live.activeSubscriptions()).toBe(0);
  });

  it('gives a late joiner the stored state first, then live progress', async () => {
    const id = await start(asA, longRun({ name: 'late', iterations: 10_000_000 }));
    // The runner stores progress every 200 ms here: join once it has.
    const row = await waitForRow(asA, id, (r) => r.status === 'RUNNING' && r.completedIterations > 0);
    const stream = await watchStream(asA, id);
    const first = (await nextEvent(stream))!;
    expect(first.simulation.status).toBe('RUNNING');
    expect(first.completedIterations).toBeGreaterThanOrEqual(row.completedIterations);
    expect(first.running).toBeNull(); // the store keeps no running statistics
    // Then live progress (a quiet second on a loaded machine may first bring a re-read of the row).
    let second = (await nextEvent(stream))!;
    while (second.simulation.status === 'RUNNING' && second.running === null) second = (await nextEvent(stream))!;
    expect(second.simulation.status).toBe('RUNNING');
    expect(second.completedIterations).toBeGreaterThan(first.completedIterations);
    expect(second.running).not.toBeNull();
    await stream.return(undefined);
    expect(live.activeSubscriptions()).toBe(0);
    await settle(asA, [id]);
  });

  it('gives a finished run as exactly one event, then completes', async () => {
    const id = await start(asA, longRun({ name: 'short', iterations: 20_000 }));
    await waitForRow(asA, id, (r) => r.status === 'COMPLETED');
    const heard = await drain(await watchStream(asA, id));
    expect(heard).toHaveLength(1);
    expect(heard[0]!.event).toMatchObject({ completedIterations: 20_000, totalIterations: 20_000, percent: 100, running: null, simulation: { status: 'COMPLETED' } });
    expect(heard[0]!.event.result?.samples).toBe(20_000);
    expect(live.activeSubscriptions()).toBe(0);
  });

  it("refuses another tenant's real id and a random id alike (NOT_FOUND), holding nothing", async () => {
    const ofB = await start(asB, longRun({ name: 'b-secret', iterations: 1_000 }));
    await waitForRow(asB, ofB, (r) => r.status === 'COMPLETED');
    for (const id of [ofB, randomUUID(), 'not-a-uuid', 'live.>']) {
      const result = await watch(asA, id);
      expect(Symbol.asyncIterator in result).toBe(false);
      const errors = (result as ExecutionResult).errors ?? [];
      expect(errors.map((e) => e.extensions?.code)).toEqual(['NOT_FOUND']);
      expect(errors[0]!.message).not.toContain('b-secret');
    }
    // B's own subscription to its run works (so the refusal above was about the tenant).
    expect(await drain(await watchStream(asB, ofB))).toHaveLength(1);
    expect(live.activeSubscriptions()).toBe(0);
  });

  it('ends with a CANCELLED event when a running run is cancelled, and when a queued one is', async () => {
    // Two workers: two long runs take them, the third waits in the queue.
    const longest = { iterations: 10_000_000 };
    const ids = [await start(asA, longRun({ name: 'c1', ...longest })), await start(asA, longRun({ name: 'c2', ...longest })), await start(asA, longRun({ name: 'c3', ...longest }))];
    const [runningId, , queuedId] = ids as [string, string, string];
    await waitForRow(asA, queuedId, (r) => r.status === 'QUEUED');
    const runningStream = await watchStream(asA, runningId);
    const queuedStream = await watchStream(asA, queuedId);
    expect((await nextEvent(queuedStream))!.simulation.status).toBe('QUEUED');
    // Wait for live progress of the running one, then cancel both.
    for (;;) {
      const event = (await nextEvent(runningStream))!;
      if (event.running) break;
    }
    await cancel(asA, runningId);
    await cancel(asA, queuedId);
    const tail = await drain(runningStream);
    const end = tail.at(-1)!.event;
    expect(end.simulation.status).toBe('CANCELLED');
    expect(end.completedIterations).toBeLessThan(10_000_000);
    expect(end.result).toBeNull();
    expect(tail.filter((h) => h.event.simulation.status === 'CANCELLED')).toHaveLength(1);
    const queuedTail = await drain(queuedStream);
    expect(queuedTail.map((h) => h.event.simulation.status)).toEqual(['CANCELLED']);
    expect(live.activeSubscriptions()).toBe(0);
    await settle(asA, ids);
  });

  it('frees the live subscription when the subscriber returns mid-stream, also with a next() waiting', async () => {
    const baseline = connectionSubscriptions?.();
    const id = await start(asA, longRun({ name: 'leave' }));
    const streams = await Promise.all([watchStream(asA, id), watchStream(asA, id), watchStream(asA, id)]);
    expect(live.activeSubscriptions()).toBe(3);
    // Three subscribers of one run: one NATS subscription, shared.
    if (connectionSubscriptions) expect(connectionSubscriptions()).toBe(baseline! + 1);
    for (const stream of streams) await nextEvent(stream);
    const waiting = streams[0]!.next();
    await Promise.all(streams.map((stream) => stream.return(undefined)));
    expect((await waiting).done).toBe(true);
    expect(live.activeSubscriptions()).toBe(0);
    if (connectionSubscriptions) expect(connectionSubscriptions()).toBe(baseline);
    await settle(asA, [id]);
  });

  it('ends a stream whose final payload never came (a process that died after its commit) by reading the run again', async () => {
    // A run some other runner holds for an hour: no runner here will touch it or publish for it.
    const row = await opened.store.run(asA, async (em) => {
      const created = em.create(Simulation, {
        tenantId: tenantA,
        name: 'orphan',
        status: 'RUNNING',
        variables: [{ name: 'x', distribution: { kind: 'uniform', min: 0, max: 1 } }],
        expression: 'x',
        iterations: 100,
        seed: 1,
        completedIterations: 40,
        runnerId: randomUUID(),
        leaseUntil: new Date(Date.now() + 3_600_000),
        startedAt: new Date(),
      });
      await em.flush();
      return created;
    });
    const stream = await watchStream(asA, row.id);
    expect((await nextEvent(stream))!).toMatchObject({ completedIterations: 40, percent: 40, simulation: { status: 'RUNNING' } });
    await opened.store.run(asA, (em) => em.nativeUpdate(Simulation, { id: row.id }, { status: 'FAILED', error: 'worker lost', finishedAt: new Date(), runnerId: null, leaseUntil: null }));
    const tail = await drain(stream);
    expect(tail.map((h) => h.event.simulation.status)).toEqual(['FAILED']);
    expect(live.activeSubscriptions()).toBe(0);
  });
});
