import { randomUUID } from 'node:crypto';
import { defineEntity, p } from '@mikro-orm/core';
import type { InferEntity } from '@mikro-orm/core';
import { plans } from '../../../kit/src/auth/claims.ts';

export const tenantStatuses = ['ACTIVE', 'SUSPENDED'] as const;

export const Tenant = defineEntity({
  name: 'Tenant',
  tableName: 'tenants',
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    slug: p.string().unique(),
    name: p.string(),
    plan: p.enum(plans),
    status: p.enum(tenantStatuses).default('ACTIVE'),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});
export type TenantEntity = InferEntity<typeof Tenant>;
