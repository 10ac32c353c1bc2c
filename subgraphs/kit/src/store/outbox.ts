import type { EntityManager } from '@mikro-orm/postgresql';
import type { PlatformEvent } from '../bus/PlatformEvent.ts';
import type { SqlMigration } from './createPgStore.ts';
import { tenantIsolationSql } from './tenantIsolationSql.ts';

/**
 * Transactional outbox on PostgreSQL. A write and the event that announces it are committed in
 * one transaction (the event as a row of `outbox_events`); a relay publishes the rows to the bus
 * afterwards and deletes them. If the bus is down, the rows wait: no event is lost, and no caller
 * sees an error for a write that was saved.
 */

/** Transaction-local setting with which the relay reads, locks and deletes the rows of every tenant. */
export const OUTBOX_RELAY_SETTING = 'app.outbox_relay';

/** Leads every relay statement, so the statement counter of N+1 tests leaves the relay's work out. */
export const OUTBOX_RELAY_TAG = '/* outbox relay */';

const relayOn = `coalesce(current_setting('${OUTBOX_RELAY_SETTING}', true), '') = 'on'`;

/**
 * The outbox table. Append it to a subgraph's migrations under its next number, for example
 * `{ ...outboxMigration, name: '002_outbox' }` (never edit an applied migration).
 *
 * Row-level security, and why the relay policy fits the threat model: RLS here guards against a
 * query that forgot its tenant filter, not against the serving role itself — that role is trusted
 * to set its own context (it already sets `app.tenant_id`). So:
 * - a tenant's transaction sees, locks and writes only its own rows (tenant isolation, forced);
 * - an insert always passes WITH CHECK on the tenant: the relay flag grants no INSERT, so an
 *   event can only be enqueued under the tenant it names. Platform operators may enqueue for any
 *   tenant (creating a tenant announces it under the new tenant's id), as on the tenants table;
 * - the relay, and only while it has set `app.outbox_relay = 'on'` for its own transaction, may
 *   select, update (attempts, last error) and delete every tenant's rows: publishing is a
 *   platform task. A request path never sets the flag, so a forgotten filter there still sees
 *   nothing of another tenant.
 */
export const outboxMigration: SqlMigration = {
  name: 'outbox',
  statements: [
    `create table outbox_events (
      id uuid primary key,
      tenant_id uuid not null,
      event jsonb not null,
      created_at timestamptz not null default now(),
      attempts integer not null default 0,
      last_error text
    )`,
    // The relay drains oldest first.
    `create index outbox_events_created_idx on outbox_events (created_at, id)`,
    ...tenantIsolationSql('outbox_events', { platformAdminBypass: true }),
    `create policy outbox_relay_select on outbox_events for select using (${relayOn})`,
    `create policy outbox_relay_update on outbox_events for update using (${relayOn}) with check (${relayOn})`,
    `create policy outbox_relay_delete on outbox_events for delete using (${relayOn})`,
  ],
};

/**
 * Adds an event to the outbox inside the caller's transaction: it commits, or rolls back, with
 * the write it announces. The row's id is the event's id, which the bus also deduplicates on.
 */
export async function insertOutboxEvent(em: EntityManager, event: PlatformEvent): Promise<void> {
  if (!em.isInTransaction()) throw new Error('an outbox event must be enqueued inside the transaction of its write (store.run)');
  // clock_timestamp(), not now(): events of one transaction keep the order they were enqueued in.
  await em.execute('insert into outbox_events (id, tenant_id, event, created_at) values (?, ?, ?::jsonb, clock_timestamp())', [
    event.id,
    event.tenantId,
    JSON.stringify(event),
  ]);
}
