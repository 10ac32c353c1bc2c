import type { QueryResult } from '@mikro-orm/postgresql';
import type { TenantClaims } from '../../../kit/src/auth/claims.ts';
import type { PlatformEvent } from '../../../kit/src/bus/PlatformEvent.ts';
import type { Logger } from '../../../kit/src/log.ts';
import type { PgStore } from '../../../kit/src/store/createPgStore.ts';
import { usageDeltaOf } from '../usageDeltaOf.ts';

export const CONSUMER_IDENTITY = 'analytics-consumer';

/** The consumer acts as the event's tenant, so RLS checks every row it writes. */
export function consumerClaims(tenantId: string): TenantClaims {
  return {
    tenantId,
    userId: CONSUMER_IDENTITY,
    roles: [],
    scopes: [],
    plan: null,
    clientName: CONSUMER_IDENTITY,
    platformAdmin: false,
  };
}

/** counted: first time seen; duplicate: already counted (a redelivery); rejected: unattributable. */
export type RecordOutcome = 'counted' | 'duplicate' | 'rejected';

/**
 * Turns one event into usage, exactly once per event id: the id is claimed in processed_events
 * and the day's bucket incremented in the same transaction, so a crash between the two leaves
 * neither, and a redelivery (or a second replica racing on the same event, which waits on the
 * id's unique index) finds the id taken and changes nothing. Database errors propagate: the bus
 * redelivers later.
 */
export function createUsageRecorder({ store, log }: { store: PgStore; log: Logger }) {
  return {
    async record(event: PlatformEvent): Promise<RecordOutcome> {
      const delta = usageDeltaOf(event);
      if (delta.kind === 'rejected') {
        log.error('usage event rejected', { eventId: event.id, type: event.type, tenantId: event.tenantId, reason: delta.reason });
        return 'rejected';
      }
      const { day, increment } = delta;
      const counted = await store.run(consumerClaims(event.tenantId), async (em) => {
        const claimed = await em.execute<QueryResult>(
          `insert into processed_events (event_id, tenant_id, type, processed_at) values (?, ?, ?, now())
           on conflict (event_id) do nothing`,
          [event.id, event.tenantId, event.type],
          'run',
        );
        if (claimed.affectedRows === 0) return false;
        await em.execute(
          `insert into usage_daily (tenant_id, day, messages, simulations, completions, tokens, cost_usd)
           values (?, ?::date, ?, ?, ?, ?, ?::numeric)
           on conflict (tenant_id, day) do update set
             messages = usage_daily.messages + excluded.messages,
             simulations = usage_daily.simulations + excluded.simulations,
             completions = usage_daily.completions + excluded.completions,
             tokens = usage_daily.tokens + excluded.tokens,
             cost_usd = usage_daily.cost_usd + excluded.cost_usd`,
          [
            event.tenantId,
            day,
            increment.messages,
            increment.simulations,
            increment.completions,
            increment.tokens,
            // As text, so PostgreSQL parses the exact decimal (exponent notation included).
            String(increment.costUsd),
          ],
          'run',
        );
        return true;
      });
      if (counted && delta.problems.length > 0) {
        log.warn('usage event data malformed, counted as 0', { eventId: event.id, type: event.type, problems: delta.problems });
      }
      return counted ? 'counted' : 'duplicate';
    },
  };
}
export type UsageRecorder = ReturnType<typeof createUsageRecorder>;
