import { subgraphTypeDefs } from '../../kit/src/subgraphTypeDefs.ts';
import type { ContextVerifier } from '../../kit/src/auth/contextToken.ts';
import { createContextFactory, createSubgraphServer } from '../../kit/src/createSubgraphServer.ts';
import type { Logger } from '../../kit/src/log.ts';
import type { PgStore } from '../../kit/src/store/createPgStore.ts';
import type { TenantsContext } from './context.ts';
import { createTenantsLoaders } from './loaders.ts';
import { resolvers } from './resolvers/index.ts';
import { createTenantService } from './services/createTenantService.ts';

export const tenantsTypeDefs = subgraphTypeDefs('tenants');

export interface TenantsDeps {
  store: PgStore;
  verifier: ContextVerifier;
  log: Logger;
}

/** Builds the tenants subgraph (no I/O): its server and its per-request context. */
export function createTenantsSubgraph(deps: TenantsDeps) {
  const server = createSubgraphServer<TenantsContext>({ name: 'tenants', typeDefs: tenantsTypeDefs, resolvers, log: deps.log });
  const createContext = createContextFactory<TenantsContext>({
    verifier: deps.verifier,
    log: deps.log,
    build: (base) => ({
      ...base,
      loaders: createTenantsLoaders(deps.store, base.claims),
      tenants: createTenantService({ store: deps.store, log: base.log, claims: base.claims }),
    }),
  });
  return { server, createContext };
}
