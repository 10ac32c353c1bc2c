import { defineEntity, p } from '@mikro-orm/core';
import type { InferEntity } from '@mikro-orm/core';

/**
 * One tenant's usage on one UTC day: the time bucket every event increments. Written only by the
 * usage consumer (an upsert in raw SQL, see createUsageRecorder); read by the usage loader.
 */
export const UsageDaily = defineEntity({
  name: 'UsageDaily',
  tableName: 'usage_daily',
  properties: {
    tenantId: p.uuid().primary(),
    /** YYYY-MM-DD (PostgreSQL `date`, read back as a string). */
    day: p.date().primary(),
    messages: p.bigint('number'),
    simulations: p.bigint('number'),
    completions: p.bigint('number'),
    tokens: p.bigint('number'),
    costUsd: p.decimal('number'),
  },
});
export type UsageDailyEntity = InferEntity<typeof UsageDaily>;
