import type { TenantClaims } from '../../../kit/src/auth/claims.ts';
import type { Logger } from '../../../kit/src/log.ts';
import type { PgStore } from '../../../kit/src/store/createPgStore.ts';
import { PRUNE_SETTING } from '../migrations.ts';

const PRUNER = 'analytics-pruner';
const pruneClaims: TenantClaims = { tenantId: null, userId: PRUNER, roles: [], scopes: [], plan: null, clientName: PRUNER, platformAdmin: false };

export interface ProcessedEventsPrunerOptions {
  store: PgStore;
  log: Logger;
  /**
   * The event stream's retention as the broker has it (EventBus.retentionMs; null: no limit, so
   * nothing is pruned): an id is kept a day longer than any copy of its event can live.
   */
  retentionMs: () => Promise<number | null>;
  /** Between two rounds (default 1 h; the first runs at start). */
  everyMs?: number;
  /** Rows deleted per transaction (default 10,000), so a large backlog never holds long locks. */
  batchSize?: number;
}

export interface ProcessedEventsPruner {
  /** One round now: deletes every id past retention, batch by batch; returns how many. */
  prune(): Promise<number>;
  stop(): Promise<void>;
}

/**
 * Keeps processed_events (the consumer's dedup ids) from growing forever: once the stream has
 * dropped an event (EVENT_RETENTION_DAYS), no copy of it can come back, so its id is deleted a
 * day after that. Usage totals are untouched.
 */
export function createProcessedEventsPruner(options: ProcessedEventsPrunerOptions): ProcessedEventsPruner {
  const { store, log } = options;
  const batchSize = options.batchSize ?? 10_000;
  let running: Promise<number> | null = null;
  let stopped = false;

  async function pruneAll(): Promise<number> {
    const retention = await options.retentionMs();
    // Events kept for ever can come back for ever: their ids stay.
    if (retention === null) return 0;
    const keepDays = retention / 86_400_000 + 1;
    let total = 0;
    while (!stopped) {
      const deleted = await store.run(pruneClaims, async (em) => {
        await em.execute(`select set_config('${PRUNE_SETTING}', 'on', true)`);
        const rows = await em.execute<Array<{ event_id: string }>>(
          `delete from processed_events where event_id in (
             select event_id from processed_events where processed_at < now() - ? * interval '1 day' limit ?
           ) returning event_id`,
          [keepDays, batchSize],
        );
        return rows.length;
      });
      total += deleted;
      if (deleted < batchSize) break;
    }
    if (total > 0) log.info('pruned processed event ids', { deleted: total, olderThanDays: keepDays });
    return total;
  }

  const prune = () => {
    running ??= pruneAll().finally(() => {
      running = null;
    });
    return running;
  };
  const round = () => void prune().catch((error: unknown) => log.warn('could not prune processed event ids', { error: error instanceof Error ? error.message : String(error) }));
  round();
  const timer = setInterval(round, options.everyMs ?? 3_600_000);
  timer.unref();

  return {
    prune,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running?.catch(() => undefined);
    },
  };
}
