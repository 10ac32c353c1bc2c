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
import type { Cache } from '../../subgraphs/kit/src/cache/Cache.ts';
import { createApqCache } from './persisted/createApqCache.ts';
import type { ApqCacheOptions } from './persisted/createApqCache.ts';
import { withApqErrorCodes } from './persisted/withApqErrorCodes.ts';
import { HeaderMap } from '@apollo/server';
import type { HTTPGraphQLResponse } from '@apollo/server';
import type { TenantClaims } from '../../subgraphs/kit/src/auth/claims.ts';
import type { PlatformError } from '../../subgraphs/kit/src/errors.ts';
import type { PartnerDirectory } from './auth/createPartnerDirectory.ts';
import { createPersistedGate } from './persisted/createPersistedGate.ts';
import type { Safelist } from './persisted/loadSafelist.ts';
import { defaultOperationLimits } from './limits/measureOperation.ts';
import type { OperationLimits } from './limits/measureOperation.ts';
import { useOperationLimits } from './limits/useOperationLimits.ts';
import { createRateLimiter } from './limits/createRateLimiter.ts';

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
  /** Depth, aliases, cost and tokens one operation may have (default: defaultOperationLimits). */
  operationLimits?: OperationLimits;
  /** Operations per minute per tenant by plan. Default on. */
  rateLimits?: boolean;
  /** Where the per-minute counters live: Redis so replicas share them; default an in-process cache of their own. */
  rateLimitCache?: Cache;
  /** The clock of the rate limit's minutes (tests hold it still). Default Date.now. */
  now?: () => number;
  health: () => Promise<{ ok: boolean; details?: Record<string, unknown> }>;
  /** graphql-ws limits (defaults in createSubscriptionServer). */
  subscriptionLimits?: Partial<SubscriptionServerLimits>;
  /**
   * Automatic persisted queries: the store (Redis so replicas share it), TTL and document size limit.
   * Default: an in-process cache of 1,000 documents, 24 h, 64 KiB. The caller owns the cache's lifetime.
   */
  apq?: Omit<ApqCacheOptions, 'log'>;
  /** Partner keys and registered documents (integrations subgraph); without it `x-api-key` is refused. */
  partners?: PartnerDirectory;
  /** Safelist mode: when set, bearer callers run only these documents (introspection per `introspection`). */
  safelist?: Safelist;
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
  const limits = deps.operationLimits ?? defaultOperationLimits;
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
    // Larger documents fail in the parser (GRAPHQL_PARSE_FAILED) before any work is done on them.
    parseOptions: { maxTokens: limits.maxTokens },
    // Apollo's APQ protocol: hash-only requests, PERSISTED_QUERY_NOT_FOUND, registration, GET for queries.
    persistedQueries: { cache: createApqCache({ ...apq, log }), ttl: apq.ttlSeconds },
    // runMain owns the signals and drains HTTP before stopping Apollo.
    stopOnTerminationSignals: false,
    plugins: [
      useOneOfInputs(),
      useInputSanity<GatewayContext>(),
      useOperationLimits<GatewayContext>(limits),
      useErrorLogging<GatewayContext>({ log }),
      deps.production
        ? ApolloServerPluginLandingPageProductionDefault({ footer: false })
        : ApolloServerPluginLandingPageLocalDefault({ footer: false, embed: true }),
    ],
  });

  // One authentication (JWT, then the tenant's stored record) for HTTP requests and sockets alike.
  const authenticator = createAuthenticator({ jwtVerifier: deps.jwtVerifier, tenantDirectory: deps.tenantDirectory, log });

  const requestIdOf = (req: IncomingMessage) => {
    const incoming = req.headers['x-request-id'];
    return typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
  };
  const contextFor = (claims: TenantClaims, requestId: string): GatewayContext => ({
    claims,
    requestId,
    log: log.child({ requestId, tenantId: claims.tenantId ?? undefined }),
  });

  const limiter = deps.rateLimits === false ? null : createRateLimiter({
          // Not the APQ cache's in-process store: counters and documents would evict each other.
          cache: deps.rateLimitCache ?? createMemoryCache({ maxEntries: 100_000 }),
          log,
          ...(deps.now ? { now: deps.now } : {}),
        });
  /** The caller's context once its tenant has a slot in this minute's allowance (else RATE_LIMITED, 429). */
  const admitted = async (claims: TenantClaims, requestId: string): Promise<GatewayContext> => {
    const limited = await limiter?.take(claims, requestId);
    if (limited) throw limited;
    return contextFor(claims, requestId);
  };

  async function context(req: IncomingMessage): Promise<GatewayContext> {
    const requestId = requestIdOf(req);
    const token = bearerToken(req.headers.authorization);
    if (!token) throw unauthenticated('Send a bearer token in the Authorization header');
    const claims = await authenticator.authenticate(token, requestId);
    return admitted(claims, requestId);
  }

  const gate = createPersistedGate({
    partners: deps.partners ?? null,
    tenantDirectory: deps.tenantDirectory,
    safelist: deps.safelist ?? null,
    introspection: deps.introspection,
    log,
    // Apollo keys APQ documents `apq:<sha256>` in this cache (PrefixingKeyValueCache).
    apqLookup: (hash) => apq.cache.get(`apq:${hash}`).catch(() => null),
  });

  /** A refusal answered before Apollo: the document is never parsed, planned or executed. */
  const refusal = (error: PlatformError): HTTPGraphQLResponse => {
    const { http, ...extensions } = error.extensions as { http?: { status?: number } } & Record<string, unknown>;
    const headers = new HeaderMap([['content-type', 'application/json; charset=utf-8']]);
    return { status: http?.status ?? 400, headers, body: { kind: 'complete', string: JSON.stringify({ errors: [{ message: error.message, extensions }] }) } };
  };

  // The HTTP handler talks to Apollo through this view of the server, whose one difference is the
  // persisted-document gate in front of executeHTTPGraphQLRequest (partners, safelist mode).
  const gatedServer = Object.create(server) as ApolloServer<GatewayContext>;
  gatedServer.executeHTTPGraphQLRequest = async ({ httpGraphQLRequest, context: makeContext }) => {
    const apiKey = httpGraphQLRequest.headers.get('x-api-key') ?? null;
    const bearer = httpGraphQLRequest.headers.get('authorization') !== undefined;
    const incoming = httpGraphQLRequest.headers.get('x-request-id');
    const requestId = incoming && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    const outcome = await gate.check(httpGraphQLRequest, { apiKey, bearer, requestId });
    if (outcome.kind === 'refuse') return refusal(outcome.error);
    if (outcome.kind === 'pass') return server.executeHTTPGraphQLRequest({ httpGraphQLRequest, context: makeContext });
    const claims = outcome.claims;
    return server.executeHTTPGraphQLRequest({
      httpGraphQLRequest: outcome.request,
      context: claims ? () => admitted(claims, requestId) : makeContext,
    });
  };

  const handler = createGraphQLHandler<GatewayContext>({
    server: gatedServer,
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
    // Partner keys and persisted documents over the socket follow the HTTP gate's rules; safelist
    // mode covers every operation sent over it (resolveSocketDocument), subscriptions included.
    partners: (apiKey, requestId) => gate.partner(apiKey, requestId),
    resolveDocument: (fields, caller) => gate.resolveSocketDocument(fields, caller),
    async executeOperation(request, contextValue) {
      const response = await server.executeOperation(request, { contextValue });
      if (response.body.kind === 'single') return response.body.singleResult;
      return { errors: [{ message: 'Incremental delivery is not supported over this transport', extensions: { code: 'BAD_REQUEST' } }] };
    },
    ...(deps.subscriptionLimits ? { limits: deps.subscriptionLimits } : {}),
    operationLimits: limits,
    ...(limiter ? { rateLimit: (claims: TenantClaims, requestId: string) => limiter.take(claims, requestId, 'socket') } : {}),
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
