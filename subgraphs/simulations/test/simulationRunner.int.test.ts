import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryBus } from '../../kit/src/bus/createMemoryBus.ts';
import type { PlatformEvent } from '../../kit/src/bus/PlatformEvent.ts';
import { createLogger, silentLogger } from '../../kit/src/log.ts';
import { createPgStore } from '../../kit/src/store/createPgStore.ts';
import type { PgStore } from '../../kit/src/store/createPgStore.ts';
import { claimsFor, testDatabase } from '../../kit/src/testing/testEnvironment.ts';
import { runSimulation } from '../src/engine/runSimulation.ts';
import type { SimulationProgress, SimulationSpec } from '../src/engine/runSimulation.ts';
import { Simulation } from '../src/entities/Simulation.ts';
import type { SimulationEntity } from '../src/entities/Simulation.ts';
import { migrations } from '../src/migrations.ts';
import { createSimulationRunner } from '../src/runner/createSimulationRunner.ts';
import type { RunRef, SimulationRunner, SimulationRunnerOptions } from '../src/runner/createSimulationRunner.ts';
import { toResultData } from '../src/runner/toResultData.ts';
import type { TerminalProgressPayload } from '../src/live/progressPayloads.ts';

// The job runner against real PostgreSQL and real worker threads: restarts, leases, progress,
// cancellation from another replica, crashes.
const tenant = randomUUID();

const spec = (iterations: number, overrides: Partial<SimulationSpec> = {}): SimulationSpec => ({
  variables: [
    { name: 'price', distribution: { kind: 'normal', mean: 10, stdDev: 1 } },
    { name: 'cost', distribution: { kind: 'triangular', min: 4, mode: 6, max: 9 } },
  ],
  expression: 'price - cost',
  iterations,
  seed: 7,
  ...overrides,
});

describe('simulation runner on PostgreSQL', () => {
  const db = testDatabase('simulation_runner');
  const bus = createMemoryBus({ log: silentLogger });
  const events: PlatformEvent[] = [];
  const runners: SimulationRunner[] = [];
  let store: PgStore;

  const asTenant = claimsFor(tenant);
  const newRunner = (options: Partial<SimulationRunnerOptions> = {}) => {
    const runner = createSimulationRunner({ store, log: silentLogger, workers: 1, ...options });
    runners.push(runner);
    return runner;
  };
  async function insert(run: SimulationSpec, fields: Partial<SimulationEntity> = {}): Promise<RunRef> {
    const row = await store.run(asTenant, async (em) => {
      const created = em.create(Simulation, { tenantId: tenant, name: 'test', ...run, ...fields });
      await em.flush();
      return created;
    });
    return { id: row.id, tenantId: tenant };
  }
  const read = (id: string) => store.run(asTenant, (em) => em.findOneOrFail(Simulation, { id }));
  async function waitFor(id: string, done: (row: SimulationEntity) => boolean, timeoutMs = 30_000): Promise<SimulationEntity> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const row = await read(id);
      if (done(row)) return row;
      if (Date.now() > until) throw new Error(`run ${id} is still ${row.status} (${row.completedIterations} iterations)`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  beforeAll(async () => {
    // The store's outbox relay publishes simulation.completed to the bus.
    store = await createPgStore({ adminUrl: db.adminUrl, entities: [Simulation], tenantScoped: [Simulation], migrations, log: silentLogger, bus });
    await bus.consume({ durable: 'test', types: ['simulation.completed'], handler: async (event) => void events.push(event) });
  });
  afterEach(async () => {
    for (const runner of runners.splice(0)) await runner.close();
  });
  afterAll(async () => {
    await store?.close();
    await bus.close();
    await db.drop();
  });

  it("picks up runs a stopped process left QUEUED or RUNNING with a lapsed lease, acting as each run's tenant", async () => {
    const queued = await insert(spec(20_000));
    const lapsed = await insert(spec(20_000, { seed: 8 }), { status: 'RUNNING', runnerId: randomUUID(), leaseUntil: new Date(Date.now() - 1_000), completedIterations: 5_000 });
    const held = await insert(spec(20_000), { status: 'RUNNING', runnerId: randomUUID(), leaseUntil: new Date(Date.now() + 60_000) });
    await newRunner().start();
    const [a, b] = await Promise.all([queued, lapsed].map((run) => waitFor(run.id, (row) => row.status === 'COMPLETED')));
    expect(a!.result).toEqual(toResultData(runSimulation(spec(20_000)).result!, 0));
    expect(b!.completedIterations).toBe(20_000);
    // Another live runner's lease is respected.
    expect((await read(held.id)).status).toBe('RUNNING');
    await expect.poll(() => events.map((e) => e.data.simulationId)).toEqual(expect.arrayContaining([queued.id, lapsed.id]));
    expect(events.find((e) => e.data.simulationId === queued.id)).toMatchObject({ tenantId: tenant, data: { iterations: 20_000 } });
  });

  it('hands its runs back to the queue when it closes, and the next process finishes them with the same result', async () => {
    const first = newRunner();
    await first.start();
    const run = await insert(spec(3_000_000, { seed: 99 }));
    first.enqueue(run);
    await waitFor(run.id, (row) => row.status === 'RUNNING');
    await first.close();
    const handedBack = await read(run.id);
    expect(handedBack).toMatchObject({ status: 'QUEUED', runnerId: null, leaseUntil: null, completedIterations: 0 });

    await newRunner().start();
    const done = await waitFor(run.id, (row) => row.status === 'COMPLETED');
    expect(done.result).toEqual(toResultData(runSimulation(spec(3_000_000, { seed: 99 })).result!, 0));
  });

  it('writes progress at most once per interval of its clock and hands every report to the hook', async () => {
    // The throttle reads the runner's clock, which this test moves by hand: what is checked does
    // not depend on how fast this machine samples.
    let now = 0;
    const reports: SimulationProgress[] = [];
    const runner = newRunner({ clock: () => now, persistEveryMs: 1_000, onProgress: (_run, progress) => reports.push(progress) });
    await runner.start();
    // Several seconds of sampling, reported every ~100 ms.
    const run = await insert(spec(10_000_000, { expression: 'sqrt(abs(price - cost)) * exp(log(price)) / max(cost, 1)' }));
    runner.enqueue(run);
    const reportsAfter = async (count: number) => {
      const target = reports.length + count;
      await expect.poll(() => reports.length, { timeout: 20_000, interval: 20 }).toBeGreaterThanOrEqual(target);
    };

    await waitFor(run.id, (row) => row.status === 'RUNNING');
    await reportsAfter(3);
    // No time has passed on the runner's clock since the claim: nothing written.
    expect((await read(run.id)).completedIterations).toBe(0);

    now += 999;
    await reportsAfter(3);
    expect((await read(run.id)).completedIterations).toBe(0);

    now += 1;
    const written = await waitFor(run.id, (row) => row.completedIterations > 0, 20_000);
    expect(written.status).toBe('RUNNING');
    // What was written is what a worker reported, and every report reached the hook.
    expect(reports.map((report) => report.completed)).toContain(written.completedIterations);
    await reportsAfter(3);
    expect((await read(run.id)).completedIterations).toBe(written.completedIterations);

    now += 1_000;
    const next = await waitFor(run.id, (row) => row.completedIterations > written.completedIterations, 20_000);
    expect(reports.map((report) => report.completed)).toContain(next.completedIterations);
    // Reports are monotonic: the hook saw them in order.
    const completed = reports.map((report) => report.completed);
    expect(completed).toEqual([...completed].sort((a, b) => a - b));
  });

  it('stops a run that another replica cancelled, at its next progress write, and frees the worker', async () => {
    // The runner logs how a run ended: 'simulation cancelled' only when its worker stopped early.
    const logged: Array<Record<string, unknown>> = [];
    const runner = newRunner({
      log: createLogger({ write: (line) => logged.push(JSON.parse(line) as Record<string, unknown>) }),
      // Progress writes (where a cancellation is seen) every 100 ms: the run is cancelled and seen
      // cancelled long before it could end by itself, however slowly a loaded machine samples.
      persistEveryMs: 100,
    });
    await runner.start();
    // Several seconds of sampling on an idle machine.
    const long = await insert(spec(10_000_000, { expression: 'sqrt(abs(price - cost)) * exp(log(price)) / max(cost, 1)' }));
    runner.enqueue(long);
    await waitFor(long.id, (row) => row.status === 'RUNNING' && row.completedIterations > 0);
    // As a cancelSimulation served by another replica would: the row only, no signal here.
    await store.run(asTenant, (em) => em.nativeUpdate(Simulation, { id: long.id }, { status: 'CANCELLED', finishedAt: new Date() }));
    const next = await insert(spec(1_000));
    runner.enqueue(next);
    // One worker: the next run can only complete once the long one has stopped. The deadline is
    // generous (a loaded machine samples slowly); that the long run stopped early, rather than
    // ran to its end, is checked on how its worker ended, not on the clock.
    await waitFor(next.id, (row) => row.status === 'COMPLETED', 45_000);
    const stopped = logged.find((line) => line.msg === 'simulation cancelled' && line.runId === long.id);
    expect(stopped, 'the worker of the cancelled run stopped sampling').toBeDefined();
    expect(stopped!.completed).toBeLessThan(10_000_000);
    const cancelled = await read(long.id);
    expect(cancelled.status).toBe('CANCELLED');
    expect(cancelled.result).toBeNull();
    expect(cancelled.completedIterations).toBe(stopped!.completed);
    // Only a stored result is announced; the outbox publishes in commit order, so by the next
    // run's event any event of the cancelled one would have been published.
    await expect.poll(() => events.some((e) => e.data.simulationId === next.id)).toBe(true);
    expect(events.some((e) => e.data.simulationId === long.id)).toBe(false);
  });

  it('fails the run of a crashed worker with a message, and the replacement worker runs the next', async () => {
    const runner = newRunner({ workerUrl: new URL('./fixtures/crashingWorker.ts', import.meta.url) });
    await runner.start();
    const crashing = await insert(spec(1_000, { variables: [{ name: 'crash', distribution: { kind: 'uniform', min: 0, max: 1 } }], expression: 'crash' }));
    const next = await insert(spec(1_000));
    runner.enqueue(crashing);
    runner.enqueue(next);
    const failed = await waitFor(crashing.id, (row) => row.status === 'FAILED');
    expect(failed.error).toMatch(/worker stopped unexpectedly.*worker exploded/);
    expect(failed.finishedAt).not.toBeNull();
    await waitFor(next.id, (row) => row.status === 'COMPLETED');
  });

  it("tells onFinished each run's end once, after its commit: COMPLETED with the result, FAILED, null when it stored none", async () => {
    // Each hook call starts a read at once: it sees the final row only if the commit came first.
    const ends: Array<{ id: string; terminal: TerminalProgressPayload | null; row: Promise<SimulationEntity> }> = [];
    const runner = newRunner({ onFinished: (run, terminal) => ends.push({ id: run.id, terminal, row: read(run.id) }) });
    await runner.start();
    const ok = await insert(spec(5_000, { seed: 3 }));
    const bad = await insert(spec(1_000, { variables: [{ name: 'x', distribution: { kind: 'uniform', min: -2, max: -1 } }], expression: 'sqrt(x)' }));
    const othersRun = await insert(spec(1_000), { status: 'RUNNING', runnerId: randomUUID(), leaseUntil: new Date(Date.now() + 60_000) });
    for (const run of [ok, bad, othersRun]) runner.enqueue(run);
    await expect.poll(() => ends.length, { timeout: 20_000 }).toBe(3);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(ends).toHaveLength(3);
    const endOf = (id: string) => ends.find((end) => end.id === id)!;
    expect(endOf(ok.id).terminal).toEqual({
      status: 'COMPLETED',
      completedIterations: 5_000,
      totalIterations: 5_000,
      result: toResultData(runSimulation(spec(5_000, { seed: 3 })).result!, 0),
    });
    expect((await endOf(ok.id).row).status).toBe('COMPLETED');
    expect(endOf(bad.id).terminal).toEqual({ status: 'FAILED', completedIterations: 1_000, totalIterations: 1_000 });
    expect(await endOf(bad.id).row).toMatchObject({ status: 'FAILED', completedIterations: 1_000 });
    // Another runner holds it: nothing of this runner's to announce.
    expect(endOf(othersRun.id).terminal).toBeNull();
  });

  it('fails a run none of whose outcomes is a finite number', async () => {
    const runner = newRunner();
    await runner.start();
    const run = await insert(spec(1_000, { variables: [{ name: 'x', distribution: { kind: 'uniform', min: -2, max: -1 } }], expression: 'sqrt(x)' }));
    runner.enqueue(run);
    const failed = await waitFor(run.id, (row) => row.status === 'FAILED');
    expect(failed.error).toMatch(/No iteration gave a finite number \(1000 of 1000\)/);
  });
});
