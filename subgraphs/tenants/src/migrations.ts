import type { SqlMigration } from '../../kit/src/store/createPgStore.ts';
import { outboxMigration } from '../../kit/src/store/outbox.ts';
import { tenantIsolationSql } from '../../kit/src/store/tenantIsolationSql.ts';

export const migrations: readonly SqlMigration[] = [
  {
    name: '001_tenants_users_keys',
    statements: [
      `create table tenants (
        id uuid primary key,
        slug text not null unique check (slug ~ '^[a-z][a-z0-9-]{2,39}$'),
        name text not null,
        plan text not null check (plan in ('TRIAL','STANDARD','PROFESSIONAL','ENTERPRISE')),
        status text not null default 'ACTIVE' check (status in ('ACTIVE','SUSPENDED')),
        created_at timestamptz not null default now()
      )`,
      `create index tenants_created_idx on tenants (created_at desc, id desc)`,
      // A tenant row is its own tenant's; operators may see and create every tenant.
      ...tenantIsolationSql('tenants', { column: 'id', platformAdminBypass: true }),
      `create table users (
        id uuid primary key,
        tenant_id uuid not null references tenants (id) on delete cascade,
        email text not null,
        name text not null,
        roles jsonb not null default '["MEMBER"]',
        created_at timestamptz not null default now(),
        unique (tenant_id, email)
      )`,
      `create index users_tenant_created_idx on users (tenant_id, created_at desc, id desc)`,
      ...tenantIsolationSql('users'),
      `create table api_keys (
        id uuid primary key,
        tenant_id uuid not null references tenants (id) on delete cascade,
        name text not null,
        prefix text not null,
        secret_hash text not null unique,
        scopes jsonb not null default '[]',
        created_at timestamptz not null default now(),
        revoked_at timestamptz
      )`,
      `create index api_keys_tenant_idx on api_keys (tenant_id, created_at desc)`,
      ...tenantIsolationSql('api_keys'),
    ],
  },
  // Events committed with the writes they announce (tenant.created).
  { ...outboxMigration, name: '002_outbox' },
];
