import type { ApolloServer } from '@apollo/server';
import { join } from 'node:path';
import { createContextVerifier } from './auth/contextToken.ts';
import type { ContextVerifier } from './auth/contextToken.ts';
import { loadOrCreateDevKeys } from './auth/devKeys.ts';
import type { EventBus } from './bus/EventBus.ts';
import { createMemoryBus } from './bus/createMemoryBus.ts';
import { DAY_MS, createNatsBus } from './bus/createNatsBus.ts';
import type { Cache } from './cache/Cache.ts';
import { createMemoryCache } from './cache/createMemoryCache.ts';
import { createRedisCache } from './cache/createRedisCache.ts';
import type { LiveBus } from './live/LiveBus.ts';
import { createMemoryLiveBus } from './live/createMemoryLiveBus.ts';
import { createNatsLiveBus } from './live/createNatsLiveBus.ts';
import type { Env } from './config.ts';
import { subgraphSchemaOf } from './createSubgraphServer.ts';
import type { ContextFactory, SubgraphContext } from './createSubgraphServer.ts';
import { createGraphQLHandler } from './http/createGraphQLHandler.ts';
import { listen } from './http/listen.ts';
import { serveSubscriptions } from './http/serveSubscriptions.ts';
import type { ServedSubscriptions } from './http/serveSubscriptions.ts';
import { createLogger } from './log.ts';
import type { Logger } from './log.ts';
import { createDisposer } from './runMain.ts';
import { loadSubgraphConfig } from './subgraphConfig.ts';
import type { SubgraphConfig } from './subgraphConfig.ts';
import type { EnvReader } from './config.ts';

/** Shared infrastructure handed to a subgraph: one per process, or one for the whole embedded stack. */
export interface SharedDeps {
  log: Logger;
  bus: EventBus;
  /** Lossy live streams (chat tokens, progress): core NATS beside the event bus, or in-process. */
  live: LiveBus;
  cache: Cache;
  verifier: ContextVerifier;
}

/** What a subgraph's `start` returns: its server and request context, plus what it must close. */
export interface SubgraphRuntime<TContext extends SubgraphContext> {
  server: ApolloServer<TContext>;
  createContext: ContextFactory<TContext>;
  health: () => Promise<{ ok: boolean; details?: Record<string, unknown> }>;
  /** Closes stores, consumers and workers (the HTTP server is closed before this). */
  close: () => Promise<void>;
}

export type StartSubgraph<TContext extends SubgraphContext> = (
  config: SubgraphConfig,
  env: EnvReader,
  deps: SharedDeps,
) => Promise<SubgraphRuntime<TContext>>;

export interface RunningSubgraph {
  name: string;
  url: string;
  port: number;
  /** graphql-ws on the same path, when the schema has a Subscription type (null otherwise). */
  subscriptions: ServedSubscriptions | null;
  close(): Promise<void>;
}

/**
 * Serves a started subgraph over HTTP, and over graphql-ws on the same path when its schema has a
 * Subscription type. Closing ends the sockets first (their subscriptions with them), then drains
 * HTTP, then closes the subgraph's resources.
 */
export async function serveSubgraph<TContext extends SubgraphContext>(
  config: SubgraphConfig,
  env: EnvReader,
  deps: SharedDeps,
  start: StartSubgraph<TContext>,
): Promise<RunningSubgraph> {
  const log = deps.log.child({ service: config.name });
  const runtime = await start(config, env, { ...deps, log });
  let http: Awaited<ReturnType<typeof listen>> | undefined;
  let subscriptions: ServedSubscriptions | null = null;
  try {
    env.done();
    await runtime.server.start();
    // /health also reports the live subscriptions held on the live bus (this process's; the whole
    // stack's when embedded): an operational figure, and what tells a caller a stream is listening.
    const health = async () => {
      const result = await runtime.health();
      return { ...result, details: { ...result.details, liveSubscriptions: deps.live.activeSubscriptions() } };
    };
    const handler = createGraphQLHandler({ server: runtime.server, context: runtime.createContext, log, health });
    http = await listen(handler, config.port, config.host);
    const schema = subgraphSchemaOf(runtime.server);
    if (schema?.getSubscriptionType()) {
      subscriptions = serveSubscriptions({ server: http.server, schema, createContext: runtime.createContext, verifier: deps.verifier, log });
    }
  } catch (error) {
    // Nothing listens, so nothing will call close(): release the store, consumers and workers now.
    await http?.close().catch(() => undefined);
    await runtime.server.stop().catch(() => undefined);
    await runtime.close().catch(() => undefined);
    throw error;
  }
  const listening = http;
  log.info('subgraph ready', { url: listening.url, subscriptions: subscriptions !== null });
  return {
    name: config.name,
    url: listening.url,
    port: listening.port,
    subscriptions,
    async close() {
      await subscriptions?.dispose();
      await listening.close();
      await runtime.server.stop();
      await runtime.close();
    },
  };
}

/**
 * A subgraph process as production runs it: configuration from the environment, NATS and Redis
 * when configured (in-process stand-ins otherwise), the gateway's public key, then serve.
 */
export async function bootSubgraph<TContext extends SubgraphContext>(
  name: string,
  processEnv: Env,
  root: string,
  start: StartSubgraph<TContext>,
): Promise<() => Promise<void>> {
  const { config, env } = loadSubgraphConfig(name, processEnv, root);
  const log = createLogger({ level: config.logLevel, fields: { service: name } });
  const disposer = createDisposer();
  try {
    const publicJwk = config.contextPublicJwk ?? (await loadOrCreateDevKeys(config.dataDir)).context.publicJwk;
    const verifier = await createContextVerifier(publicJwk, name);
    const nats = config.natsUrl
      ? await createNatsBus({ servers: config.natsUrl, stream: config.natsStream, subjectPrefix: config.natsSubjectPrefix, maxAgeMs: config.eventRetentionDays * DAY_MS, log, name })
      : undefined;
    const bus: EventBus = nats ?? createMemoryBus({ log, maxAgeMs: config.eventRetentionDays * DAY_MS });
    disposer.add('bus', () => bus.close());
    // Live streams share the event bus's connection (core NATS beside JetStream) and close before it.
    const live: LiveBus = nats ? await createNatsLiveBus({ connection: nats.connection, log }) : createMemoryLiveBus({ log });
    disposer.add('live', () => live.close());
    const cache = config.redisUrl
      ? await createRedisCache({ url: config.redisUrl, prefix: `${config.redisPrefix}${name}:`, log })
      : createMemoryCache();
    disposer.add('cache', () => cache.close());
    if (bus.kind === 'memory') log.warn('NATS_URL is not set: events stay inside this process');
    const running = await serveSubgraph(config, env, { log, bus, live, cache, verifier }, start);
    disposer.add('subgraph', () => running.close());
    return () => disposer.dispose(log);
  } catch (error) {
    await disposer.dispose(log).catch(() => undefined);
    throw error;
  }
}

export function projectRoot(fromDir: string, levels: number): string {
  return join(fromDir, ...Array<string>(levels).fill('..'));
}
