import type { Consumption, EventBus } from '../../kit/src/bus/EventBus.ts';
import type { CompletionRecorder } from './services/createCompletionRecorder.ts';

/** One durable name for every replica: they share the work, and a restart resumes where it stopped. */
export const COMPLETIONS_DURABLE = 'conversations-completions';

/** Stores the assistant replies the models subgraph finishes (`completion.finished`). */
export function startCompletionConsumer(bus: EventBus, recorder: CompletionRecorder): Promise<Consumption> {
  return bus.consume({
    durable: COMPLETIONS_DURABLE,
    types: ['completion.finished'],
    handler: async (event) => {
      await recorder.record(event);
    },
  });
}
