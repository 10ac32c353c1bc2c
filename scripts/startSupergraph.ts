import { createContextVerifier } from '../subgraphs/kit/src/auth/contextToken.ts';
import { loadOrCreateDevKeys } from '../subgraphs/kit/src/auth/devKeys.ts';
import type { DevKeys } from '../subgraphs/kit/src/auth/devKeys.ts';
import type { RunningSubgraph } from '../subgraphs/kit/src/bootSubgraph.ts';
import type { EventBus } from '../subgraphs/kit/src/bus/EventBus.ts';
import { createMemoryBus } from '../subgraphs/kit/src/bus/createMemoryBus.ts';
import { DAY_MS, createNatsBus } from '../subgraphs/kit/src/bus/createNatsBus.ts';
import type { Cache } from '../subgraphs/kit/src/cache/Cache.ts';
import { createMemoryCache } from '../subgraphs/kit/src/cache/createMemoryCache.ts';
import { createRedisCache } from '../subgraphs/kit/src/cache/createRedisCache.ts';
import type { LiveBus } from '../subgraphs/kit/src/live/LiveBus.ts';
import { createMemoryLiveBus } from '../subgraphs/kit/src/live/createMemoryLiveBus.ts';
import { createNatsLiveBus } from '../subgraphs/kit/src/live/createNatsLiveBus.ts';
import type { Env } from '../subgraphs/kit/src/config.ts';
import type { Logger } from '../subgraphs/kit/src/log.ts';
import { createDisposer } from '../subgraphs/kit/src/runMain.ts';
import { loadSubgraphConfig } from '../subgraphs/kit/src/subgraphConfig.ts';
import { subgraphCatalog } from '../subgraphs/catalog.ts';
import { startGateway } from '../gateway/src/main.ts';
import { startEmbeddedPostgres } from './embeddedPostgres.ts';
import type { StackConfig } from './stackConfig.ts';
import type { SubgraphStarter } from './subgraphStarters.ts';

export interface RunningSupergraph {
  gatewayUrl: string;
  devKeys: DevKeys;
  /** One line per part, for the banner: where PostgreSQL, events and the cache live. */
  parts: { postgres: string; bus: string; live: string; cache: string; mongodb: string };
  subgraphs: readonly RunningSubgraph[];
  /** Closes in reverse order: gateway, subgraphs, live bus, event bus, cache, embedded PostgreSQL. */
  close(): Promise<void>;
}

/**
 * The whole supergraph in one process: PostgreSQL (embedded unless DATABASE_URL is set), one
 * event bus and one cache shared by every subgraph (NATS and Redis when configured), each
 * subgraph on its own port with its own database, then the gateway in front of them.
 */
export async function startSupergraph(options: {
  env: Env;
  config: StackConfig;
  log: Logger;
  starters: Readonly<Record<string, SubgraphStarter>>;
}): Promise<RunningSupergraph> {
  const { env, config, log } = options;
  const disposer = closingInOrder(log);
  try {
    const devKeys = await loadOrCreateDevKeys(config.dataDir);

    let databaseUrl = config.databaseUrl;
    let appPassword: string | undefined;
    let postgres = `PostgreSQL at ${config.databaseUrl ? redact(config.databaseUrl) : ''}`;
    if (!databaseUrl) {
      const pg = await startEmbeddedPostgres({
        dataDir: config.embeddedPg.dir,
        port: config.embeddedPg.port,
        secretsFile: `${config.dataDir}/keys/embedded-postgres.json`,
        log: log.child({ service: 'embedded-postgres' }),
      });
      disposer.add('embedded postgres', () => pg.stop());
      databaseUrl = pg.url;
      appPassword = pg.appPassword;
      postgres = `embedded PostgreSQL on 127.0.0.1:${pg.port} (data in ${config.embeddedPg.dir})`;
    }

    const sharedCache: Cache = config.redisUrl
      ? await createRedisCache({ url: config.redisUrl, prefix: config.redisPrefix, log })
      : createMemoryCache();
    disposer.add('cache', () => sharedCache.close());

    const nats = config.natsUrl
      ? await createNatsBus({
          servers: config.natsUrl,
          stream: config.natsStream,
          subjectPrefix: config.natsSubjectPrefix,
          maxAgeMs: config.eventRetentionDays * DAY_MS,
          log,
          name: 'platform-stack',
        })
      : undefined;
    const bus: EventBus = nats ?? createMemoryBus({ log, maxAgeMs: config.eventRetentionDays * DAY_MS });
    disposer.add('bus', () => bus.close());
    // One live bus for every subgraph of the stack, on the event bus's NATS connection when there is one.
    const live: LiveBus = nats ? await createNatsLiveBus({ connection: nats.connection, log }) : createMemoryLiveBus({ log });
    disposer.add('live bus', () => live.close());

    const subgraphs = await startSubgraphs({ ...options, databaseUrl, appPassword, bus, live, sharedCache, devKeys, disposer });

    const gatewayEnv: Record<string, string | undefined> = { ...env };
    for (const s of subgraphs) gatewayEnv[`SUBGRAPH_${s.name.toUpperCase()}_URL`] = s.url;
    const gateway = await startGateway(gatewayEnv, config.root);
    disposer.add('gateway', () => gateway.close());

    return {
      gatewayUrl: gateway.url,
      devKeys,
      subgraphs,
      parts: {
        postgres,
        bus: config.natsUrl ? `NATS JetStream at ${config.natsUrl}` : 'in-process event bus',
        live: config.natsUrl ? `core NATS at ${config.natsUrl}` : 'in-process live streams',
        cache: config.redisUrl ? `Redis at ${redact(config.redisUrl)}` : 'in-process cache',
        mongodb: config.mongodbUrl ? `MongoDB at ${redact(config.mongodbUrl)}` : 'conversations on PostgreSQL (no MONGODB_URL)',
      },
      close: () => disposer.dispose(log),
    };
  } catch (error) {
    await disposer.dispose(log).catch(() => undefined);
    throw error;
  }
}

/** Starts every subgraph at once; each is added to the disposer as soon as it serves. */
async function startSubgraphs(options: {
  env: Env;
  config: StackConfig;
  log: Logger;
  starters: Readonly<Record<string, SubgraphStarter>>;
  databaseUrl: string;
  appPassword: string | undefined;
  bus: EventBus;
  live: LiveBus;
  sharedCache: Cache;
  devKeys: DevKeys;
  disposer: ReturnType<typeof closingInOrder>;
}): Promise<RunningSubgraph[]> {
  const { env, config, log, starters, disposer } = options;
  const entries = subgraphCatalog.filter((entry) => starters[entry.name]);
  const results = await Promise.allSettled(
    entries.map(async (entry) => {
      // Settings meant for one service of a multi-process deployment would clash here.
      const { PORT: _port, HOST: _host, DATABASE_NAME: _name, APP_DATABASE_URL: _app, ...shared } = env;
      const subgraphEnv: Record<string, string | undefined> = {
        ...shared,
        DATABASE_URL: options.databaseUrl,
        PORT: String(config.subgraphPorts[entry.name] ?? entry.port),
        HOST: '127.0.0.1',
      };
      if (options.appPassword !== undefined) subgraphEnv.APP_DATABASE_PASSWORD = options.appPassword;
      const { config: subgraphConfig, env: reader } = loadSubgraphConfig(entry.name, subgraphEnv, config.root);
      const verifier = await createContextVerifier(subgraphConfig.contextPublicJwk ?? options.devKeys.context.publicJwk, entry.name);
      const cache = prefixedCache(options.sharedCache, `${entry.name}:`);
      const running = await starters[entry.name]!.serve(subgraphConfig, reader, { log, bus: options.bus, live: options.live, cache, verifier });
      disposer.add(`subgraph ${entry.name}`, () => running.close());
      return running;
    }),
  );
  const failures = results.flatMap((r, i) => (r.status === 'rejected' ? [{ name: entries[i]!.name, reason: r.reason as unknown }] : []));
  if (failures.length > 0) {
    const detail = failures.map((f) => `${f.name}: ${f.reason instanceof Error ? f.reason.message : String(f.reason)}`).join('\n  ');
    throw new Error(`some subgraphs did not start:\n  ${detail}`, { cause: failures[0]!.reason });
  }
  return results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
}

/** The kit's disposer, saying what it closes (LOG_LEVEL=debug shows the order). */
function closingInOrder(log: Logger) {
  const disposer = createDisposer();
  return {
    add(name: string, dispose: () => Promise<void>) {
      disposer.add(name, async () => {
        await dispose();
        log.debug('closed', { resource: name });
      });
    },
    dispose: (l: Logger) => disposer.dispose(l),
  };
}

/** Gives each subgraph its own key space in the one shared cache, as separate processes have. */
export function prefixedCache(cache: Cache, prefix: string): Cache {
  return {
    kind: cache.kind,
    get: (key) => cache.get(prefix + key),
    set: (key, value, ttlSeconds) => cache.set(prefix + key, value, ttlSeconds),
    delete: (...keys) => cache.delete(...keys.map((k) => prefix + k)),
    increment: (key, ttlSeconds) => cache.increment(prefix + key, ttlSeconds),
    // The shared cache is closed once, by the stack.
    close: async () => undefined,
  };
}

function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return url;
  }
}
