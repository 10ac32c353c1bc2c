import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { SignJWT, importJWK } from 'jose';
import type { CryptoKey } from 'jose';
import { createContextSigner, createContextVerifier } from '../../subgraphs/kit/src/auth/contextToken.ts';
import type { ContextSigner } from '../../subgraphs/kit/src/auth/contextToken.ts';
import { generateDevKeys } from '../../subgraphs/kit/src/auth/devKeys.ts';
import type { DevKeys } from '../../subgraphs/kit/src/auth/devKeys.ts';
import { serveSubgraph } from '../../subgraphs/kit/src/bootSubgraph.ts';
import type { RunningSubgraph, SharedDeps } from '../../subgraphs/kit/src/bootSubgraph.ts';
import { createMemoryBus } from '../../subgraphs/kit/src/bus/createMemoryBus.ts';
import { createMemoryCache } from '../../subgraphs/kit/src/cache/createMemoryCache.ts';
import { readEnv } from '../../subgraphs/kit/src/config.ts';
import { createContextFactory, createSubgraphServer } from '../../subgraphs/kit/src/createSubgraphServer.ts';
import type { SubgraphContext } from '../../subgraphs/kit/src/createSubgraphServer.ts';
import { notFound } from '../../subgraphs/kit/src/errors.ts';
import { attachGraphQLWs } from '../../subgraphs/kit/src/http/attachGraphQLWs.ts';
import type { AttachedGraphQLWs } from '../../subgraphs/kit/src/http/attachGraphQLWs.ts';
import { listen } from '../../subgraphs/kit/src/http/listen.ts';
import type { Listening } from '../../subgraphs/kit/src/http/listen.ts';
import { createMemoryLiveBus } from '../../subgraphs/kit/src/live/createMemoryLiveBus.ts';
import { silentLogger } from '../../subgraphs/kit/src/log.ts';
import type { Logger } from '../../subgraphs/kit/src/log.ts';
import type { SubgraphConfig } from '../../subgraphs/kit/src/subgraphConfig.ts';
import { TenantDirectoryUnavailable } from '../src/claims/createTenantDirectory.ts';
import type { TenantRecord } from '../src/claims/createTenantDirectory.ts';
import { createJwtVerifier } from '../src/auth/createJwtVerifier.ts';
import { createGateway } from '../src/createGateway.ts';
import type { GatewayDeps } from '../src/createGateway.ts';
import type { SubscriptionServerLimits } from '../src/subscriptions/createSubscriptionServer.ts';

/**
 * A small federated stack for subscription tests, all real and on free ports: two subgraphs
 * served by the kit (`ticker` owns `Subscription.ticks`, whose `Tick.owner` is an entity of
 * `owners`), composed here with @apollo/composition, and the real gateway with its graphql-ws
 * server on the same path as HTTP.
 */
export const tickerSdl = /* GraphQL */ `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
  type Query {
    "Answers over HTTP and over the gateway's socket."
    tickerInfo: String!
  }
  type Subscription {
    "Ticks from 0, every intervalMs; count null ticks until unsubscribed. failAt throws an internal error there; refuse fails before any tick."
    ticks(count: Int, intervalMs: Int, failAt: Int, refuse: Boolean): Tick!
  }
  "One tick."
  type Tick {
    index: Int!
    "The tenant of the subgraph's request context."
    tenantId: ID
    owner: Owner!
  }
  "Owned by the owners subgraph."
  type Owner @key(fields: "id", resolvable: false) {
    id: ID!
  }
`;

const ownersSdl = /* GraphQL */ `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
  type Query {
    owner(id: ID!): Owner
  }
  "An owner of ticks."
  type Owner @key(fields: "id") {
    id: ID!
    name: String!
    "The tenant of the owners subgraph's request context (the claims reached it)."
    tenantId: ID
  }
`;

export const issuer = 'https://idp.test/';
export const audience = 'platform-api';

export interface SubscriptionStack {
  keys: DevKeys;
  signer: ContextSigner;
  ticker: RunningSubgraph;
  owners: RunningSubgraph;
  gateway: ReturnType<typeof createGateway>;
  http: Listening;
  websocket: AttachedGraphQLWs;
  wsUrl: string;
  /** Tick generators running in the ticker subgraph (their `finally` has not run). */
  tickersRunning(): number;
  /** Ticker subscriptions the subgraph was asked to open, ever (refused ones included). */
  tickSubscriptions(): number;
  /** Owner references the owners subgraph resolved (through `_entities`). */
  ownerLookups(): number;
  tenants: Map<string, TenantRecord>;
  token(tenantId: string, options?: { expiresInSeconds?: number; key?: CryptoKey }): Promise<string>;
  close(): Promise<void>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function startSubscriptionStack(
  options: { limits?: Partial<SubscriptionServerLimits>; log?: Logger; gateway?: Pick<GatewayDeps, 'partners' | 'safelist' | 'operationLimits' | 'now'> } = {},
): Promise<SubscriptionStack> {
  const log = options.log ?? silentLogger;
  const keys = await generateDevKeys();
  const signer = await createContextSigner(keys.context.privateJwk, 60);
  const tickers = { running: 0, started: 0 };
  let lookups = 0;

  const ticker = await serveTiny('ticker', tickerSdl, keys, log, tickerResolvers(tickers));
  const owners = await serveTiny('owners', ownersSdl, keys, log, {
    Query: { owner: (_: unknown, { id }: { id: string }, context: SubgraphContext) => ({ id, name: `Owner ${id}`, tenantId: context.claims.tenantId }) },
    Owner: {
      __resolveReference: (reference: { id: string }, context: SubgraphContext) => {
        lookups += 1;
        return { id: reference.id, name: `Owner ${reference.id}`, tenantId: context.claims.tenantId };
      },
    },
  });

  const composed = composeServices([
    { name: 'ticker', typeDefs: parse(tickerSdl), url: ticker.url },
    { name: 'owners', typeDefs: parse(ownersSdl), url: owners.url },
  ]);
  if (composed.errors) throw new Error(`composition failed: ${composed.errors.map((e) => e.message).join('; ')}`);

  const tenants = new Map<string, TenantRecord>();
  const gateway = createGateway({
    supergraphSdl: composed.supergraphSdl,
    subgraphUrls: { ticker: ticker.url, owners: owners.url },
    jwtVerifier: await createJwtVerifier({ issuer, audience, algorithms: ['ES256'], publicJwk: keys.jwt.publicJwk }),
    tenantDirectory: {
      lookup: async (id: string) => {
        if (id === DIRECTORY_DOWN) throw new TenantDirectoryUnavailable('down');
        return tenants.get(id) ?? null;
      },
    },
    signer,
    contextTokenTtlSeconds: 60,
    log,
    introspection: false,
    production: true,
    maxBodyBytes: 100_000,
    health: async () => ({ ok: true }),
    subscriptionLimits: { upstreamRetryAttempts: 0, ...options.limits },
    ...options.gateway,
  });
  await gateway.start();
  const http = await listen(gateway.handler, 0, '127.0.0.1');
  const websocket = attachGraphQLWs(http.server, gateway.subscriptions.options, { path: '/graphql' });
  const jwtKey = (await importJWK(keys.jwt.privateJwk, 'ES256')) as CryptoKey;

  return {
    keys,
    signer,
    ticker,
    owners,
    gateway,
    http,
    websocket,
    wsUrl: http.url.replace(/^http/, 'ws'),
    tickersRunning: () => tickers.running,
    tickSubscriptions: () => tickers.started,
    ownerLookups: () => lookups,
    tenants,
    token: (tenantId, tokenOptions = {}) =>
      new SignJWT({ tenant_id: tenantId, roles: ['member'] })
        .setProtectedHeader({ alg: 'ES256', kid: 'dev-jwt' })
        .setIssuer(issuer)
        .setAudience(audience)
        .setSubject(`user-${tenantId.slice(0, 8)}`)
        .setExpirationTime(Math.floor(Date.now() / 1000) + (tokenOptions.expiresInSeconds ?? 300))
        .sign(tokenOptions.key ?? jwtKey),
    async close() {
      await websocket.dispose();
      await http.close();
      await gateway.stop();
      await ticker.close();
      await owners.close();
    },
  };
}

/** The ticker's resolvers; `counter.running` counts tick generators whose `finally` has not run. */
export function tickerResolvers(counter: { running: number; started?: number }) {
  return {
    Query: { tickerInfo: () => 'ticking' },
    Subscription: {
      ticks: {
        subscribe: (_: unknown, args: { count?: number | null; intervalMs?: number | null; failAt?: number | null; refuse?: boolean | null }, context: SubgraphContext) => {
          counter.started = (counter.started ?? 0) + 1;
          if (args.refuse) throw notFound('Ticker', 'refused');
          return (async function* ticks() {
            counter.running += 1;
            try {
              for (let index = 0; args.count === null || args.count === undefined || index < args.count; index += 1) {
                if (index === args.failAt) throw new Error('secret internal failure at tick');
                await sleep(args.intervalMs ?? 10);
                yield { ticks: { index, tenantId: context.claims.tenantId, owner: { id: `owner-${index % 2}` } } };
              }
            } finally {
              counter.running -= 1;
            }
          })();
        },
      },
    },
  };
}

/** A tenant id whose directory lookup fails (the directory is down). */
export const DIRECTORY_DOWN = 'dddddddd-dddd-4ddd-8ddd-dddddddddddd';

/** A subgraph served by the kit's serveSubgraph, as every real subgraph is (HTTP, and graphql-ws when it has subscriptions). */
export async function serveTiny(name: string, typeDefs: string, keys: DevKeys, log: Logger, resolvers: object): Promise<RunningSubgraph> {
  const verifier = await createContextVerifier(keys.context.publicJwk, name);
  const deps: SharedDeps = { log, bus: createMemoryBus({ log }), live: createMemoryLiveBus({ log }), cache: createMemoryCache(), verifier };
  const config: SubgraphConfig = {
    name,
    port: 0,
    host: '127.0.0.1',
    production: false,
    logLevel: 'silent',
    databaseUrl: undefined,
    appDatabaseUrl: undefined,
    appDatabasePassword: null,
    mongodbUrl: undefined,
    natsUrl: undefined,
    natsStream: 'unused',
    natsSubjectPrefix: 'unused',
    eventRetentionDays: 7,
    redisUrl: undefined,
    redisPrefix: 'unused:',
    contextPublicJwk: undefined,
    dataDir: '/tmp',
  };
  return serveSubgraph<SubgraphContext>(config, readEnv({}), deps, async (_config, _env, shared) => {
    const server = createSubgraphServer<SubgraphContext>({ name, typeDefs, resolvers, log: shared.log });
    return {
      server,
      createContext: createContextFactory<SubgraphContext>({ verifier: shared.verifier, log: shared.log, build: (base) => base }),
      health: async () => ({ ok: true }),
      close: async () => {
        await shared.bus.close();
        await shared.live.close();
      },
    };
  });
}

