import type { StartSubgraph } from '../../kit/src/bootSubgraph.ts';
import { createPgStore } from '../../kit/src/store/createPgStore.ts';
import type { IntegrationsContext } from './context.ts';
import { loadCredentialCipher } from './crypto/loadCredentialCipher.ts';
import { Integration } from './entities/Integration.ts';
import { PartnerClient } from './entities/PartnerClient.ts';
import { PartnerKey } from './entities/PartnerKey.ts';
import { PersistedDocument } from './entities/PersistedDocument.ts';
import { migrations } from './migrations.ts';
import { createIntegrationsSubgraph } from './server.ts';

/** Reads the credential keys, opens the integrations store (migrating it) and builds the subgraph. */
export const startIntegrations: StartSubgraph<IntegrationsContext> = async (config, env, deps) => {
  const cipher = await loadCredentialCipher(config, env, deps.log);
  // Configuration problems (every one found so far) end start-up here, before a database is touched.
  env.done();
  if (!cipher) throw new Error('credential cipher unavailable although the configuration reported no problem');
  if (!config.databaseUrl) throw new Error('DATABASE_URL is required for the integrations subgraph');
  const store = await createPgStore({
    adminUrl: config.databaseUrl,
    appUrl: config.appDatabaseUrl,
    appPassword: config.appDatabasePassword,
    entities: [Integration, PartnerClient, PartnerKey, PersistedDocument],
    tenantScoped: [Integration, PartnerClient, PartnerKey, PersistedDocument],
    migrations,
    log: deps.log,
    // The store's outbox relay publishes the events its transactions enqueue.
    bus: deps.bus,
  });
  const { server, createContext } = createIntegrationsSubgraph({ store, verifier: deps.verifier, log: deps.log, cipher });
  return {
    server,
    createContext,
    health: async () => ({ ok: await store.ping() }),
    close: () => store.close(),
  };
};
