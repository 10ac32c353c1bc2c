import type { Consumption, EventBus } from '../../kit/src/bus/EventBus.ts';
import type { UsageRecorder } from './services/createUsageRecorder.ts';
import { usageEventTypes } from './usageDeltaOf.ts';

/** One durable name for every replica: they share the work, and a restart resumes where it stopped. */
export const USAGE_DURABLE = 'analytics-usage';

export function startUsageConsumer(bus: EventBus, recorder: UsageRecorder): Promise<Consumption> {
  return bus.consume({
    durable: USAGE_DURABLE,
    types: usageEventTypes,
    handler: async (event) => {
      await recorder.record(event);
    },
  });
}
