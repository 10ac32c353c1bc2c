import { randomUUID } from 'node:crypto';
import type { DocumentNode, FormattedExecutionResult, GraphQLError } from 'graphql';
import type { ExecutionResult, ServerOptions, SubscribePayload } from 'graphql-ws';
import type { ContextSigner } from '../../../subgraphs/kit/src/auth/contextToken.ts';
import type { TenantClaims } from '../../../subgraphs/kit/src/auth/claims.ts';
import { ErrorCode, PlatformError, unauthenticated } from '../../../subgraphs/kit/src/errors.ts';
import { maskErrors, maskExecutionResult } from '../../../subgraphs/kit/src/http/maskExecutionResult.ts';
import type { Logger } from '../../../subgraphs/kit/src/log.ts';
import type { Authenticator } from '../auth/createAuthenticator.ts';
import type { PartnerAccess } from '../auth/createPartnerDirectory.ts';
import { createSignedDataSource } from '../claims/createSignedDataSource.ts';
import type { GatewayContext } from '../GatewayContext.ts';
import { CLOSE_FORBIDDEN, CLOSE_TRY_AGAIN_LATER, authenticateConnection } from './authenticateConnection.ts';
import type { PartnerAuthenticator } from './authenticateConnection.ts';
import { createEventExecutor } from './createEventExecutor.ts';
import { createSubscriptionLimits } from './createSubscriptionLimits.ts';
import { createSubscriptionPlanner } from './createSubscriptionPlanner.ts';
import { createSubscriptionStream } from './createSubscriptionStream.ts';
import type { SubscriptionStream } from './createSubscriptionStream.ts';
import { createUpstreamConnections } from './createUpstreamConnections.ts';
import type { UpstreamConnections } from './createUpstreamConnections.ts';
import { defaultOperationLimits, operationTooComplex } from '../limits/measureOperation.ts';
import type { OperationLimits } from '../limits/measureOperation.ts';

export interface SubscriptionServerLimits {
  /** Subscriptions at once on one socket (default 20). */
  maxSubscriptionsPerSocket: number;
  /** Subscriptions at once for one tenant in this gateway process (default 200). */
  maxSubscriptionsPerTenant: number;
  /** Events queued per subscription for a slow client; when full the oldest is dropped (default 256). */
  queueSize: number;
  /** A socket that sends no connection_init within this is closed with 4408 (default 10 s). */
  connectionInitWaitTimeoutMs: number;
  /** Reconnects to a subgraph after an abnormal close before a subscription fails (default 3). */
  upstreamRetryAttempts: number;
  /**
   * How often each open socket's credentials are checked again (default 30 s, the tenant
   * directory's cache): a suspended or deleted tenant, or a revoked partner key, loses its open
   * sockets (4403) within this, not only at the token's expiry.
   */
  recheckAccessEveryMs: number;
}

export const defaultSubscriptionLimits: SubscriptionServerLimits = Object.freeze({
  maxSubscriptionsPerSocket: 20,
  maxSubscriptionsPerTenant: 200,
  queueSize: 256,
  connectionInitWaitTimeoutMs: 10_000,
  upstreamRetryAttempts: 3,
  recheckAccessEveryMs: 30_000,
});

export interface SubscriptionServerDeps {
  supergraphSdl: string;
  /** Subgraph name → HTTP URL (the WebSocket URL is the same with ws: / wss:). */
  subgraphUrls: Readonly<Record<string, string>>;
  authenticator: Authenticator;
  signer: ContextSigner;
  contextTokenTtlSeconds: number;
  log: Logger;
  /** The WebSocket class for connections to subgraphs (the gateway passes `ws`'s, with a payload cap). */
  webSocketImpl: unknown;
  /** Runs a query or mutation sent over the socket through the gateway's normal executor; without it they are refused. */
  executeOperation?: (request: { query: DocumentNode; variables?: Record<string, unknown>; operationName?: string }, context: GatewayContext) => Promise<FormattedExecutionResult>;
  limits?: Partial<SubscriptionServerLimits>;
  /** Partner keys in connection_init (`x-api-key`); without it they are refused with 4403. */
  partners?: PartnerAuthenticator;
  /**
   * Persisted documents: the text a subscribe message runs (its own, or the one its id names),
   * or the refusal. Without it only full text runs, as sent.
   */
  resolveDocument?: (
    fields: { query: string | undefined; documentId: string | undefined },
    caller: { partner: PartnerAccess | null; requestId: string },
  ) => Promise<string | GraphQLError>;
  upstreamRetryWait?: (retries: number) => Promise<void>;
  now?: () => number;
  /** The same operation limits as HTTP (default: defaultOperationLimits). */
  operationLimits?: OperationLimits;
  /** The tenant's rate limit, as on HTTP: every operation sent over a socket takes a slot. */
  rateLimit?: (claims: TenantClaims, requestId: string) => Promise<PlatformError | null>;
}

/** What the core needs of a transport's socket: a way to close it with a code. `ws` sockets qualify. */
export interface SocketExtra {
  readonly socket: { close(code?: number, reason?: string): void };
}
export type ConnectionParams = Record<string, unknown> | undefined;

export interface SubscriptionStats {
  sockets: number;
  subscriptions: number;
  upstreamConnections: number;
  upstreamSubscriptions: number;
  tenantsWithSubscriptions: number;
  droppedEvents: number;
}

export interface SubscriptionServer {
  /** graphql-ws server options; the transport adapter (kit/http/attachGraphQLWs) serves them. */
  readonly options: ServerOptions<ConnectionParams, SocketExtra>;
  stats(): SubscriptionStats;
  /** Ends every session still held (upstream connections, timers); the adapter closes the sockets. */
  close(): Promise<void>;
}

interface Session {
  socketId: string;
  socket: SocketExtra['socket'];
  /** connection_init's payload, checked again every recheckAccessEveryMs. */
  params: ConnectionParams;
  claims: TenantClaims;
  /** Set on sockets opened with a partner key: only the client's registered documents run. */
  partner: PartnerAccess | null;
  tenantKey: string;
  log: Logger;
  upstream: UpstreamConnections;
  streams: Set<SubscriptionStream>;
  expiry: NodeJS.Timeout | undefined;
}

const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * The gateway's federated subscriptions, transport-free (graphql-ws server options; no `ws` here).
 * connection_init authenticates like HTTP and binds the claims to the socket for its life; the
 * socket is closed with 4403 when the token expires, or when a periodic check finds the tenant
 * suspended or the partner key revoked. Each subscription is validated against the
 * API schema, planned by Apollo's planner, opened on the owning subgraph and its events executed
 * through Apollo's executor (createEventExecutor). Queries and mutations go to the normal executor.
 */
export function createSubscriptionServer(deps: SubscriptionServerDeps): SubscriptionServer {
  const limitsConfig = { ...defaultSubscriptionLimits, ...deps.limits };
  const now = deps.now ?? Date.now;
  const operationLimits = deps.operationLimits ?? defaultOperationLimits;
  const planner = createSubscriptionPlanner({ supergraphSdl: deps.supergraphSdl, maxTokens: operationLimits.maxTokens });
  const urls = Object.fromEntries(planner.subgraphs.map(({ name, url }) => [name, deps.subgraphUrls[name] ?? url]));
  const dataSources = Object.fromEntries(
    Object.entries(urls).map(([name, url]) => [name, createSignedDataSource({ name, url, signer: deps.signer, tokenTtlSeconds: deps.contextTokenTtlSeconds })]),
  );
  const executor = createEventExecutor({ planner, dataSources });
  const limits = createSubscriptionLimits({ perSocket: limitsConfig.maxSubscriptionsPerSocket, perTenant: limitsConfig.maxSubscriptionsPerTenant });
  const sessions = new Map<object, Session>();
  const closedSockets = new WeakSet<object>();
  const prepared = new WeakMap<object, SubscriptionStream>();
  let droppedEvents = 0;
  let rechecking = false;

  const urlOf = (subgraph: string) => {
    const url = urls[subgraph];
    if (!url) throw new Error(`no URL for subgraph ${subgraph}`);
    return url.replace(/^http/i, 'ws');
  };

  function endSession(socketKey: object) {
    const session = sessions.get(socketKey);
    if (!session) return;
    sessions.delete(socketKey);
    clearTimeout(session.expiry);
    for (const stream of [...session.streams]) void stream.return(undefined);
    session.upstream.dispose();
  }

  function armExpiry(socketKey: object, session: Session, socket: SocketExtra['socket'], expiresAt: number) {
    const delay = expiresAt * 1000 - now();
    if (delay <= 0) {
      session.log.info('token expired: closing the socket and its subscriptions');
      socket.close(CLOSE_FORBIDDEN, 'Forbidden: token expired');
      return;
    }
    session.expiry = setTimeout(() => {
      if (sessions.get(socketKey) === session) armExpiry(socketKey, session, socket, expiresAt);
    }, Math.min(delay, MAX_TIMER_MS));
    session.expiry.unref();
  }

  async function recheckTenant(session: Session): Promise<Awaited<ReturnType<typeof authenticateConnection>>> {
    try {
      return { ok: true, claims: await deps.authenticator.recheck(session.claims, session.socketId) };
    } catch (error) {
      if (!(error instanceof PlatformError)) throw error;
      if (error.code === ErrorCode.SERVICE_UNAVAILABLE) return { ok: false, code: CLOSE_TRY_AGAIN_LATER, reason: 'Try again later' };
      return { ok: false, code: CLOSE_FORBIDDEN, reason: `Forbidden: ${error.message}`.slice(0, 120) };
    }
  }

  /** Every open socket's credentials, again (one at a time; the directories cache what they answer). */
  async function recheckAccess() {
    if (rechecking) return;
    rechecking = true;
    try {
      for (const [key, session] of [...sessions]) {
        if (sessions.get(key) !== session) continue;
        let verdict: Awaited<ReturnType<typeof authenticateConnection>>;
        try {
          // Partner sockets: the key again (revocation). Bearer sockets: the tenant's record only.
          verdict = session.partner ? await authenticateConnection(session.params, deps.authenticator, session.socketId, deps.partners) : await recheckTenant(session);
        } catch (error) {
          session.log.warn('could not check the socket\'s access again; it stays open', { error: error instanceof Error ? error.message : String(error) });
          continue;
        }
        if (verdict.ok || sessions.get(key) !== session) continue;
        if (verdict.code === CLOSE_TRY_AGAIN_LATER) {
          // A directory outage is no verdict on the caller: keep serving what was allowed.
          session.log.warn('could not check the socket\'s access again (directory unavailable); it stays open');
          continue;
        }
        session.log.info('access withdrawn: closing the socket and its subscriptions', { code: verdict.code, reason: verdict.reason });
        session.socket.close(verdict.code, verdict.reason);
      }
    } finally {
      rechecking = false;
    }
  }
  const recheckTimer = setInterval(() => void recheckAccess(), limitsConfig.recheckAccessEveryMs);
  recheckTimer.unref();

  const options: ServerOptions<ConnectionParams, SocketExtra> = {
    schema: planner.schema,
    connectionInitWaitTimeout: limitsConfig.connectionInitWaitTimeoutMs,
    async onConnect(ctx) {
      const socketId = randomUUID();
      const verdict = await authenticateConnection(ctx.connectionParams, deps.authenticator, socketId, deps.partners);
      if (!verdict.ok) {
        deps.log.info('refused websocket', { socketId, code: verdict.code });
        ctx.extra.socket.close(verdict.code, verdict.reason);
        return false;
      }
      // The socket closed while the token was being checked: nothing to hold.
      if (closedSockets.has(ctx)) return false;
      const { claims } = verdict;
      const log = deps.log.child({ socketId, tenantId: claims.tenantId ?? undefined });
      const session: Session = {
        socketId,
        socket: ctx.extra.socket,
        params: ctx.connectionParams,
        claims,
        partner: verdict.partner ?? null,
        tenantKey: claims.tenantId ?? `operator:${claims.userId ?? 'anonymous'}`,
        log,
        upstream: createUpstreamConnections({
          claims,
          requestId: socketId,
          signer: deps.signer,
          urlOf,
          webSocketImpl: deps.webSocketImpl,
          retryAttempts: limitsConfig.upstreamRetryAttempts,
          ...(deps.upstreamRetryWait ? { retryWait: deps.upstreamRetryWait } : {}),
          log,
        }),
        streams: new Set(),
        expiry: undefined,
      };
      sessions.set(ctx, session);
      if (claims.expiresAt !== undefined) armExpiry(ctx, session, ctx.extra.socket, claims.expiresAt);
      return true;
    },
    onClose(ctx) {
      closedSockets.add(ctx);
      endSession(ctx);
    },
    async onSubscribe(ctx, _id, payload) {
      const session = sessions.get(ctx);
      if (!session) return [unauthenticated('The connection is not authenticated', false)];
      const requestId = randomUUID();
      const limited = await deps.rateLimit?.(session.claims, requestId);
      if (limited) return [limited];
      let query = payload.query;
      if (deps.resolveDocument) {
        const resolved = await deps.resolveDocument(documentFields(payload), { partner: session.partner, requestId });
        if (typeof resolved !== 'string') return [resolved];
        // The socket may have closed while the document was looked up.
        if (sessions.get(ctx) !== session) return [unauthenticated('The connection is closed', false)];
        query = resolved;
      }
      // Subscriptions meet the operation limits before they are planned; queries and mutations
      // meet them (and everything else) in Apollo Server's pipeline.
      const result = planner.plan(query, payload.operationName, (document, operation) =>
        operation.operation === 'subscription'
          ? operationTooComplex(planner.schema, document, operation, payload.variables, operationLimits)
          : null,
      );
      if (!result.ok) return result.errors;
      const { planned } = result;
      const operationName = payload.operationName ?? undefined;
      const context: GatewayContext = { claims: session.claims, requestId, log: session.log.child({ requestId, operationName }) };
      const args = { schema: planner.schema, document: planned.document, operationName, variableValues: payload.variables, contextValue: context };
      if (planned.kind !== 'subscription') {
        if (!deps.executeOperation) return [new PlatformError(ErrorCode.BAD_REQUEST, 'Send queries and mutations over HTTP')];
        return args;
      }
      let release: () => void;
      try {
        release = limits.acquire(session.tenantKey, session.streams.size);
      } catch (error) {
        if (error instanceof PlatformError) return [error];
        throw error;
      }
      const stream = createSubscriptionStream({
        planned,
        variables: payload.variables ?? undefined,
        operationName,
        context,
        upstream: session.upstream,
        executor,
        queueSize: limitsConfig.queueSize,
        onDrop: () => {
          droppedEvents += 1;
        },
        onEnd: () => {
          release();
          session.streams.delete(stream);
        },
      });
      session.streams.add(stream);
      prepared.set(args, stream);
      return args;
    },
    subscribe(args) {
      const stream = prepared.get(args);
      prepared.delete(args);
      if (!stream) return { errors: maskedInternal() };
      return stream as AsyncIterable<ExecutionResult>;
    },
    async execute(args) {
      const context = args.contextValue as GatewayContext;
      const request = { query: args.document, variables: args.variableValues ?? undefined, operationName: args.operationName ?? undefined };
      try {
        return (await deps.executeOperation!(request, context)) as ExecutionResult;
      } catch (error) {
        context.log.error('operation over websocket failed', { error: error instanceof Error ? error.message : String(error) });
        return { errors: maskedInternal() };
      }
    },
    onNext(_ctx, _id, _payload, args, result) {
      return maskExecutionResult(result, (args.contextValue as GatewayContext | undefined)?.log ?? deps.log);
    },
    onError(ctx, _id, _payload, errors) {
      return maskErrors(errors, sessions.get(ctx)?.log ?? deps.log);
    },
  };

  return {
    options,
    stats() {
      let subscriptions = 0;
      let upstreamConnections = 0;
      let upstreamSubscriptions = 0;
      for (const session of sessions.values()) {
        subscriptions += session.streams.size;
        upstreamConnections += session.upstream.openConnections();
        upstreamSubscriptions += session.upstream.activeSubscriptions();
      }
      return { sockets: sessions.size, subscriptions, upstreamConnections, upstreamSubscriptions, tenantsWithSubscriptions: limits.byTenant().size, droppedEvents };
    },
    async close() {
      clearInterval(recheckTimer);
      for (const key of [...sessions.keys()]) endSession(key);
    },
  };
}

/**
 * graphql-ws requires `query` to be a string, so a message naming its document by id sends it
 * empty with the id in `documentId` (top level, which graphql-ws passes through), in
 * `extensions.documentId`, or as the APQ hash in `extensions.persistedQuery.sha256Hash`.
 */
function documentFields(payload: SubscribePayload): { query: string | undefined; documentId: string | undefined } {
  const extensions = (payload.extensions ?? {}) as { documentId?: unknown; persistedQuery?: { sha256Hash?: unknown } };
  const candidates = [(payload as { documentId?: unknown }).documentId, extensions.documentId, extensions.persistedQuery?.sha256Hash];
  const documentId = candidates.find((c): c is string => typeof c === 'string' && c !== '');
  return { query: payload.query === '' ? undefined : payload.query, documentId };
}

function maskedInternal() {
  return [new PlatformError(ErrorCode.INTERNAL_SERVER_ERROR, 'Internal server error')];
}
