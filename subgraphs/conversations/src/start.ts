import type { StartSubgraph } from '../../kit/src/bootSubgraph.ts';
import type { Consumption } from '../../kit/src/bus/EventBus.ts';
import type { ConversationsContext } from './context.ts';
import { createConversationsSubgraph } from './server.ts';
import { createCompletionRecorder } from './services/createCompletionRecorder.ts';
import { startCompletionConsumer } from './startCompletionConsumer.ts';
import type { ConversationStore } from './store/ConversationStore.ts';
import { createMongoConversationStore } from './store/createMongoConversationStore.ts';
import { createPgConversationStore } from './store/createPgConversationStore.ts';

/**
 * Opens the conversations store — MongoDB when MONGODB_URL is set, else this subgraph's own
 * PostgreSQL database (migrated) — starts the consumer that stores assistant replies, and builds
 * the subgraph over them.
 */
export const startConversations: StartSubgraph<ConversationsContext> = async (config, _env, deps) => {
  let store: ConversationStore;
  if (config.mongodbUrl) {
    store = await createMongoConversationStore({ url: config.mongodbUrl, log: deps.log, bus: deps.bus });
  } else if (config.databaseUrl) {
    store = await createPgConversationStore({
      adminUrl: config.databaseUrl,
      appUrl: config.appDatabaseUrl,
      appPassword: config.appDatabasePassword,
      log: deps.log,
      bus: deps.bus,
    });
  } else {
    throw new Error('the conversations subgraph needs MONGODB_URL or DATABASE_URL');
  }
  // Either store publishes the events its writes enqueue through its own outbox relay (deps.bus).
  deps.log.info('conversations store opened', { driver: store.driver });
  let completions: Consumption;
  try {
    const recorder = createCompletionRecorder({ store, live: deps.live, log: deps.log.child({ component: 'completions-consumer' }) });
    completions = await startCompletionConsumer(deps.bus, recorder);
  } catch (error) {
    await store.close();
    throw error;
  }
  const { server, createContext } = createConversationsSubgraph({ store, verifier: deps.verifier, log: deps.log, live: deps.live });
  return {
    server,
    createContext,
    health: async () => ({ ok: await store.ping(), details: { store: store.driver } }),
    // The consumer first: its in-flight event finishes (or rolls back) while the store is open.
    close: async () => {
      try {
        await completions.stop();
      } finally {
        await store.close();
      }
    },
  };
};
