import { randomUUID } from 'node:crypto';
import { defineEntity, p } from '@mikro-orm/core';
import type { InferEntity } from '@mikro-orm/core';

/** A document a partner client may run, validated against the API schema when it was registered. */
export const PersistedDocument = defineEntity({
  name: 'PersistedDocument',
  tableName: 'persisted_documents',
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    clientId: p.uuid(),
    tenantId: p.uuid(),
    /** The id the manifest gave it: the SHA-256 of the body (hex, or `sha256:<hex>`). */
    documentId: p.string(),
    body: p.text(),
    operationName: p.string().nullable(),
    operationType: p.enum(['query', 'mutation', 'subscription'] as const),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});
export type PersistedDocumentEntity = InferEntity<typeof PersistedDocument>;
