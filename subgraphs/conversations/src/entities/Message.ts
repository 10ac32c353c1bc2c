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
    /** For an assistant reply: the model that produced it (null for the platform's own engine or a failed reply). */
    modelId: p.uuid().nullable(),
    /** For an assistant reply: what it cost, in US dollars (from the model's prices). */
    costUsd: p.double().runtimeType('number').$type<number>().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});
export type MessageEntity = InferEntity<typeof Message>;
