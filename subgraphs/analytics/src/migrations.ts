import type { SqlMigration } from '../../kit/src/store/createPgStore.ts';
import { tenantIsolationSql } from '../../kit/src/store/tenantIsolationSql.ts';

/*
 * Why usage_daily is a plain table and not range-partitioned by day: it holds one row per tenant
 * per active day (10,000 tenants for a year is under 4 million narrow rows), and every read and
 * write goes through the (tenant_id, day) primary key, so partitions would buy no query speed.
 * What they would buy is dropping old months cheaply, and the price is real: the serving role
 * cannot create tables, so monthly partitions "on demand" need a SECURITY DEFINER function; a
 * partition created after rows of its month landed in the default partition fails until those
 * rows are moved; and each partition needs its own forced RLS, because the serving role's grants
 * reach partitions directly, where the parent's policy does not apply. When retention needs it,
 * convert with a migration that creates monthly partitions ahead of time from a scheduled job.
 */
/** Set (transaction-local) by the pruner only: lets it delete old dedup ids of every tenant. */
export const PRUNE_SETTING = 'app.processed_events_prune';

const pruneOn = `coalesce(current_setting('${PRUNE_SETTING}', true), '') = 'on' and processed_at < now() - interval '1 day'`;

export const migrations: readonly SqlMigration[] = [
  {
    name: '001_usage_daily_processed_events',
    statements: [
      `create table usage_daily (
        tenant_id uuid not null,
        day date not null,
        messages bigint not null default 0 check (messages >= 0),
        simulations bigint not null default 0 check (simulations >= 0),
        completions bigint not null default 0 check (completions >= 0),
        tokens bigint not null default 0 check (tokens >= 0),
        cost_usd numeric not null default 0 check (cost_usd >= 0),
        primary key (tenant_id, day)
      )`,
      ...tenantIsolationSql('usage_daily'),
      `create table processed_events (
        event_id uuid primary key,
        tenant_id uuid not null,
        type text not null,
        processed_at timestamptz not null default now()
      )`,
      // For pruning ids older than any redelivery could be (JetStream gives up after max_deliver).
      `create index processed_events_processed_at_idx on processed_events (processed_at)`,
      ...tenantIsolationSql('processed_events'),
    ],
  },
  {
    name: '002_processed_events_prune',
    statements: [
      // The pruner deletes across tenants, and only ids older than a day whatever it is told: a
      // request path never sets the flag, so tenant isolation is unchanged for everything else.
      // (Select too: a delete that filters reads the rows it filters.)
      `create policy processed_events_prune_select on processed_events for select using (${pruneOn})`,
      `create policy processed_events_prune on processed_events for delete using (${pruneOn})`,
    ],
  },
];
