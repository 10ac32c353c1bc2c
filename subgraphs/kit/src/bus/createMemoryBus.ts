import type { EventBus, ConsumeOptions, Consumption } from './EventBus.ts';
import type { PlatformEvent } from './PlatformEvent.ts';
import type { Logger } from '../log.ts';

/**
 * The embedded default's bus: same contract as JetStream (durable named consumers that resume
 * from their position, at-least-once with retries, dedup of republished ids), in one process.
 */
export function createMemoryBus(options: { log: Logger; retryDelayMs?: number; maxDeliver?: number }): EventBus {
  const log = options.log;
  const retryDelayMs = options.retryDelayMs ?? 200;
  const maxDeliver = options.maxDeliver ?? 10;
  const events: PlatformEvent[] = [];
  const seen = new Set<string>();
  const positions = new Map<string, number>();
  const running = new Map<string, { wake: () => void; stopped: boolean }>();
  let closed = false;

  /** Delivers one event until its handler succeeds or retries run out; false when stopped first. */
  async function deliver(durable: string, opts: ConsumeOptions, state: { stopped: boolean }, event: PlatformEvent): Promise<boolean> {
    let attempt = 0;
    for (;;) {
      attempt += 1;
      try {
        await opts.handler(event);
        return true;
      } catch (error) {
        // Stopped mid-retry: the event stays unfinished, so it is delivered again on resume
        // (as JetStream redelivers an unacknowledged message).
        if (state.stopped || closed) return false;
        if (attempt >= maxDeliver) {
          log.error('event dropped after retries', { durable, eventId: event.id, type: event.type, attempt });
          return true;
        }
        log.warn('event handler failed, retrying', {
          durable,
          eventId: event.id,
          attempt,
          error: error instanceof Error ? error.message : String(error),
        });
        await new Promise((r) => setTimeout(r, retryDelayMs * attempt));
        if (state.stopped || closed) return false;
      }
    }
  }

  /**
   * Hands events to the handler, up to `concurrency` at once. The durable's position is the first
   * event not yet finished: a consumer stopped with events in hand gets them again when it resumes
   * (with any later ones that had finished: at least once, as JetStream).
   */
  async function drive(durable: string, opts: ConsumeOptions, state: { stopped: boolean; wake: () => void }) {
    const concurrency = Math.max(1, Math.floor(opts.concurrency ?? 1));
    let next = positions.get(durable) ?? 0;
    const finished = new Set<number>();
    const inFlight = new Set<Promise<void>>();
    const finish = (index: number) => {
      finished.add(index);
      let position = positions.get(durable) ?? 0;
      while (finished.delete(position)) position += 1;
      positions.set(durable, position);
    };
    while (!state.stopped && !closed) {
      const event = events[next];
      if (!event || inFlight.size >= concurrency) {
        await new Promise<void>((resolve) => (state.wake = resolve));
        continue;
      }
      const index = next;
      next += 1;
      if (!opts.types.includes(event.type)) {
        finish(index);
        continue;
      }
      const running: Promise<void> = deliver(durable, opts, state, event).then((done) => {
        inFlight.delete(running);
        if (done) finish(index);
        state.wake();
      });
      inFlight.add(running);
    }
    await Promise.allSettled([...inFlight]);
  }

  return {
    kind: 'memory',
    async publish(event) {
      if (closed) throw new Error('event bus is closed');
      if (seen.has(event.id)) return;
      seen.add(event.id);
      events.push(event);
      for (const state of running.values()) state.wake();
    },
    async consume(opts): Promise<Consumption> {
      if (running.has(opts.durable)) throw new Error(`consumer ${opts.durable} is already running in this process`);
      const state = { stopped: false, wake: () => {} };
      running.set(opts.durable, state);
      const loop = drive(opts.durable, opts, state);
      return {
        async stop() {
          state.stopped = true;
          state.wake();
          running.delete(opts.durable);
          await loop;
        },
      };
    },
    async close() {
      closed = true;
      for (const state of running.values()) {
        state.stopped = true;
        state.wake();
      }
      running.clear();
    },
  };
}
