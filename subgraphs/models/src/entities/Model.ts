import { randomUUID } from 'node:crypto';
import { defineEntity, p } from '@mikro-orm/core';
import type { InferEntity } from '@mikro-orm/core';

/**
 * A model a provider offers to a tenant. `providerId` is a plain column (no ORM relation): the
 * composite foreign key (tenant_id, provider_id) in the migration keeps it inside the tenant.
 */
export const Model = defineEntity({
  name: 'Model',
  tableName: 'models',
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    tenantId: p.uuid(),
    providerId: p.uuid(),
    name: p.string(),
    contextWindow: p.integer(),
    // MikroORM's DoubleType returns strings unless the runtime type is declared as number.
    inputCostPerMillion: p.double().runtimeType('number').$type<number>(),
    outputCostPerMillion: p.double().runtimeType('number').$type<number>(),
    enabled: p.boolean().default(true),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});
export type ModelEntity = InferEntity<typeof Model>;
