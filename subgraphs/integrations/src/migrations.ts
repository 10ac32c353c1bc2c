import type { SqlMigration } from '../../kit/src/store/createPgStore.ts';
import { outboxMigration } from '../../kit/src/store/outbox.ts';
import { tenantIsolationSql } from '../../kit/src/store/tenantIsolationSql.ts';
import { PARTNER_LOOKUP_SETTING } from './partners/partnerLookupSetting.ts';

const lookupOn = `coalesce(current_setting('${PARTNER_LOOKUP_SETTING}', true), '') = 'on'`;

export const migrations: readonly SqlMigration[] = [
  {
    name: '001_integrations',
    statements: [
      `create table integrations (
        id uuid primary key,
        tenant_id uuid not null,
        name text not null check (char_length(name) between 1 and 100),
        kind text not null check (kind in ('REST','GRAPHQL','WEBHOOK','SLACK','SALESFORCE')),
        endpoint text check (endpoint is null or endpoint ~* '^https?://'),
        status text not null default 'ACTIVE' check (status in ('ACTIVE','DISABLED')),
        credential_fields jsonb not null default '[]' check (jsonb_typeof(credential_fields) = 'array'),
        credentials_key_id text,
        credentials_iv bytea,
        credentials_tag bytea,
        credentials_ciphertext bytea,
        credentials_updated_at timestamptz,
        created_at timestamptz not null default now(),
        -- Sealed credentials are all there (with a 12-byte IV and a full 16-byte tag) or all absent.
        constraint integrations_credentials_sealed check (
          (credentials_key_id is null and credentials_iv is null and credentials_tag is null and credentials_ciphertext is null)
          or (credentials_key_id is not null and octet_length(credentials_iv) = 12
              and octet_length(credentials_tag) = 16 and credentials_ciphertext is not null)
        )
      )`,
      `create index integrations_tenant_created_idx on integrations (tenant_id, created_at desc, id desc)`,
      // Finds what is still sealed under a retired key, for a re-encryption sweep after a rotation.
      `create index integrations_credentials_key_idx on integrations (credentials_key_id) where credentials_key_id is not null`,
      ...tenantIsolationSql('integrations'),
    ],
  },
  // Events committed with the writes they announce (integration.created, .credentials_set, .status_changed).
  { ...outboxMigration, name: '002_outbox' },
  {
    name: '003_partner_clients',
    statements: [
      `create table partner_clients (
        id uuid primary key,
        tenant_id uuid not null,
        name text not null check (char_length(name) between 1 and 100),
        created_at timestamptz not null default now(),
        revoked_at timestamptz,
        -- Children name (id, tenant_id) together, so a key or document cannot cross tenants.
        unique (id, tenant_id)
      )`,
      `create index partner_clients_tenant_created_idx on partner_clients (tenant_id, created_at desc, id desc)`,
      `create table partner_keys (
        id uuid primary key,
        client_id uuid not null,
        tenant_id uuid not null,
        key_hash text not null unique check (key_hash ~ '^[0-9a-f]{64}$'),
        prefix text not null,
        created_at timestamptz not null default now(),
        revoked_at timestamptz,
        foreign key (client_id, tenant_id) references partner_clients (id, tenant_id) on delete cascade
      )`,
      // At most one active key per client: a rotation revokes the old one in the same transaction.
      `create unique index partner_keys_active_idx on partner_keys (client_id) where revoked_at is null`,
      `create table persisted_documents (
        id uuid primary key,
        client_id uuid not null,
        tenant_id uuid not null,
        document_id text not null check (char_length(document_id) between 1 and 200),
        body text not null check (octet_length(body) <= 65536),
        operation_name text,
        operation_type text not null check (operation_type in ('query','mutation','subscription')),
        created_at timestamptz not null default now(),
        unique (client_id, document_id),
        foreign key (client_id, tenant_id) references partner_clients (id, tenant_id) on delete cascade
      )`,
      `create index persisted_documents_client_created_idx on persisted_documents (client_id, created_at desc, id desc)`,
      ...tenantIsolationSql('partner_clients'),
      ...tenantIsolationSql('partner_keys'),
      ...tenantIsolationSql('persisted_documents'),
      // The gateway's key lookup crosses tenants, like the outbox relay: only while a transaction has
      // set the lookup flag, and only to READ keys and clients (no write policy mentions the flag).
      // Documents are read afterwards under the tenant the lookup found, with plain tenant isolation.
      `create policy partner_lookup_select on partner_keys for select using (${lookupOn})`,
      `create policy partner_lookup_select on partner_clients for select using (${lookupOn})`,
    ],
  },
];
