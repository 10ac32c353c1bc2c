import { connect } from '@nats-io/transport-node';
import type { NatsConnection, Subscription } from '@nats-io/transport-node';
import { describeError } from '../errors.ts';
import type { Logger } from '../log.ts';
import { assertLiveSubject, assertSubjectPrefix, encodeLivePayload, liveBufferSize } from './LiveBus.ts';
import type { LiveBus } from './LiveBus.ts';
import { createLiveQueue } from './createLiveQueue.ts';
import type { LiveQueue } from './createLiveQueue.ts';

interface SharedSubject {
  sub: Subscription;
  queues: Set<LiveQueue>;
}

/** Either a connection the caller owns (closing the bus leaves it open) or servers to connect to. */
export type NatsLiveBusOptions = (
  | { connection: NatsConnection; servers?: undefined }
  | { servers: string; connection?: undefined; name?: string }
) & {
  /** Prepended to every subject (`<prefix>.live....`): tests share one server without hearing each other. */
  prefix?: string;
  log: Logger;
};

/**
 * Live streams on core NATS (no JetStream: nothing is stored, a replica that is down simply
 * misses payloads). Any replica can publish and any gateway's subscriber hears it, which is what
 * lets two replicas of a subgraph serve the same subscribers.
 */
export async function createNatsLiveBus(options: NatsLiveBusOptions): Promise<LiveBus & { connection: NatsConnection }> {
  const { log } = options;
  const prefix = options.prefix === undefined ? '' : `${assertSubjectPrefix(options.prefix)}.`;
  const ownsConnection = !options.connection;
  const nc = options.connection ?? (await connect({ servers: options.servers, name: options.name, maxReconnectAttempts: -1 }));
  const open = new Set<LiveQueue>();
  /** One NATS subscription per subject, whatever the number of local subscribers. */
  const subjects = new Map<string, SharedSubject>();
  let closed = false;

  /**
   * Subscribes to a subject once for every local subscriber: NATS sends each payload to this
   * process once, and each subscriber's queue gets its own decoded copy. A callback, not the subscription's iterator, so NATS never
   * buffers for us: the only buffers are the bounded queues.
   */
  function share(wire: string, subject: string): SharedSubject {
    const queues = new Set<LiveQueue>();
    const sub = nc.subscribe(wire, {
      callback: (error, message) => {
        if (error) return; // the subscription is closing; `closed` below ends the queues
        // Decoded for each subscriber: each gets its own copy, as off the wire.
        const text = message.string();
        for (const queue of queues) {
          let payload: unknown;
          try {
            payload = JSON.parse(text);
          } catch {
            log.warn('malformed live payload discarded', { subject });
            return;
          }
          queue.push(payload);
        }
      },
    });
    const entry: SharedSubject = { sub, queues };
    subjects.set(wire, entry);
    // The connection drained or closed, or the server refused the subject (permissions).
    void sub.closed.then((reason) => {
      if (reason instanceof Error) log.warn('live subscription closed by NATS', { subject, error: describeError(reason) });
      if (subjects.get(wire) === entry) subjects.delete(wire);
      for (const queue of [...queues]) queue.end();
    });
    return entry;
  }

  return {
    kind: 'nats',
    connection: nc,
    publish(subject, payload) {
      const wire = prefix + assertLiveSubject(subject);
      const json = encodeLivePayload(payload);
      if (closed) return; // lossy by design: a publish racing shutdown is dropped, not thrown
      try {
        nc.publish(wire, json);
      } catch (error) {
        // A closed connection or a payload over the server's max_payload: the stream skips it.
        log.warn('live payload not published', { subject, error: describeError(error) });
      }
    },
    subscribe(subject, subscribeOptions = {}) {
      const wire = prefix + assertLiveSubject(subject);
      const bufferSize = liveBufferSize(subscribeOptions.bufferSize);
      if (closed) throw new Error('live bus is closed');
      let shared: SharedSubject | undefined;
      const queue: LiveQueue = createLiveQueue({
        subject,
        bufferSize,
        log,
        signal: subscribeOptions.signal,
        release: () => {
          open.delete(queue);
          if (!shared) return;
          shared.queues.delete(queue);
          // The last local subscriber of the subject gone: so is the NATS subscription.
          if (shared.queues.size === 0) {
            if (subjects.get(wire) === shared) subjects.delete(wire);
            if (!shared.sub.isClosed()) shared.sub.unsubscribe();
          }
        },
      });
      if (queue.finished) return queue.subscription; // the signal was already aborted
      try {
        shared = subjects.get(wire) ?? share(wire, subject);
      } catch (error) {
        void queue.subscription.return(); // drops the abort listener
        throw error;
      }
      shared.queues.add(queue);
      open.add(queue);
      return queue.subscription;
    },
    activeSubscriptions: () => open.size,
    async close() {
      if (closed) return;
      closed = true;
      for (const queue of [...open]) queue.end();
      if (ownsConnection && !nc.isClosed()) await nc.drain();
    },
  };
}
