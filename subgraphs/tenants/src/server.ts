import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EventBus } from '../../kit/src/bus/EventBus.ts';
import type { ContextVerifier } from '../../kit/src/auth/contextToken.ts';
import { createContextFactory, createSubgraphServer } from '../../kit/src/createSubgraphServer.ts';
import type { Logger } from '../../kit/src/log.ts';
import type { PgStore } from '../../kit/src/store/createPgStore.ts';
import type { TenantsContext } from './context.ts';
import { createTenantsLoaders } from './loaders.ts';
import { resolvers } from './resolvers/index.ts';
import { createTenantService } from './services/createTenantService.ts';

export const tenantsTypeDefs = readFileSync(join(import.meta.dirname, '..', '..', '..', 'schema', 'tenants.graphql'), 'utf8');

export interface TenantsDeps {
  store: PgStore;
  bus: EventBus;
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
      tenants: createTenantService({ store: deps.store, bus: deps.bus, log: base.log, claims: base.claims }),
    }),
  });
  return { server, createContext };
}
