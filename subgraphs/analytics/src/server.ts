import { subgraphTypeDefs } from '../../kit/src/subgraphTypeDefs.ts';
import type { ContextVerifier } from '../../kit/src/auth/contextToken.ts';
import { createContextFactory, createSubgraphServer } from '../../kit/src/createSubgraphServer.ts';
import type { SubgraphContext } from '../../kit/src/createSubgraphServer.ts';
import type { Logger } from '../../kit/src/log.ts';
import type { PgStore } from '../../kit/src/store/createPgStore.ts';
import type { AnalyticsContext } from './context.ts';
import { createAnalyticsLoaders } from './loaders.ts';
import { resolvers } from './resolvers/index.ts';
import { createUsageService } from './services/createUsageService.ts';

export const analyticsTypeDefs = subgraphTypeDefs('analytics');

export interface AnalyticsDeps {
  store: PgStore;
  verifier: ContextVerifier;
  log: Logger;
  /** The clock that decides which UTC day is "today" for `usage(days:)`; tests pin it. */
  now?: () => Date;
}

/** The request context from a verified base (exported so tests can execute operations directly). */
export function buildAnalyticsContext(deps: Omit<AnalyticsDeps, 'verifier'>, base: SubgraphContext): AnalyticsContext {
  const loaders = createAnalyticsLoaders(deps.store, base.claims, deps.now ?? (() => new Date()));
  return { ...base, loaders, usage: createUsageService({ claims: base.claims, loaders }) };
}

/** Builds the analytics subgraph (no I/O): its server and its per-request context. */
export function createAnalyticsSubgraph(deps: AnalyticsDeps) {
  const server = createSubgraphServer<AnalyticsContext>({ name: 'analytics', typeDefs: analyticsTypeDefs, resolvers, log: deps.log });
  const createContext = createContextFactory<AnalyticsContext>({
    verifier: deps.verifier,
    log: deps.log,
    build: (base) => buildAnalyticsContext(deps, base),
  });
  return { server, createContext };
}
