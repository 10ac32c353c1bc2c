import type { StartSubgraph } from '../../kit/src/bootSubgraph.ts';
import { createPgStore } from '../../kit/src/store/createPgStore.ts';
import type { AnalyticsContext } from './context.ts';
import { ProcessedEvent } from './entities/ProcessedEvent.ts';
import { UsageDaily } from './entities/UsageDaily.ts';
import { migrations } from './migrations.ts';
import { createAnalyticsSubgraph } from './server.ts';
import { createProcessedEventsPruner } from './services/createProcessedEventsPruner.ts';
import { createUsageRecorder } from './services/createUsageRecorder.ts';
import { startUsageConsumer } from './startUsageConsumer.ts';

/** Opens the analytics store (migrating it), starts the usage consumer and builds the subgraph. */
export const startAnalytics: StartSubgraph<AnalyticsContext> = async (config, _env, deps) => {
  if (!config.databaseUrl) throw new Error('DATABASE_URL is required for the analytics subgraph');
  const store = await createPgStore({
    adminUrl: config.databaseUrl,
    appUrl: config.appDatabaseUrl,
    appPassword: config.appDatabasePassword,
    entities: [UsageDaily, ProcessedEvent],
    tenantScoped: [UsageDaily, ProcessedEvent],
    migrations,
    log: deps.log,
  });
  let consumption: Awaited<ReturnType<typeof startUsageConsumer>>;
  try {
    const recorder = createUsageRecorder({ store, log: deps.log.child({ component: 'usage-consumer' }) });
    consumption = await startUsageConsumer(deps.bus, recorder);
  } catch (error) {
    await store.close();
    throw error;
  }
  const pruner = createProcessedEventsPruner({ store, log: deps.log.child({ component: 'pruner' }), retentionMs: () => deps.bus.retentionMs() });
  const { server, createContext } = createAnalyticsSubgraph({ store, verifier: deps.verifier, log: deps.log });
  return {
    server,
    createContext,
    health: async () => ({ ok: await store.ping() }),
    // The consumer first: its in-flight event finishes (or rolls back) while the store is open.
    close: async () => {
      await consumption.stop();
      await pruner.stop();
      await store.close();
    },
  };
};
