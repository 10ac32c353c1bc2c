import type { StartSubgraph } from '../../kit/src/bootSubgraph.ts';
import type { ConversationsContext } from './context.ts';
import { createConversationsSubgraph } from './server.ts';
import type { ConversationStore } from './store/ConversationStore.ts';
import { createMongoConversationStore } from './store/createMongoConversationStore.ts';
import { createPgConversationStore } from './store/createPgConversationStore.ts';

/**
 * Opens the conversations store — MongoDB when MONGODB_URL is set, else this subgraph's own
 * PostgreSQL database (migrated) — and builds the subgraph over it.
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
  const { server, createContext } = createConversationsSubgraph({ store, verifier: deps.verifier, log: deps.log });
  return {
    server,
    createContext,
    health: async () => ({ ok: await store.ping(), details: { store: store.driver } }),
    close: () => store.close(),
  };
};
