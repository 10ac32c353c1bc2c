import { subgraphTypeDefs } from '../../kit/src/subgraphTypeDefs.ts';
import type { ContextVerifier } from '../../kit/src/auth/contextToken.ts';
import type { Cache } from '../../kit/src/cache/Cache.ts';
import { createContextFactory, createSubgraphServer } from '../../kit/src/createSubgraphServer.ts';
import type { Logger } from '../../kit/src/log.ts';
import type { PgStore } from '../../kit/src/store/createPgStore.ts';
import { createCatalogSource } from './catalog/createCatalogSource.ts';
import type { ModelsContext } from './context.ts';
import { createModelsLoaders } from './loaders.ts';
import { resolvers } from './resolvers/index.ts';
import { createModelsService } from './services/createModelsService.ts';

export const modelsTypeDefs = subgraphTypeDefs('models');

export interface ModelsDeps {
  store: PgStore;
  /** The tenant catalog cache: Redis when REDIS_URL is set, in-process otherwise. */
  cache: Cache;
  verifier: ContextVerifier;
  log: Logger;
  /** Lifetime of a cached catalog in seconds (default 60); writes invalidate it at once. */
  catalogTtlSeconds?: number;
}

/** Builds the models subgraph (no I/O): its server and its per-request context. */
export function createModelsSubgraph(deps: ModelsDeps) {
  const catalogs = createCatalogSource({ store: deps.store, cache: deps.cache, log: deps.log, ttlSeconds: deps.catalogTtlSeconds });
  const server = createSubgraphServer<ModelsContext>({ name: 'models', typeDefs: modelsTypeDefs, resolvers, log: deps.log });
  const createContext = createContextFactory<ModelsContext>({
    verifier: deps.verifier,
    log: deps.log,
    build: (base) => {
      const loaders = createModelsLoaders(catalogs, base.claims);
      const models = createModelsService({
        store: deps.store,
        log: base.log,
        claims: base.claims,
        catalogs,
        onChanged: () => loaders.reset(),
      });
      return { ...base, loaders, models };
    },
  });
  return { server, createContext, catalogs };
}
