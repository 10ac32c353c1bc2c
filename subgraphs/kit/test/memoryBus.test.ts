import { describe, expect, it } from 'vitest';
import { createMemoryBus } from '../src/bus/createMemoryBus.ts';
import { createEvent } from '../src/bus/PlatformEvent.ts';
import { createLogger } from '../src/log.ts';

const TENANT = '00000000-0000-4000-8000-00000000000b';
const event = (n: number) => createEvent('order.placed', TENANT, 'tests', { n });
const until = async (check: () => boolean) => {
  for (let i = 0; i < 5_000 && !check(); i += 1) await new Promise((resolve) => setImmediate(resolve));
  expect(check()).toBe(true);
};

// The in-process bus keeps its memory bounded as a stream with a max age and a size limit would,
// on a clock the tests move by hand.
describe('memory bus retention', () => {
  function setup(options: { maxAgeMs?: number; maxRetained?: number; duplicateWindowMs?: number } = {}) {
    const clock = { now: 1_000_000 };
    const warnings: Array<Record<string, unknown>> = [];
    const log = createLogger({ level: 'warn', write: (line) => warnings.push(JSON.parse(line) as Record<string, unknown>) });
    const bus = createMemoryBus({ log, now: () => clock.now, ...options });
    const consume = async (durable: string) => {
      const got: number[] = [];
      const consumption = await bus.consume({ durable, types: ['order.placed'], handler: async (e) => void got.push(Number(e.data.n)) });
      return { got, consumption };
    };
    return { bus, clock, warnings, consume };
  }

  it('drops events past their age; a durable that had not read them starts at the oldest kept one, with a warning', async () => {
    const { bus, clock, warnings, consume } = setup({ maxAgeMs: 60_000 });
    const early = await consume('early');
    for (let n = 0; n < 3; n += 1) await bus.publish(event(n));
    await until(() => early.got.length === 3);
    await early.consumption.stop();
    clock.now += 61_000;
    for (let n = 3; n < 5; n += 1) await bus.publish(event(n));
    // A durable created now sees only what is kept: the two young events.
    const late = await consume('late');
    await until(() => late.got.length === 2);
    expect(late.got).toEqual([3, 4]);
    // "early" had read 0-2 before they went: no warning for it, and it resumes with 3.
    expect(warnings).toEqual([]);
    const resumed = await consume('early');
    await until(() => resumed.got.length === 2);
    expect(resumed.got).toEqual([3, 4]);
    await late.consumption.stop();
    await resumed.consumption.stop();
    // Stopped behind, then the events it had not read age out: it is told in the log.
    for (let n = 5; n < 8; n += 1) await bus.publish(event(n));
    clock.now += 61_000;
    await bus.publish(event(8));
    expect(warnings.map((w) => w.msg)).toContain('memory bus dropped events some durables had not read (age or count limit)');
    const again = await consume('early');
    await until(() => again.got.length === 1);
    expect(again.got).toEqual([8]);
    await again.consumption.stop();
    await bus.close();
  });

  it('keeps at most maxRetained events, the newest', async () => {
    const { bus, consume } = setup({ maxRetained: 2_000 });
    for (let n = 0; n < 5_000; n += 1) await bus.publish(event(n));
    const late = await consume('late');
    await until(() => late.got.at(-1) === 4_999);
    expect(late.got.length).toBeLessThanOrEqual(2_000);
    expect(late.got.length).toBeGreaterThan(0);
    expect(late.got).toEqual(Array.from({ length: late.got.length }, (_, i) => 5_000 - late.got.length + i));
    await late.consumption.stop();
    await bus.close();
  });

  it('forgets a published id once it leaves the duplicate window', async () => {
    const { bus, clock, consume } = setup({ duplicateWindowMs: 120_000 });
    const reader = await consume('reader');
    const once = event(1);
    await bus.publish(once);
    clock.now += 119_000;
    await bus.publish(once); // within the window: dropped
    clock.now += 2_000;
    await bus.publish(once); // 121 s after the first: a new publication
    await until(() => reader.got.length === 2);
    expect(reader.got).toEqual([1, 1]);
    await reader.consumption.stop();
    await bus.close();
  });
});
