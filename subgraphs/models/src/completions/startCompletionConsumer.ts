import type { Consumption, EventBus } from '../../../kit/src/bus/EventBus.ts';
import type { CompletionWorker } from './createCompletionWorker.ts';

/** One durable name for every replica: each request is handled by one of them. */
export const COMPLETIONS_DURABLE = 'models-completions';

/** Answers the completions conversations asks for (`completion.requested`), `concurrency` at once. */
export async function startCompletionConsumer(bus: EventBus, worker: CompletionWorker, options: { concurrency?: number } = {}): Promise<Consumption> {
  const consumption = await bus.consume({
    durable: COMPLETIONS_DURABLE,
    types: ['completion.requested'],
    // Completions of different conversations stream side by side; each is one event in hand.
    concurrency: options.concurrency ?? 1,
    handler: async (event) => {
      await worker.handle(event);
    },
  });
  return {
    async stop() {
      // Stop first (the bus then keeps the in-flight event for redelivery), then cut the stream short.
      const stopping = consumption.stop();
      worker.abort();
      await stopping;
    },
  };
}
