import type { Logger } from '../log.ts';
import type { LiveSubscription } from './LiveBus.ts';

export interface LiveQueueOptions {
  /** For the slow-consumer log line. */
  subject: string;
  bufferSize: number;
  log: Logger;
  signal?: AbortSignal;
  /** Frees the transport's side (NATS subscription, subject entry). Called once, on return, abort or end. */
  release: () => void;
}

export interface LiveQueue {
  /** The transport delivers a payload: handed to a waiting reader, else buffered (dropping the oldest when full). */
  push(payload: unknown): void;
  /** The transport is gone (bus closed): readers get what is buffered, then `done`. */
  end(): void;
  /** True once released (returned, aborted or ended). */
  readonly finished: boolean;
  readonly subscription: LiveSubscription;
}

const DROP_LOG_INTERVAL_MS = 1_000;

/**
 * The one subscriber-side queue both live buses use: a fixed ring buffer, drop-oldest when full
 * (a lagging chat client would rather skip stale tokens than make the process grow), and a
 * single release path so an unsubscribed iterator leaves nothing behind (listener, subscription).
 */
export function createLiveQueue(options: LiveQueueOptions): LiveQueue {
  const { subject, bufferSize, log, signal, release } = options;
  const ring: unknown[] = new Array<unknown>(bufferSize);
  let head = 0;
  let size = 0;
  let dropped = 0;
  let lastDropLog = Number.NEGATIVE_INFINITY;
  // Readers waiting in next(); only non-empty while the buffer is empty.
  const waiting: Array<(result: IteratorResult<unknown>) => void> = [];
  let accepting = true;
  let released = false;

  const done = (): IteratorResult<unknown> => ({ done: true, value: undefined });

  function clearRing() {
    ring.fill(undefined);
    head = 0;
    size = 0;
  }

  function shift(): unknown {
    const value = ring[head];
    ring[head] = undefined;
    head = (head + 1) % bufferSize;
    size -= 1;
    return value;
  }

  function finish() {
    accepting = false;
    if (released) return;
    released = true;
    signal?.removeEventListener('abort', onAbort);
    for (const resolve of waiting.splice(0)) resolve(done());
    release();
  }

  function onAbort() {
    clearRing();
    finish();
  }

  const subscription: LiveSubscription = {
    get dropped() {
      return dropped;
    },
    get buffered() {
      return size;
    },
    next() {
      if (size > 0) return Promise.resolve({ done: false, value: shift() });
      if (!accepting) return Promise.resolve(done());
      return new Promise((resolve) => waiting.push(resolve));
    },
    return() {
      clearRing();
      finish();
      return Promise.resolve(done());
    },
    [Symbol.asyncIterator]() {
      return subscription;
    },
  };

  if (signal?.aborted) {
    accepting = false;
    released = true; // nothing was acquired yet: the transport checks `finished` before subscribing
  } else {
    signal?.addEventListener('abort', onAbort, { once: true });
  }

  return {
    subscription,
    get finished() {
      return released;
    },
    push(payload) {
      if (!accepting) return;
      const reader = waiting.shift();
      if (reader) {
        reader({ done: false, value: payload });
        return;
      }
      if (size === bufferSize) {
        shift();
        dropped += 1;
        const now = Date.now();
        if (now - lastDropLog >= DROP_LOG_INTERVAL_MS) {
          lastDropLog = now;
          log.warn('live subscriber is slow: dropping its oldest payloads', { subject, dropped, bufferSize });
        }
      }
      ring[(head + size) % bufferSize] = payload;
      size += 1;
    },
    end: finish,
  };
}
