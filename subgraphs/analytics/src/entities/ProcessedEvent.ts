import { defineEntity, p } from '@mikro-orm/core';
import type { InferEntity } from '@mikro-orm/core';

/**
 * Ids of the events already counted. JetStream delivers at least once; inserting the id in the
 * same transaction as the usage increment makes a redelivery a no-op.
 */
export const ProcessedEvent = defineEntity({
  name: 'ProcessedEvent',
  tableName: 'processed_events',
  properties: {
    eventId: p.uuid().primary(),
    tenantId: p.uuid(),
    type: p.string(),
    processedAt: p.datetime(),
  },
});
export type ProcessedEventEntity = InferEntity<typeof ProcessedEvent>;
