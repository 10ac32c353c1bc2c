import type { LiveSubscription } from './LiveBus.ts';

/**
 * A live subscription as a GraphQL subscription source: each payload mapped (null skips it), and
 * `return()` unsubscribes at once. An `async function*` wrapper would not do: its `return()` waits
 * behind a pending `next()`, so a client leaving a quiet stream would hold the subscription forever.
 */
export function mapLiveSubscription<T>(subscription: LiveSubscription, map: (payload: unknown) => T | null): AsyncGenerator<T, undefined> {
  const done = { done: true, value: undefined } as const;
  const mapped: AsyncGenerator<T, undefined> = {
    async next() {
      for (;;) {
        const step = await subscription.next();
        if (step.done) return done;
        let value: T | null;
        try {
          value = map(step.value);
        } catch (error) {
          await subscription.return();
          throw error;
        }
        if (value !== null) return { done: false, value };
      }
    },
    async return() {
      await subscription.return();
      return done;
    },
    async throw(error: unknown) {
      await subscription.return();
      throw error;
    },
    [Symbol.asyncIterator]() {
      return mapped;
    },
    async [Symbol.asyncDispose]() {
      await subscription.return();
    },
  };
  return mapped;
}
