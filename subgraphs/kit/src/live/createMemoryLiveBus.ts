import { silentLogger } from '../log.ts';
import type { Logger } from '../log.ts';
import { assertLiveSubject, encodeLivePayload, liveBufferSize } from './LiveBus.ts';
import type { LiveBus } from './LiveBus.ts';
import { createLiveQueue } from './createLiveQueue.ts';
import type { LiveQueue } from './createLiveQueue.ts';

/**
 * The embedded default's live bus: same contract as the NATS one, in one process. Subjects match
 * exactly (no wildcards, as on NATS where the subject checks refuse them), and every subscriber
 * gets its own copy of the JSON payload, as it would off the wire.
 */
export function createMemoryLiveBus(options: { log?: Logger } = {}): LiveBus {
  const log = options.log ?? silentLogger;
  const bySubject = new Map<string, Set<LiveQueue>>();
  let open = 0;
  let closed = false;

  return {
    kind: 'memory',
    publish(subject, payload) {
      assertLiveSubject(subject);
      const json = encodeLivePayload(payload);
      if (closed) return; // lossy by design: a publish racing shutdown is dropped, not thrown
      const queues = bySubject.get(subject);
      if (!queues) return;
      for (const queue of queues) queue.push(JSON.parse(json));
    },
    subscribe(subject, subscribeOptions = {}) {
      assertLiveSubject(subject);
      const bufferSize = liveBufferSize(subscribeOptions.bufferSize);
      if (closed) throw new Error('live bus is closed');
      const queue: LiveQueue = createLiveQueue({
        subject,
        bufferSize,
        log,
        signal: subscribeOptions.signal,
        release: () => {
          open -= 1;
          const queues = bySubject.get(subject);
          queues?.delete(queue);
          if (queues?.size === 0) bySubject.delete(subject);
        },
      });
      if (queue.finished) return queue.subscription; // the signal was already aborted
      open += 1;
      let queues = bySubject.get(subject);
      if (!queues) bySubject.set(subject, (queues = new Set()));
      queues.add(queue);
      return queue.subscription;
    },
    activeSubscriptions: () => open,
    async close() {
      closed = true;
      for (const queues of [...bySubject.values()]) for (const queue of [...queues]) queue.end();
    },
  };
}
