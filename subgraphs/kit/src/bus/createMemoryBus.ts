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

  async function drive(durable: string, opts: ConsumeOptions, state: { stopped: boolean; wake: () => void }) {
    while (!state.stopped && !closed) {
      const position = positions.get(durable) ?? 0;
      const event = events[position];
      if (!event) {
        await new Promise<void>((resolve) => (state.wake = resolve));
        continue;
      }
      if (opts.types.includes(event.type)) {
        let attempt = 0;
        for (;;) {
          attempt += 1;
          try {
            await opts.handler(event);
            break;
          } catch (error) {
            // Stopped mid-retry: keep the position, so the event is delivered again on resume
            // (as JetStream redelivers an unacknowledged message).
            if (state.stopped || closed) return;
            if (attempt >= maxDeliver) {
              log.error('event dropped after retries', { durable, eventId: event.id, type: event.type, attempt });
              break;
            }
            log.warn('event handler failed, retrying', {
              durable,
              eventId: event.id,
              attempt,
              error: error instanceof Error ? error.message : String(error),
            });
            await new Promise((r) => setTimeout(r, retryDelayMs * attempt));
            if (state.stopped || closed) return;
          }
        }
      }
      positions.set(durable, position + 1);
    }
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
