import type { ClientSession, Collection } from 'mongodb';
import type { EventBus } from '../../../kit/src/bus/EventBus.ts';
import type { PlatformEvent } from '../../../kit/src/bus/PlatformEvent.ts';
import type { Logger } from '../../../kit/src/log.ts';
import { createRelayLoop } from '../../../kit/src/store/createRelayLoop.ts';
import type { RelayLoop, RelayRound } from '../../../kit/src/store/createRelayLoop.ts';

/**
 * The transactional outbox on MongoDB, the counterpart of the kit's PostgreSQL one: events are
 * written to `outbox_events` in the transaction of the write they announce (replica sets; on a
 * standalone server right after the write, as every write of a request is applied one by one
 * there), and a relay publishes and deletes them.
 *
 * Not covered by tests on this machine (no MongoDB server): kept deliberately simple. A relay
 * claims one document at a time with findOneAndUpdate, pushing its `availableAt` one lease into
 * the future, so replicas never publish the same document at once; a relay that dies holding a
 * claim leaves it to the others when the lease ends (the bus dedups the republished id).
 */
export const MONGO_OUTBOX_COLLECTION = 'outbox_events';

export interface MongoOutboxDocument {
  /** The event id: enqueuing an event twice is refused by the primary key. */
  _id: string;
  tenantId: string;
  event: PlatformEvent;
  createdAt: Date;
  /** When a relay may take it: now for a new event, the end of a claim's lease while published. */
  availableAt: Date;
  attempts: number;
  lastError: string | null;
}

export function toOutboxDocument(event: PlatformEvent, now = new Date()): MongoOutboxDocument {
  return { _id: event.id, tenantId: event.tenantId, event, createdAt: now, availableAt: now, attempts: 0, lastError: null };
}

/** Writes enqueued events, in the given session's transaction when there is one. */
export async function insertOutboxDocuments(
  collection: Collection<MongoOutboxDocument>,
  documents: readonly MongoOutboxDocument[],
  session: ClientSession | undefined,
): Promise<void> {
  if (documents.length === 0) return;
  await collection.insertMany([...documents], session ? { session } : {});
}

export interface MongoOutboxRelayOptions {
  collection: Collection<MongoOutboxDocument>;
  bus: EventBus;
  log: Logger;
  intervalMs?: number;
  batch?: number;
  /** How long a claimed document is hidden from the other relays. Default 30 s. */
  leaseMs?: number;
  maxBackoffMs?: number;
}

export function createMongoOutboxRelay(options: MongoOutboxRelayOptions): RelayLoop {
  const { collection, bus, log } = options;
  const batch = options.batch ?? 100;
  const leaseMs = options.leaseMs ?? 30_000;

  async function round(): Promise<RelayRound> {
    let published = 0;
    while (published < batch) {
      const now = new Date();
      const claimed = await collection.findOneAndUpdate(
        { availableAt: { $lte: now } },
        { $set: { availableAt: new Date(now.getTime() + leaseMs) } },
        { sort: { createdAt: 1, _id: 1 } },
      );
      if (!claimed) return { published, more: false, failed: false };
      try {
        await bus.publish(claimed.event);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        log.warn('outbox event not published, will retry', { eventId: claimed._id, type: claimed.event.type, attempts: claimed.attempts + 1, error: message });
        // Due again at once: the relay loop's backoff spaces the next attempt.
        await collection.updateOne({ _id: claimed._id }, { $inc: { attempts: 1 }, $set: { lastError: message.slice(0, 2000), availableAt: now } });
        return { published, more: false, failed: true };
      }
      await collection.deleteOne({ _id: claimed._id });
      published += 1;
    }
    return { published, more: true, failed: false };
  }

  return createRelayLoop({ round, log, intervalMs: options.intervalMs ?? 1_000, maxBackoffMs: options.maxBackoffMs ?? 30_000 });
}
