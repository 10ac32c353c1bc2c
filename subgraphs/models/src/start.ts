import type { StartSubgraph } from '../../kit/src/bootSubgraph.ts';
import { createPgStore } from '../../kit/src/store/createPgStore.ts';
import type { ModelsContext } from './context.ts';
import { Model } from './entities/Model.ts';
import { Provider } from './entities/Provider.ts';
import { RoutingPolicy } from './entities/RoutingPolicy.ts';
import { migrations } from './migrations.ts';
import { createModelsSubgraph } from './server.ts';

/** Opens the models store (migrating it) and builds the subgraph over it and the shared cache. */
export const startModels: StartSubgraph<ModelsContext> = async (config, _env, deps) => {
  if (!config.databaseUrl) throw new Error('DATABASE_URL is required for the models subgraph');
  const store = await createPgStore({
    adminUrl: config.databaseUrl,
    appUrl: config.appDatabaseUrl,
    appPassword: config.appDatabasePassword,
    entities: [Provider, Model, RoutingPolicy],
    tenantScoped: [Provider, Model, RoutingPolicy],
    migrations,
    log: deps.log,
    // The store's outbox relay publishes the events its transactions enqueue.
    bus: deps.bus,
  });
  const { server, createContext } = createModelsSubgraph({ store, cache: deps.cache, verifier: deps.verifier, log: deps.log });
  return {
    server,
    createContext,
    health: async () => ({ ok: await store.ping(), details: { cache: deps.cache.kind } }),
    close: () => store.close(),
  };
};
