import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../kit/src/log.ts';
import type { SimulationProgress, SimulationSpec } from '../src/engine/runSimulation.ts';
import { runSimulation } from '../src/engine/runSimulation.ts';
import { createWorkerPool, PoolClosedError, SimulationFailedError, WorkerCrashError } from '../src/worker/createWorkerPool.ts';
import type { WorkerPool } from '../src/worker/createWorkerPool.ts';

// Worker threads, no network or store: the pool runs the real .ts worker script under Node's
// type stripping, here inside vitest as in production under plain `node`.
const margin = (iterations: number, seed = 7, first = 'price'): SimulationSpec => ({
  variables: [
    { name: first, distribution: { kind: 'normal', mean: 10, stdDev: 1 } },
    { name: 'cost', distribution: { kind: 'triangular', min: 4, mode: 6, max: 9 } },
  ],
  expression: `${first} - cost`,
  iterations,
  seed,
});
const crashUrl = new URL('./fixtures/crashingWorker.ts', import.meta.url);

describe('createWorkerPool', () => {
  let pool: WorkerPool | undefined;
  afterEach(async () => {
    await pool?.close();
    pool = undefined;
  });

  it('runs a simulation on a worker thread with the same result as in-process', async () => {
    pool = createWorkerPool({ size: 1, log: silentLogger });
    await pool.ready();
    const outcome = await pool.run('r1', async () => margin(50_000));
    expect(outcome).toEqual(runSimulation(margin(50_000)));
  });

  it('reports progress at most every ~100 ms of wall time', async () => {
    const reports: SimulationProgress[] = [];
    pool = createWorkerPool({ size: 1, log: silentLogger, onProgress: (_id, progress) => reports.push(progress) });
    await pool.ready();
    const started = performance.now();
    const outcome = await pool.run('r1', async () => margin(3_000_000));
    const elapsed = performance.now() - started;
    expect(outcome?.completed).toBe(3_000_000);
    expect(reports.length).toBeGreaterThan(1);
    expect(reports.length).toBeLessThanOrEqual(Math.ceil(elapsed / 100) + 1);
    // Each report is posted at least ~100 ms of the worker's time after the previous one, so the counts strictly grow,
    // and the last one is the outcome itself, never a progress report. (The gaps as received on this thread say
    // nothing: a busy main thread takes two queued reports at once. The rate is checked by the count above.)
    const completed = reports.map((r) => r.completed);
    for (let i = 1; i < completed.length; i++) expect(completed[i]!).toBeGreaterThan(completed[i - 1]!);
    expect(completed.at(-1)!).toBeLessThan(3_000_000);
  });

  it('stops a running job when cancelled, keeping the iterations done', async () => {
    let running!: () => void;
    const started = new Promise<void>((resolve) => (running = resolve));
    const cancellable = createWorkerPool({ size: 1, log: silentLogger, onProgress: () => running() });
    try {
      await cancellable.ready();
      const job = cancellable.run('long', async () => margin(10_000_000));
      await started;
      expect(cancellable.cancel('long')).toBe(true);
      const outcome = await job;
      expect(outcome?.cancelled).toBe(true);
      expect(outcome!.completed).toBeLessThan(10_000_000);
      // The worker is free again.
      expect((await cancellable.run('next', async () => margin(1_000)))?.completed).toBe(1_000);
    } finally {
      await cancellable.close();
    }
  });

  it('queues jobs beyond its size and drops a queued job that is cancelled or has nothing to run', async () => {
    pool = createWorkerPool({ size: 1, log: silentLogger });
    await pool.ready();
    const first = pool.run('a', async () => margin(300_000));
    const second = pool.run('b', async () => margin(1_000));
    const third = pool.run('c', async () => null);
    expect(pool.cancel('b')).toBe(true);
    expect(pool.cancel('unknown')).toBe(false);
    expect((await first)?.completed).toBe(300_000);
    expect(await second).toBeNull();
    expect(await third).toBeNull();
  });

  it('fails a job the engine refuses, and keeps the worker', async () => {
    pool = createWorkerPool({ size: 1, log: silentLogger });
    await pool.ready();
    await expect(pool.run('bad', async () => ({ ...margin(10), expression: 'price -' }))).rejects.toBeInstanceOf(SimulationFailedError);
    expect((await pool.run('good', async () => margin(10)))?.completed).toBe(10);
  });

  it('fails only the job of a crashed worker and replaces the worker', async () => {
    pool = createWorkerPool({ size: 1, log: silentLogger, workerUrl: crashUrl });
    await pool.ready();
    const crashed = pool.run('boom', async () => margin(1_000, 1, 'crash')).catch((error: unknown) => error);
    const after = pool.run('next', async () => margin(1_000));
    const error = await crashed;
    expect(error).toBeInstanceOf(WorkerCrashError);
    expect((error as Error).message).toMatch(/worker exploded/);
    expect((await after)?.completed).toBe(1_000);
  });

  it('says so at start-up when the worker script cannot load', async () => {
    pool = createWorkerPool({ size: 1, log: silentLogger, workerUrl: new URL('./fixtures/brokenWorker.ts', import.meta.url) });
    await expect(pool.ready()).rejects.toThrow(/cannot load/);
  });

  it('rejects pending jobs when closed', async () => {
    pool = createWorkerPool({ size: 1, log: silentLogger });
    await pool.ready();
    const running = expect(pool.run('a', async () => margin(10_000_000))).rejects.toBeInstanceOf(PoolClosedError);
    const waiting = expect(pool.run('b', async () => margin(10))).rejects.toBeInstanceOf(PoolClosedError);
    await pool.close();
    await running;
    await waiting;
    await expect(pool.run('c', async () => margin(10))).rejects.toBeInstanceOf(PoolClosedError);
  });
});
