import type { StartSubgraph } from '../../kit/src/bootSubgraph.ts';
import type { Consumption } from '../../kit/src/bus/EventBus.ts';
import { createPgStore } from '../../kit/src/store/createPgStore.ts';
import { createCompletionWorker } from './completions/createCompletionWorker.ts';
import { startCompletionConsumer } from './completions/startCompletionConsumer.ts';
import type { ModelsContext } from './context.ts';
import { Model } from './entities/Model.ts';
import { Provider } from './entities/Provider.ts';
import { RoutingPolicy } from './entities/RoutingPolicy.ts';
import { migrations } from './migrations.ts';
import { describeProviderConfig, loadProviderConfig } from './providers/loadProviderConfig.ts';
import { createModelsSubgraph } from './server.ts';

/**
 * Reads the provider configuration, opens the models store (migrating it), builds the subgraph
 * over it and the shared cache, and starts the consumer that answers completion requests.
 */
export const startModels: StartSubgraph<ModelsContext> = async (config, env, deps) => {
  if (!config.databaseUrl) throw new Error('DATABASE_URL is required for the models subgraph');
  // Read before serveSubgraph calls env.done(), which reports every configuration problem at once.
  const providers = loadProviderConfig(env);
  // Completions in progress at once in this process; each holds a database connection while it
  // streams, so the pool has that many beside the ones requests use (replicas × (10 + this) must
  // stay under PostgreSQL's max_connections, 100 by default).
  const concurrency = env.int('COMPLETION_CONCURRENCY', 8, { min: 1, max: 64 });
  const store = await createPgStore({
    poolMax: 10 + concurrency,
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
  const { server, createContext, catalogs } = createModelsSubgraph({ store, cache: deps.cache, verifier: deps.verifier, log: deps.log });
  let completions: Consumption;
  try {
    const worker = createCompletionWorker({
      store,
      catalogs,
      live: deps.live,
      config: providers,
      log: deps.log.child({ component: 'completions' }),
    });
    completions = await startCompletionConsumer(deps.bus, worker, { concurrency });
  } catch (error) {
    await store.close();
    throw error;
  }
  return {
    server,
    createContext,
    health: async () => ({ ok: await store.ping(), details: { cache: deps.cache.kind, providers: describeProviderConfig(providers) } }),
    // The consumer first: the completion in flight is cut short and rolled back while the store is open.
    close: async () => {
      try {
        await completions.stop();
      } finally {
        await store.close();
      }
    },
  };
};
