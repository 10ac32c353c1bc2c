import type { SqlMigration } from '../../kit/src/store/createPgStore.ts';
import { outboxMigration } from '../../kit/src/store/outbox.ts';
import { tenantIsolationSql } from '../../kit/src/store/tenantIsolationSql.ts';

/** The PostgreSQL schema of the conversations store (MongoDB needs only its indexes, made on start). */
export const migrations: readonly SqlMigration[] = [
  {
    name: '001_conversations_messages',
    statements: [
      `create table conversations (
        id uuid primary key,
        tenant_id uuid not null,
        title text not null check (char_length(title) between 1 and 200),
        channel text not null check (channel in ('WEB','API','SLACK','EMAIL','VOICE')),
        model_id uuid,
        message_count integer not null default 0 check (message_count >= 0),
        version integer not null default 1,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        unique (tenant_id, id)
      )`,
      // Tenant.conversations: newest first within one tenant.
      `create index conversations_tenant_created_idx on conversations (tenant_id, created_at desc, id desc)`,
      ...tenantIsolationSql('conversations'),
      `create table messages (
        id uuid primary key,
        tenant_id uuid not null,
        conversation_id uuid not null,
        role text not null check (role in ('USER','ASSISTANT','SYSTEM')),
        content text not null,
        token_count integer not null check (token_count >= 0),
        created_at timestamptz not null default now(),
        -- A message can only belong to a conversation of its own tenant. Checked at commit: the
        -- entities hold no ORM relation, so one flush may insert a message before its conversation.
        foreign key (tenant_id, conversation_id) references conversations (tenant_id, id)
          on delete cascade deferrable initially deferred
      )`,
      // Conversation.messages: oldest first within one conversation; also serves the batched first pages.
      `create index messages_conversation_created_idx on messages (tenant_id, conversation_id, created_at, id)`,
      ...tenantIsolationSql('messages'),
    ],
  },
  // message.created committed with its message (MongoDB keeps the same outbox as a collection).
  { ...outboxMigration, name: '002_outbox' },
  // Assistant replies keep what produced them and what they cost (null for user messages).
  {
    name: '003_message_model_cost',
    statements: [
      `alter table messages
        add column model_id uuid,
        add column cost_usd double precision check (cost_usd is null or (cost_usd >= 0 and cost_usd < 'Infinity'))`,
    ],
  },
  // The daily message quota counts a tenant's own messages of the day.
  {
    name: '004_messages_quota_idx',
    statements: [`create index messages_tenant_user_created_idx on messages (tenant_id, created_at) where role = 'USER'`],
  },
];
