import { defineEntity, p } from '@mikro-orm/core';
import type { InferEntity } from '@mikro-orm/core';
import { newId } from '../newId.ts';

export const channels = ['WEB', 'API', 'SLACK', 'EMAIL', 'VOICE'] as const;
export type ChannelName = (typeof channels)[number];

/**
 * One definition for both stores: PostgreSQL columns are snake_case (`tenant_id`), MongoDB fields
 * camelCase with `id` stored as `_id` (see createMongoConversationStore).
 */
export const Conversation = defineEntity({
  name: 'Conversation',
  tableName: 'conversations',
  properties: {
    id: p.uuid().primary().onCreate(() => newId()),
    tenantId: p.uuid(),
    title: p.string(),
    channel: p.enum(channels),
    modelId: p.uuid().nullable(),
    messageCount: p.integer().default(0),
    // Optimistic lock: two messages posted at once cannot both write the same messageCount + 1.
    version: p.integer().version(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p.datetime().onCreate((conversation) => conversation.createdAt ?? new Date()),
  },
});
export type ConversationEntity = InferEntity<typeof Conversation>;
