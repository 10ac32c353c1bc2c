import type { SqlMigration } from '../../kit/src/store/createPgStore.ts';
import { outboxMigration } from '../../kit/src/store/outbox.ts';
import { tenantIsolationSql } from '../../kit/src/store/tenantIsolationSql.ts';
import { providerKinds } from './entities/Provider.ts';

const kinds = providerKinds.map((k) => `'${k}'`).join(',');

/**
 * Foreign keys are checked without row-level security, so every reference between tenant tables is
 * composite (tenant_id, id): a row can only point at a row of its own tenant, whatever the code does.
 */
export const migrations: readonly SqlMigration[] = [
  {
    name: '001_providers_models_routing',
    statements: [
      `create table providers (
        id uuid primary key,
        tenant_id uuid not null,
        name text not null check (char_length(name) between 1 and 100),
        kind text not null check (kind in (${kinds})),
        base_url text check (base_url is null or base_url ~ '^https?://'),
        created_at timestamptz not null default now(),
        unique (tenant_id, id),
        unique (tenant_id, name)
      )`,
      ...tenantIsolationSql('providers'),
      `create table models (
        id uuid primary key,
        tenant_id uuid not null,
        provider_id uuid not null,
        name text not null check (char_length(name) between 1 and 200),
        context_window integer not null check (context_window between 1 and 10000000),
        input_cost_per_million double precision not null check (input_cost_per_million >= 0 and input_cost_per_million < 'Infinity'),
        output_cost_per_million double precision not null check (output_cost_per_million >= 0 and output_cost_per_million < 'Infinity'),
        enabled boolean not null default true,
        created_at timestamptz not null default now(),
        unique (tenant_id, id),
        unique (provider_id, name),
        foreign key (tenant_id, provider_id) references providers (tenant_id, id) on delete cascade
      )`,
      `create index models_tenant_name_idx on models (tenant_id, name, id)`,
      ...tenantIsolationSql('models'),
      `create table routing_policies (
        id uuid primary key,
        tenant_id uuid not null unique,
        default_model_id uuid not null,
        fallback_model_ids jsonb not null default '[]'
          check (case when jsonb_typeof(fallback_model_ids) = 'array' then jsonb_array_length(fallback_model_ids) <= 5 else false end),
        first_token_timeout_ms integer not null check (first_token_timeout_ms between 100 and 120000),
        updated_at timestamptz not null default now(),
        foreign key (tenant_id, default_model_id) references models (tenant_id, id)
      )`,
      ...tenantIsolationSql('routing_policies'),
    ],
  },
  // Events committed with the writes they announce (provider.created, model.created, routing_policy.set).
  { ...outboxMigration, name: '002_outbox' },
  {
    name: '003_completions_dialog_flows',
    statements: [
      // One row per completion.requested event answered: claimed (insert-if-absent) in the
      // transaction that enqueues its completion.finished, so a redelivery never streams or charges twice.
      `create table processed_completion_requests (
        event_id uuid primary key,
        tenant_id uuid not null,
        conversation_id uuid not null,
        message_id uuid not null,
        model_id uuid,
        failed boolean,
        total_tokens integer check (total_tokens >= 0),
        cost_usd double precision check (cost_usd >= 0 and cost_usd < 'Infinity'),
        processed_at timestamptz not null default now()
      )`,
      `create index processed_completion_requests_tenant_idx on processed_completion_requests (tenant_id, processed_at)`,
      ...tenantIsolationSql('processed_completion_requests'),
      // A tenant's flow for the built-in dialog engine (validated by validateDialogFlow before it is stored).
      `create table dialog_flows (
        tenant_id uuid primary key,
        flow jsonb not null check (jsonb_typeof(flow) = 'object'),
        updated_at timestamptz not null default now()
      )`,
      ...tenantIsolationSql('dialog_flows'),
    ],
  },
];
