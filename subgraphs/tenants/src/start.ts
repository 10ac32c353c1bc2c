import type { StartSubgraph } from '../../kit/src/bootSubgraph.ts';
import { createPgStore } from '../../kit/src/store/createPgStore.ts';
import type { TenantsContext } from './context.ts';
import { ApiKey } from './entities/ApiKey.ts';
import { Tenant } from './entities/Tenant.ts';
import { User } from './entities/User.ts';
import { migrations } from './migrations.ts';
import { createTenantsSubgraph } from './server.ts';

/** Opens the tenants store (migrating it) and builds the subgraph over it. */
export const startTenants: StartSubgraph<TenantsContext> = async (config, _env, deps) => {
  if (!config.databaseUrl) throw new Error('DATABASE_URL is required for the tenants subgraph');
  const store = await createPgStore({
    adminUrl: config.databaseUrl,
    appUrl: config.appDatabaseUrl,
    appPassword: config.appDatabasePassword,
    entities: [Tenant, User, ApiKey],
    tenantScoped: [User, ApiKey],
    migrations,
    log: deps.log,
    // The store's outbox relay publishes the events its transactions enqueue.
    bus: deps.bus,
  });
  const { server, createContext } = createTenantsSubgraph({ store, verifier: deps.verifier, log: deps.log });
  return {
    server,
    createContext,
    health: async () => ({ ok: await store.ping() }),
    close: () => store.close(),
  };
};
