import { randomUUID } from 'node:crypto';
import { defineEntity, p } from '@mikro-orm/core';
import type { InferEntity } from '@mikro-orm/core';

/** A partner's application: calls the platform with an API key and runs only its registered documents. */
export const PartnerClient = defineEntity({
  name: 'PartnerClient',
  tableName: 'partner_clients',
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    tenantId: p.uuid(),
    name: p.string(),
    createdAt: p.datetime().onCreate(() => new Date()),
    /** Set when its key is revoked with no replacement; cleared by a rotation. */
    revokedAt: p.datetime().nullable(),
  },
});
export type PartnerClientEntity = InferEntity<typeof PartnerClient>;
