import { randomUUID } from 'node:crypto';
import { defineEntity, p } from '@mikro-orm/core';
import type { InferEntity } from '@mikro-orm/core';

export const roles = ['ADMIN', 'MEMBER', 'VIEWER'] as const;
export type RoleName = (typeof roles)[number];

export const User = defineEntity({
  name: 'User',
  tableName: 'users',
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    tenantId: p.uuid(),
    email: p.string(),
    name: p.string(),
    roles: p.json<RoleName[]>(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});
export type UserEntity = InferEntity<typeof User>;
