import { randomUUID } from 'node:crypto';
import { defineEntity, p } from '@mikro-orm/core';
import type { InferEntity } from '@mikro-orm/core';

/** The one routing policy of a tenant: its default model and the ordered fallback chain. */
export const RoutingPolicy = defineEntity({
  name: 'RoutingPolicy',
  tableName: 'routing_policies',
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    tenantId: p.uuid().unique(),
    defaultModelId: p.uuid(),
    /** Ordered model ids; jsonb keeps the order and the migration caps the length. */
    fallbackModelIds: p.json<string[]>(),
    firstTokenTimeoutMs: p.integer(),
    updatedAt: p.datetime().onCreate(() => new Date()).onUpdate(() => new Date()),
  },
});
export type RoutingPolicyEntity = InferEntity<typeof RoutingPolicy>;
