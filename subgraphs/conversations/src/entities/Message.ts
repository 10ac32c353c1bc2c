import { defineEntity, p } from '@mikro-orm/core';
import type { InferEntity } from '@mikro-orm/core';
import { newId } from '../newId.ts';

export const messageRoles = ['USER', 'ASSISTANT', 'SYSTEM'] as const;
export type MessageRoleName = (typeof messageRoles)[number];

/**
 * A message keeps its conversation as a plain id rather than a relation: the two stores then read
 * it the same way, and batch loads select by `conversationId` without joins.
 */
export const Message = defineEntity({
  name: 'Message',
  tableName: 'messages',
  properties: {
    id: p.uuid().primary().onCreate(() => newId()),
    tenantId: p.uuid(),
    conversationId: p.uuid(),
    role: p.enum(messageRoles),
    content: p.text(),
    tokenCount: p.integer(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});
export type MessageEntity = InferEntity<typeof Message>;
