import { subgraphTypeDefs } from '../../kit/src/subgraphTypeDefs.ts';
import type { ContextVerifier } from '../../kit/src/auth/contextToken.ts';
import { createContextFactory, createSubgraphServer } from '../../kit/src/createSubgraphServer.ts';
import type { LiveBus } from '../../kit/src/live/LiveBus.ts';
import type { Logger } from '../../kit/src/log.ts';
import type { PgStore } from '../../kit/src/store/createPgStore.ts';
import type { SimulationsContext } from './context.ts';
import { createSimulationsLoaders } from './loaders.ts';
import { resolvers } from './resolvers/index.ts';
import type { SimulationQueue } from './runner/createSimulationRunner.ts';
import { createSimulationService } from './services/createSimulationService.ts';

export const simulationsTypeDefs = subgraphTypeDefs('simulations');

export interface SimulationsDeps {
  store: PgStore;
  /** Where started runs go; the runner executes them off the request path. */
  queue: SimulationQueue;
  /** Progress streams (the runner publishes on it, subscriptions listen). */
  live: LiveBus;
  verifier: ContextVerifier;
  log: Logger;
  /** A progress subscription that hears nothing for this long reads the run again (default 5 s). */
  progressRecheckMs?: number;
  /** The clock of the daily quota's UTC day (tests hold it still). */
  now?: () => Date;
}

/** Builds the simulations subgraph (no I/O): its server and its per-request context. */
export function createSimulationsSubgraph(deps: SimulationsDeps) {
  const server = createSubgraphServer<SimulationsContext>({ name: 'simulations', typeDefs: simulationsTypeDefs, resolvers, log: deps.log });
  const createContext = createContextFactory<SimulationsContext>({
    verifier: deps.verifier,
    log: deps.log,
    build: (base) => ({
      ...base,
      loaders: createSimulationsLoaders(deps.store, base.claims),
      simulations: createSimulationService({
        store: deps.store,
        queue: deps.queue,
        live: deps.live,
        log: base.log,
        claims: base.claims,
        progressRecheckMs: deps.progressRecheckMs,
        ...(deps.now ? { now: deps.now } : {}),
      }),
    }),
  });
  return { server, createContext };
}
