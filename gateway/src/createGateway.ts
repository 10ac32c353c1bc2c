import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageLocalDefault, ApolloServerPluginLandingPageProductionDefault } from '@apollo/server/plugin/landingPage/default';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { ContextSigner } from '../../subgraphs/kit/src/auth/contextToken.ts';
import { createErrorMasker, unauthenticated } from '../../subgraphs/kit/src/errors.ts';
import { createGraphQLHandler } from '../../subgraphs/kit/src/http/createGraphQLHandler.ts';
import type { Logger } from '../../subgraphs/kit/src/log.ts';
import { bearerToken } from './auth/bearerToken.ts';
import { createAuthenticator } from './auth/createAuthenticator.ts';
import type { JwtVerifier } from './auth/createJwtVerifier.ts';
import { createSignedDataSource } from './claims/createSignedDataSource.ts';
import type { TenantDirectory } from './claims/createTenantDirectory.ts';
import type { GatewayContext } from './GatewayContext.ts';
import { useOneOfInputs } from './schema/useOneOfInputs.ts';
import { useInputSanity } from '../../subgraphs/kit/src/useInputSanity.ts';
import { useErrorLogging } from '../../subgraphs/kit/src/useErrorLogging.ts';
import { boundedWebSocket } from './subscriptions/boundedWebSocket.ts';
import { createSubscriptionServer } from './subscriptions/createSubscriptionServer.ts';
import type { SubscriptionServerLimits } from './subscriptions/createSubscriptionServer.ts';
import { createMemoryCache } from '../../subgraphs/kit/src/cache/createMemoryCache.ts';
import { createApqCache } from './persisted/createApqCache.ts';
import type { ApqCacheOptions } from './persisted/createApqCache.ts';
import { withApqErrorCodes } from './persisted/withApqErrorCodes.ts';

export interface GatewayDeps {
  supergraphSdl: string;
  subgraphUrls: Readonly<Record<string, string>>;
  jwtVerifier: JwtVerifier;
  tenantDirectory: TenantDirectory;
  signer: ContextSigner;
  contextTokenTtlSeconds: number;
  log: Logger;
  introspection: boolean;
  production: boolean;
  maxBodyBytes: number;
  health: () => Promise<{ ok: boolean; details?: Record<string, unknown> }>;
  /** graphql-ws limits (defaults in createSubscriptionServer). */
  subscriptionLimits?: Partial<SubscriptionServerLimits>;
  /**
   * Automatic persisted queries: the store (Redis so replicas share it), TTL and document size limit.
   * Default: an in-process cache of 1,000 documents, 24 h, 64 KiB. The caller owns the cache's lifetime.
   */
  apq?: Omit<ApqCacheOptions, 'log'>;
}

/** Largest message a subgraph may send the gateway on a subscription connection. */
const UPSTREAM_MAX_PAYLOAD_BYTES = 1024 * 1024;

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

/**
 * Builds the gateway (no I/O until `start`): Apollo Server over @apollo/gateway with auth and
 * signed claims, and the transport-free graphql-ws server for subscriptions (main.ts attaches it
 * to the HTTP server on the same path).
 */
export function createGateway(deps: GatewayDeps) {
  const { log } = deps;
  const apq = deps.apq ?? { cache: createMemoryCache({ maxEntries: 1_000 }), ttlSeconds: 24 * 3600, maxDocumentBytes: 64 * 1024 };
  const gateway = new ApolloGateway({
    supergraphSdl: deps.supergraphSdl,
    buildService: ({ name, url }) =>
      createSignedDataSource({ name, url: deps.subgraphUrls[name] ?? url ?? '', signer: deps.signer, tokenTtlSeconds: deps.contextTokenTtlSeconds }),
    logger: {
      debug: (m: unknown) => log.debug(String(m)),
      info: (m: unknown) => log.info(String(m)),
      warn: (m: unknown) => log.warn(String(m)),
      error: (m: unknown) => log.error(String(m)),
    },
  });
  const server = new ApolloServer<GatewayContext>({
    gateway,
    // Masks only; useErrorLogging logs what it hides, with the request's logger (request id, tenant).
    formatError: withApqErrorCodes(createErrorMasker()),
    includeStacktraceInErrorResponses: false,
    introspection: deps.introspection,
    // Apollo's APQ protocol: hash-only requests, PERSISTED_QUERY_NOT_FOUND, registration, GET for queries.
    persistedQueries: { cache: createApqCache({ ...apq, log }), ttl: apq.ttlSeconds },
    // runMain owns the signals and drains HTTP before stopping Apollo.
    stopOnTerminationSignals: false,
    plugins: [
      useOneOfInputs(),
      useInputSanity<GatewayContext>(),
      useErrorLogging<GatewayContext>({ log }),
      deps.production
        ? ApolloServerPluginLandingPageProductionDefault({ footer: false })
        : ApolloServerPluginLandingPageLocalDefault({ footer: false, embed: true }),
    ],
  });

  // One authentication (JWT, then the tenant's stored record) for HTTP requests and sockets alike.
  const authenticator = createAuthenticator({ jwtVerifier: deps.jwtVerifier, tenantDirectory: deps.tenantDirectory, log });

  async function context(req: IncomingMessage): Promise<GatewayContext> {
    const incoming = req.headers['x-request-id'];
    const requestId = typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    const token = bearerToken(req.headers.authorization);
    if (!token) throw unauthenticated('Send a bearer token in the Authorization header');
    const claims = await authenticator.authenticate(token, requestId);
    return { claims, requestId, log: log.child({ requestId, tenantId: claims.tenantId ?? undefined }) };
  }

  const handler = createGraphQLHandler<GatewayContext>({
    server,
    context,
    log,
    health: deps.health,
    maxBodyBytes: deps.maxBodyBytes,
  });

  const subscriptions = createSubscriptionServer({
    supergraphSdl: deps.supergraphSdl,
    subgraphUrls: deps.subgraphUrls,
    authenticator,
    signer: deps.signer,
    contextTokenTtlSeconds: deps.contextTokenTtlSeconds,
    log: log.child({ transport: 'graphql-ws' }),
    webSocketImpl: boundedWebSocket(UPSTREAM_MAX_PAYLOAD_BYTES),
    // Queries and mutations over the socket run through Apollo Server, plugins and masking included.
    async executeOperation(request, contextValue) {
      const response = await server.executeOperation(request, { contextValue });
      if (response.body.kind === 'single') return response.body.singleResult;
      return { errors: [{ message: 'Incremental delivery is not supported over this transport', extensions: { code: 'BAD_REQUEST' } }] };
    },
    ...(deps.subscriptionLimits ? { limits: deps.subscriptionLimits } : {}),
  });

  return {
    server,
    handler,
    context,
    /** graphql-ws server options and stats; attach with kit/http/attachGraphQLWs on the HTTP server. */
    subscriptions,
    start: () => server.start(),
    /** Stops Apollo and ends what subscriptions still hold (close the sockets first: attachGraphQLWs's dispose). */
    stop: async () => {
      await subscriptions.close();
      await server.stop();
    },
  };
}
