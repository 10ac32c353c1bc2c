import type { SimulationProgressResolvers } from '../generated/resolvers.ts';

export const SimulationProgress: SimulationProgressResolvers = {
  // The run as of this event: read with the caller's claims when the stream started or ended, with
  // the live figures in between (reading the row for every event would cost a query per 100 ms per
  // subscriber, and a loader's per-operation cache would show the first state forever).
  simulation: (event) => event.simulation,
  percent: (event) => (event.totalIterations > 0 ? (event.completedIterations / event.totalIterations) * 100 : 0),
};
