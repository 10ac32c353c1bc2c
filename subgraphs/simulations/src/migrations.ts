import type { SqlMigration } from '../../kit/src/store/createPgStore.ts';
import { outboxMigration } from '../../kit/src/store/outbox.ts';
import { tenantIsolationSql } from '../../kit/src/store/tenantIsolationSql.ts';

/**
 * Transaction-local setting with which the job runner lists unfinished runs of every tenant at
 * start-up (ids and tenants only, then it acts as each run's tenant). Read-only: every write still
 * needs the run's own tenant.
 */
export const RUNNER_SCAN_SETTING = 'app.simulation_runner_scan';

export const migrations: readonly SqlMigration[] = [
  {
    name: '001_simulations',
    statements: [
      `create table simulations (
        id uuid primary key,
        tenant_id uuid not null,
        name text not null check (char_length(name) between 1 and 200),
        status text not null default 'QUEUED' check (status in ('QUEUED','RUNNING','COMPLETED','FAILED','CANCELLED')),
        variables jsonb not null,
        expression text not null check (char_length(expression) <= 2000),
        iterations integer not null check (iterations between 1 and 10000000),
        seed integer not null,
        completed_iterations integer not null default 0,
        result jsonb,
        error text,
        runner_id uuid,
        lease_until timestamptz,
        created_at timestamptz not null default now(),
        started_at timestamptz,
        finished_at timestamptz
      )`,
      // Keyset pages of Tenant.simulations: newest first within a tenant.
      `create index simulations_tenant_created_idx on simulations (tenant_id, created_at desc, id desc)`,
      // The runner's recovery scan reads only unfinished runs.
      `create index simulations_unfinished_idx on simulations (status) where status in ('QUEUED','RUNNING')`,
      ...tenantIsolationSql('simulations'),
      `create policy runner_scan on simulations for select
         using (coalesce(current_setting('${RUNNER_SCAN_SETTING}', true), '') = 'on' and status in ('QUEUED','RUNNING'))`,
    ],
  },
  // simulation.completed committed with the stored result.
  { ...outboxMigration, name: '002_outbox' },
];
