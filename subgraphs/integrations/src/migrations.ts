import type { SqlMigration } from '../../kit/src/store/createPgStore.ts';
import { outboxMigration } from '../../kit/src/store/outbox.ts';
import { tenantIsolationSql } from '../../kit/src/store/tenantIsolationSql.ts';

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
];
