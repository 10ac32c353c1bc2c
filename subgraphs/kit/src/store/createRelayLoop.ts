import type { Logger } from '../log.ts';

/** What one round of a relay did. */
export interface RelayRound {
  /** Events published (and removed from the outbox) in this round. */
  published: number;
  /** The round took a full batch: more may be waiting, so the loop goes on at once. */
  more: boolean;
  /** A publish failed: the rest waits for the next attempt, after a backoff. */
  failed: boolean;
}

export interface RelayLoop {
  /** Asks for a round now (after a commit that enqueued); coalesced with a round in progress. */
  poke(): void;
  /** Runs rounds until the outbox is empty or a publish fails, whatever the backoff; resolves with the events published. */
  drain(): Promise<number>;
  /** Stops the timer, waits for the round in progress, then makes one last attempt. */
  close(): Promise<void>;
}

export interface RelayLoopOptions {
  /** One round: publish a batch, delete what was published. May throw (the store is down). */
  round: () => Promise<RelayRound>;
  log: Logger;
  /** How often the outbox is polled without pokes (events left by a crash, retries). */
  intervalMs: number;
  /** The longest wait after consecutive failures (it doubles from intervalMs). */
  maxBackoffMs: number;
}

/**
 * The scheduling shared by the outbox relays: rounds one at a time per process, run on a poke
 * or on the timer, with an exponential backoff while the bus (or the store) fails, so a broker
 * outage costs one attempt per backoff, not one per request.
 */
export function createRelayLoop(options: RelayLoopOptions): RelayLoop {
  const { round, log, intervalMs, maxBackoffMs } = options;
  let running: Promise<number> | null = null;
  let again = false;
  let closed = false;
  let failures = 0;
  let retryAt = 0;

  const backOff = () => {
    failures += 1;
    const delay = Math.min(maxBackoffMs, intervalMs * 2 ** (failures - 1));
    retryAt = Date.now() + delay;
    return delay;
  };

  async function drainAll(): Promise<number> {
    let total = 0;
    for (;;) {
      let result: RelayRound;
      try {
        result = await round();
      } catch (error) {
        const retryInMs = backOff();
        log.error('outbox relay round failed', { error: error instanceof Error ? error.message : String(error), retryInMs });
        return total;
      }
      total += result.published;
      if (result.failed) {
        backOff();
        return total;
      }
      failures = 0;
      retryAt = 0;
      if (!result.more) return total;
    }
  }

  /** One drain at a time in this process (replicas run concurrently; the store keeps them apart). */
  function exclusive(): Promise<number> {
    const previous = running ?? Promise.resolve(0);
    const next: Promise<number> = previous.then(drainAll).finally(() => {
      if (running === next) running = null;
    });
    running = next;
    return next;
  }

  function poke(): void {
    if (closed) return;
    if (running) {
      again = true;
      return;
    }
    if (Date.now() < retryAt) return;
    again = false;
    void exclusive().then(() => {
      // Commits that poked while the round ran may have come after its select: look again.
      if (again && !running) poke();
    });
  }

  const timer = setInterval(poke, intervalMs);
  // The relay never keeps a process alive on its own.
  timer.unref();

  return {
    poke,
    drain: exclusive,
    async close() {
      if (closed) return;
      closed = true;
      clearInterval(timer);
      await running;
      await drainAll();
    },
  };
}
