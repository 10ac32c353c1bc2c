import { randomUUID } from 'node:crypto';
import { defineEntity, p } from '@mikro-orm/core';
import type { InferEntity } from '@mikro-orm/core';

/** An API key of a partner client: only its SHA-256 and a short prefix are stored, never the key. */
export const PartnerKey = defineEntity({
  name: 'PartnerKey',
  tableName: 'partner_keys',
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    clientId: p.uuid(),
    tenantId: p.uuid(),
    /** Hex SHA-256 of the whole key. */
    keyHash: p.string(),
    prefix: p.string(),
    createdAt: p.datetime().onCreate(() => new Date()),
    revokedAt: p.datetime().nullable(),
  },
});
export type PartnerKeyEntity = InferEntity<typeof PartnerKey>;
