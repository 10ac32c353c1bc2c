import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { liveSubjects } from '../../kit/src/live/LiveBus.ts';
import { createMemoryLiveBus } from '../../kit/src/live/createMemoryLiveBus.ts';
import { silentLogger } from '../../kit/src/log.ts';
import type { SimulationProgress } from '../src/engine/runSimulation.ts';
import { createProgressPublisher } from '../src/live/createProgressPublisher.ts';
import type { ProgressPublisher } from '../src/live/createProgressPublisher.ts';

const report = (completed: number, total = 1_000_000): SimulationProgress => ({ completed, total, nonFinite: 0, running: { mean: completed / 1000, stdDev: 1 } });
// The publisher's interval runs on faked timers and a faked performance.now(): time moves only when
// a test moves it, so what is checked does not depend on how busy this machine is.
const sleep = (ms: number) => vi.advanceTimersByTimeAsync(ms);

describe('progress publisher', () => {
  const live = createMemoryLiveBus();
  let publisher: ProgressPublisher;
  const taps: Array<() => Promise<unknown>> = [];
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
  });
  afterEach(async () => {
    publisher?.close();
    for (const stop of taps.splice(0)) await stop();
    vi.useRealTimers();
  });

  /** Everything published on the run's subject, with the time it arrived. */
  function tap(run: { id: string; tenantId: string }) {
    const heard: Array<{ at: number; payload: Record<string, unknown> }> = [];
    const subscription = live.subscribe(liveSubjects.simulation(run.tenantId, run.id));
    void (async () => {
      for await (const payload of subscription) heard.push({ at: performance.now(), payload: payload as Record<string, unknown> });
    })();
    const stop = () => subscription.return();
    taps.push(stop);
    return { heard, stop };
  }

  it('publishes at most one RUNNING payload per interval, coalescing a burst to its latest report', async () => {
    publisher = createProgressPublisher({ live, log: silentLogger, intervalMs: 100 });
    const run = { id: randomUUID(), tenantId: randomUUID() };
    const { heard, stop } = tap(run);
    // A burst, as when a busy event loop receives many worker messages at once.
    for (let completed = 1_000; completed <= 50_000; completed += 1_000) publisher.progress(run, report(completed));
    await sleep(20);
    expect(heard.map((h) => h.payload.completedIterations)).toEqual([1_000]);
    await sleep(130);
    // The latest of the burst, once the interval allowed it; the 48 in between never went out.
    expect(heard.map((h) => h.payload.completedIterations)).toEqual([1_000, 50_000]);
    expect(heard[1]!.at - heard[0]!.at).toBe(100);
    expect(heard[1]!.payload).toEqual({ status: 'RUNNING', completedIterations: 50_000, totalIterations: 1_000_000, running: { mean: 50, stdDev: 1 } });
    await stop();
  });

  it('sends the final payload after any waiting report is dropped, and forgets the run', async () => {
    publisher = createProgressPublisher({ live, log: silentLogger, intervalMs: 100 });
    const run = { id: randomUUID(), tenantId: randomUUID() };
    const { heard, stop } = tap(run);
    publisher.progress(run, report(10));
    publisher.progress(run, report(20)); // waits for its slot
    expect(publisher.tracked()).toBe(1);
    publisher.finished(run, { status: 'CANCELLED', completedIterations: 25, totalIterations: 1_000_000 });
    expect(publisher.tracked()).toBe(0);
    await sleep(150);
    expect(heard.map((h) => [h.payload.status, h.payload.completedIterations])).toEqual([
      ['RUNNING', 10],
      ['CANCELLED', 25],
    ]);
    // A run that ended without a final state of this runner's publishes nothing more.
    publisher.progress(run, report(30));
    publisher.finished(run, null);
    await sleep(150);
    expect(heard).toHaveLength(3);
    expect(publisher.tracked()).toBe(0);
    await stop();
  });

  it('keeps runs apart: each has its own interval', async () => {
    publisher = createProgressPublisher({ live, log: silentLogger, intervalMs: 100 });
    const tenantId = randomUUID();
    const a = { id: randomUUID(), tenantId };
    const b = { id: randomUUID(), tenantId };
    const tapA = tap(a);
    const tapB = tap(b);
    publisher.progress(a, report(1));
    publisher.progress(b, report(2));
    await sleep(10);
    expect(tapA.heard.map((h) => h.payload.completedIterations)).toEqual([1]);
    expect(tapB.heard.map((h) => h.payload.completedIterations)).toEqual([2]);
    publisher.finished(a, null);
    publisher.finished(b, null);
    await tapA.stop();
    await tapB.stop();
    expect(live.activeSubscriptions()).toBe(0);
  });
});
