import type { MikroORM } from '@mikro-orm/postgresql';
import type { EventBus } from '../bus/EventBus.ts';
import type { PlatformEvent } from '../bus/PlatformEvent.ts';
import type { Logger } from '../log.ts';
import { createRelayLoop } from './createRelayLoop.ts';
import type { RelayLoop, RelayRound } from './createRelayLoop.ts';
import { OUTBOX_RELAY_SETTING, OUTBOX_RELAY_TAG } from './outbox.ts';

export interface OutboxRelayOptions {
  /** The serving role's ORM (the relay needs no other privilege: see outboxMigration). */
  orm: MikroORM;
  bus: EventBus;
  log: Logger;
  /** Polling period when nothing pokes the relay. Default 1000 ms. */
  intervalMs?: number;
  /** Rows taken per transaction. Default 100. */
  batch?: number;
  /** Longest wait between attempts while publishing fails. Default 30 s. */
  maxBackoffMs?: number;
}

export type OutboxRelay = RelayLoop;

interface OutboxRow {
  id: string;
  event: PlatformEvent;
  attempts: number;
}

/**
 * Publishes the rows of `outbox_events` and deletes them. Each round is one transaction that
 * locks a batch, oldest first, with SKIP LOCKED, so replicas drain side by side without taking
 * the same row. A crash between a publish and the delete publishes that event again: the NATS
 * bus drops a republished id (msgID) and consumers are idempotent by id anyway. On the first
 * failed publish the round records the attempt and error on that row and stops (the rows keep
 * their order), and the loop backs off.
 */
export function createOutboxRelay(options: OutboxRelayOptions): OutboxRelay {
  const { orm, bus, log } = options;
  const batch = options.batch ?? 100;

  async function round(): Promise<RelayRound> {
    const em = orm.em.fork({ clear: true });
    return em.transactional(async (tem) => {
      await tem.execute(`select set_config('${OUTBOX_RELAY_SETTING}', 'on', true)`);
      const rows = await tem.execute<OutboxRow[]>(
        `${OUTBOX_RELAY_TAG} select id, event, attempts from outbox_events order by created_at, id limit ? for update skip locked`,
        [batch],
      );
      const published: string[] = [];
      let failed = false;
      for (const row of rows) {
        try {
          await bus.publish(row.event);
          published.push(row.id);
        } catch (error) {
          failed = true;
          const message = error instanceof Error ? error.message : String(error);
          log.warn('outbox event not published, will retry', { eventId: row.id, type: row.event.type, attempts: row.attempts + 1, error: message });
          await tem.execute(`${OUTBOX_RELAY_TAG} update outbox_events set attempts = attempts + 1, last_error = ? where id = ?`, [
            message.slice(0, 2000),
            row.id,
          ]);
          break;
        }
      }
      if (published.length > 0) {
        await tem.execute(`${OUTBOX_RELAY_TAG} delete from outbox_events where id in (${published.map(() => '?').join(', ')})`, published);
      }
      return { published: published.length, more: !failed && rows.length === batch, failed };
    });
  }

  return createRelayLoop({ round, log, intervalMs: options.intervalMs ?? 1_000, maxBackoffMs: options.maxBackoffMs ?? 30_000 });
}
