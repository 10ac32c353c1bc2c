import type { EventBus, ConsumeOptions, Consumption } from './EventBus.ts';
import type { PlatformEvent } from './PlatformEvent.ts';
import type { Logger } from '../log.ts';

export interface MemoryBusOptions {
  log: Logger;
  retryDelayMs?: number;
  maxDeliver?: number;
  /** How long a published id is remembered, so a republished event is dropped (default 2 min, as the stream's). */
  duplicateWindowMs?: number;
  /** How long an event is kept, as the stream's max age (default 7 days). */
  maxAgeMs?: number;
  /** Events kept at most; beyond it the oldest go (default 100,000). */
  maxRetained?: number;
  /** Milliseconds clock for the windows above; tests move it by hand. Default Date.now. */
  now?: () => number;
}

/**
 * The embedded default's bus: same contract as JetStream (durable named consumers that resume
 * from their position, at-least-once with retries, dedup of republished ids within a window), in
 * one process. Memory stays bounded as a stream's would: events older than `maxAgeMs`, and the
 * oldest beyond `maxRetained`, are dropped (a durable that had not read them yet starts at the
 * oldest kept event, with a warning), and ids leave the dedup window.
 */
export function createMemoryBus(options: MemoryBusOptions): EventBus {
  const log = options.log;
  const retryDelayMs = options.retryDelayMs ?? 200;
  const maxDeliver = options.maxDeliver ?? 10;
  const duplicateWindowMs = options.duplicateWindowMs ?? 120_000;
  const maxRetained = options.maxRetained ?? 100_000;
  const maxAgeMs = options.maxAgeMs ?? 7 * 86_400_000;
  const now = options.now ?? Date.now;
  /**
   * events[i] is the event at stream position offset + i, published at times[i]; those before
   * `head` are dropped (cut from the arrays in chunks). `base` is the oldest kept position.
   */
  const events: PlatformEvent[] = [];
  const times: number[] = [];
  let offset = 0;
  let head = 0;
  let base = 0;
  /** Published ids → when, oldest first. */
  const seen = new Map<string, number>();
  const positions = new Map<string, number>();
  const running = new Map<string, { wake: () => void; stopped: boolean }>();
  let closed = false;

  /** Drops events past the age or count limit. */
  function trim() {
    const at = now();
    let first = head;
    while (first < events.length && at - times[first]! > maxAgeMs) first += 1;
    first = Math.max(first, events.length - maxRetained);
    if (first <= head) return;
    const upTo = offset + first;
    const behind = [...positions.entries()].filter(([, position]) => position < upTo).map(([durable]) => durable);
    if (behind.length > 0) log.warn('memory bus dropped events some durables had not read (age or count limit)', { dropped: first - head, durables: behind });
    head = first;
    base = upTo;
    // Cut the dropped part off once it is large, not on every event.
    if (head >= 1_024 && head * 2 >= events.length) {
      events.splice(0, head);
      times.splice(0, head);
      offset += head;
      head = 0;
    }
  }

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
    let next = Math.max(positions.get(durable) ?? 0, base);
    const finished = new Set<number>();
    const inFlight = new Set<Promise<void>>();
    const finish = (index: number) => {
      finished.add(index);
      // Events dropped meanwhile (age or count limit) are passed too.
      let position = Math.max(positions.get(durable) ?? 0, base);
      while (finished.delete(position)) position += 1;
      for (const stale of finished) if (stale < position) finished.delete(stale);
      positions.set(durable, position);
    };
    while (!state.stopped && !closed) {
      if (next < base) next = base;
      const event = events[next - offset];
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
      const at = now();
      for (const [id, when] of seen) {
        if (at - when < duplicateWindowMs) break;
        seen.delete(id);
      }
      if (seen.has(event.id)) return;
      seen.set(event.id, at);
      events.push(event);
      times.push(at);
      trim();
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
          // Only once its events in hand are settled may the durable be consumed again.
          await loop;
          if (running.get(opts.durable) === state) running.delete(opts.durable);
        },
      };
    },
    async retentionMs() {
      return maxAgeMs;
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
