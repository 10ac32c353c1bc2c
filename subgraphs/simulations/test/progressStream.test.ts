import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { liveSubjects } from '../../kit/src/live/LiveBus.ts';
import { createMemoryLiveBus } from '../../kit/src/live/createMemoryLiveBus.ts';
import { silentLogger } from '../../kit/src/log.ts';
import type { SimulationEntity, SimulationStatus } from '../src/entities/Simulation.ts';
import { createProgressStream } from '../src/live/createProgressStream.ts';

// The stream's ordering rules over the in-process live bus; `read` stands for the store's row.
const tenantId = randomUUID();

function row(status: SimulationStatus, completedIterations: number, extra: Partial<SimulationEntity> = {}): SimulationEntity {
  return {
    id: 'run',
    tenantId,
    name: 'run',
    status,
    variables: [],
    expression: 'x',
    iterations: 1_000,
    seed: 1,
    completedIterations,
    result: null,
    error: null,
    runnerId: null,
    leaseUntil: null,
    createdAt: new Date(0),
    startedAt: null,
    finishedAt: null,
    ...extra,
  } as SimulationEntity;
}

function setup(first: SimulationEntity, stored: { current: SimulationEntity | null }, recheckAfterMs = 10_000) {
  const live = createMemoryLiveBus();
  const id = randomUUID();
  const subject = liveSubjects.simulation(tenantId, id);
  const subscription = live.subscribe(subject);
  let reads = 0;
  const stream = createProgressStream({
    live: subscription,
    first,
    read: async () => {
      reads += 1;
      return stored.current;
    },
    recheckAfterMs,
    log: silentLogger,
  });
  return { live, stream, publish: (payload: unknown) => live.publish(subject, payload), reads: () => reads };
}

const running = (completedIterations: number) => ({ status: 'RUNNING', completedIterations, totalIterations: 1_000, running: { mean: 1, stdDev: 2 } });

describe('progress stream', () => {
  it('yields the stored state first, skips live payloads older than it, and ends after the final state', async () => {
    const stored = { current: row('RUNNING', 400) as SimulationEntity | null };
    const { live, stream, publish } = setup(row('RUNNING', 400), stored);
    publish(running(300)); // buffered before the read: older than the stored state
    publish(running(500));
    publish({ nonsense: true });
    publish(running(700));
    const first = await stream.next();
    expect(first.value).toMatchObject({ completedIterations: 400, totalIterations: 1_000, running: null, simulation: { status: 'RUNNING' } });
    expect((await stream.next()).value).toMatchObject({ completedIterations: 500, running: { mean: 1, stdDev: 2 } });
    expect((await stream.next()).value).toMatchObject({ completedIterations: 700 });
    const result = { samples: 1_000, mean: 3 };
    stored.current = row('COMPLETED', 1_000, { result: result as SimulationEntity['result'], finishedAt: new Date(5) });
    publish({ status: 'COMPLETED', completedIterations: 1_000, totalIterations: 1_000, result });
    const last = await stream.next();
    expect(last.value).toMatchObject({ completedIterations: 1_000, running: null, result, simulation: { status: 'COMPLETED', finishedAt: new Date(5) } });
    expect(await stream.next()).toEqual({ done: true, value: undefined });
    expect(live.activeSubscriptions()).toBe(0);
  });

  it('gives a finished run as one event and frees the live subscription at once', async () => {
    const done = row('FAILED', 12, { error: 'boom' });
    const { live, stream } = setup(done, { current: done });
    expect((await stream.next()).value).toMatchObject({ completedIterations: 12, simulation: { status: 'FAILED', error: 'boom' } });
    expect(live.activeSubscriptions()).toBe(0);
    expect((await stream.next()).done).toBe(true);
  });

  it('reads the run again when the live bus is silent, so a lost final payload still ends the stream', async () => {
    const stored = { current: row('QUEUED', 0) as SimulationEntity | null };
    const { live, stream, reads } = setup(row('QUEUED', 0), stored, 50);
    expect((await stream.next()).value).toMatchObject({ simulation: { status: 'QUEUED' } });
    stored.current = row('CANCELLED', 0);
    const started = performance.now();
    expect((await stream.next()).value).toMatchObject({ simulation: { status: 'CANCELLED' } });
    expect(performance.now() - started).toBeGreaterThanOrEqual(40);
    expect(reads()).toBeGreaterThanOrEqual(1);
    expect((await stream.next()).done).toBe(true);
    expect(live.activeSubscriptions()).toBe(0);
  });

  it('frees the live subscription on return() while a next() waits, and that next() ends', async () => {
    const { live, stream } = setup(row('RUNNING', 1), { current: row('RUNNING', 1) });
    await stream.next();
    const waiting = stream.next();
    expect(live.activeSubscriptions()).toBe(1);
    await stream.return!();
    expect(live.activeSubscriptions()).toBe(0);
    expect(await waiting).toEqual({ done: true, value: undefined });
    expect(await stream.next()).toEqual({ done: true, value: undefined });
  });

  it('returned before its first event yields nothing', async () => {
    const { live, stream } = setup(row('RUNNING', 1), { current: row('RUNNING', 1) });
    await stream.return!();
    expect(live.activeSubscriptions()).toBe(0);
    expect((await stream.next()).done).toBe(true);
  });
});
