import type { SubscriptionResolvers } from '../generated/resolvers.ts';
import type { SimulationProgressData } from '../mappers.ts';

export const Subscription: SubscriptionResolvers = {
  simulationProgress: {
    // Checks the run is the caller's (NOT_FOUND before any event) and returns its event stream.
    subscribe: (_parent, { id }, { simulations }) => simulations.watch(id),
    // The stream yields the events themselves rather than `{ simulationProgress: event }`.
    resolve: (event: SimulationProgressData) => event,
  },
};
