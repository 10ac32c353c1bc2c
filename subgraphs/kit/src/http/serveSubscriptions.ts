import type { Server } from 'node:http';
import type { GraphQLSchema } from 'graphql';
import { subscribe } from 'graphql';
import type { ServerOptions } from 'graphql-ws';
import type { Extra } from 'graphql-ws/use/ws';
import { CONTEXT_HEADER } from '../auth/contextToken.ts';
import type { ContextVerifier } from '../auth/contextToken.ts';
import type { ContextFactory, SubgraphContext, VerifiedContext } from '../createSubgraphServer.ts';
import { ErrorCode, PlatformError, describeError } from '../errors.ts';
import type { Logger } from '../log.ts';
import { attachGraphQLWs } from './attachGraphQLWs.ts';
import type { GraphQLWsTransportOptions } from './attachGraphQLWs.ts';
import { maskErrors, maskExecutionResult } from './maskExecutionResult.ts';
import { parseOperation } from './parseOperation.ts';

export interface ServeSubscriptionsOptions<TContext extends SubgraphContext> extends GraphQLWsTransportOptions {
  /** The subgraph's HTTP server: sockets upgrade on its GraphQL path. */
  server: Server;
  /** The schema `createSubgraphServer` built (with its Subscription resolvers). */
  schema: GraphQLSchema;
  createContext: ContextFactory<TContext>;
  /** The subgraph's verifier (audience = the subgraph's name). */
  verifier: ContextVerifier;
  log: Logger;
  /** Operations at once on one socket (default 50). The gateway multiplexes one client socket's subscriptions on one. */
  maxOperationsPerSocket?: number;
  /** A socket that sends no connection_init within this is closed with 4408 (default 10 s). */
  connectionInitWaitTimeoutMs?: number;
}

export interface SubgraphSubscriptionStats {
  /** Sockets that passed connection_init. */
  sockets: number;
  /** Subscription streams open (source iterators not yet returned). */
  subscriptions: number;
}

export interface ServedSubscriptions {
  stats(): SubgraphSubscriptionStats;
  dispose(): Promise<void>;
}

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

/**
 * graphql-ws for a subgraph whose schema has a Subscription type, on its HTTP server and path.
 * Only the gateway may connect: connection_init carries the gateway's signed context token
 * under `x-platform-context`, verified once (a socket without a valid one is closed with 4403);
 * each operation then gets the same context as an HTTP request (claims, loaders, services).
 * The gateway bounds a socket's life (it closes it when the caller's own token expires).
 */
export function serveSubscriptions<TContext extends SubgraphContext>(options: ServeSubscriptionsOptions<TContext>): ServedSubscriptions {
  const served = createSubgraphWsOptions(options);
  const attached = attachGraphQLWs(options.server, served.options, options);
  return { stats: served.stats, dispose: () => attached.dispose() };
}

/** The transport-free part: graphql-ws server options with the subgraph's auth, context, cap and masking. */
export function createSubgraphWsOptions<TContext extends SubgraphContext>(options: Omit<ServeSubscriptionsOptions<TContext>, 'server'>) {
  const { schema, createContext, verifier, log } = options;
  const maxOperations = options.maxOperationsPerSocket ?? 50;
  const verifiedBySocket = new WeakMap<object, VerifiedContext>();
  let sockets = 0;
  let streams = 0;

  const graphqlWs: ServerOptions<Record<string, unknown> | undefined, Extra> = {
    schema,
    connectionInitWaitTimeout: options.connectionInitWaitTimeoutMs ?? 10_000,
    async onConnect(ctx) {
      const token = ctx.connectionParams?.[CONTEXT_HEADER];
      try {
        verifiedBySocket.set(ctx, await verifier.verify(typeof token === 'string' ? token : undefined));
      } catch (error) {
        log.warn('refused websocket without a valid gateway context', {
          reason: error instanceof Error ? error.message : String(error),
          remote: ctx.extra.request.socket.remoteAddress,
        });
        return false; // 4403 Forbidden
      }
      sockets += 1;
      return true;
    },
    onClose(ctx) {
      if (verifiedBySocket.delete(ctx)) sockets -= 1;
    },
    async onSubscribe(ctx, _id, payload) {
      const verified = verifiedBySocket.get(ctx);
      if (!verified) return [new PlatformError(ErrorCode.UNAUTHENTICATED, 'This service accepts only connections signed by the gateway')];
      // The subscription being started is already in the count.
      if (Object.keys(ctx.subscriptions).length > maxOperations) {
        return [new PlatformError(ErrorCode.QUOTA_EXCEEDED, `At most ${maxOperations} operations at once on one connection`, { details: { limit: maxOperations } })];
      }
      const parsed = parseOperation(schema, payload.query, payload.operationName);
      if (!parsed.ok) return parsed.errors;
      const forwarded = payload.extensions?.requestId;
      const requestId = typeof forwarded === 'string' && REQUEST_ID.test(forwarded) ? forwarded : undefined;
      return {
        schema,
        document: parsed.document,
        operationName: payload.operationName,
        variableValues: payload.variables,
        contextValue: await createContext.fromVerified(verified, requestId),
      };
    },
    async subscribe(args) {
      const result = await subscribe(args);
      if (!(Symbol.asyncIterator in result)) return result;
      streams += 1;
      return onEnd(result, log, () => {
        streams -= 1;
      });
    },
    onNext(_ctx, _id, _payload, args, result) {
      return maskExecutionResult(result, (args.contextValue as SubgraphContext | undefined)?.log ?? log);
    },
    onError(_ctx, _id, _payload, errors) {
      return maskErrors(errors, log);
    },
  };
  return { options: graphqlWs, stats: (): SubgraphSubscriptionStats => ({ sockets, subscriptions: streams }) };
}

/**
 * Forwards an iterator and calls `end` once when it finishes, fails or is returned. Unlike an
 * `async function*` wrapper, `return()` reaches the source at once even before the first `next()`
 * (an unstarted generator would skip its `finally` and leak the source).
 */
function onEnd<T>(source: AsyncIterable<T>, log: Logger, end: () => void): AsyncGenerator<T, undefined> {
  const iterator = source[Symbol.asyncIterator]();
  let ended = false;
  const finish = () => {
    if (ended) return;
    ended = true;
    end();
  };
  const done = { done: true, value: undefined } as const;
  const forwarded: AsyncGenerator<T, undefined> = {
    async next() {
      try {
        const step = await iterator.next();
        if (step.done) {
          finish();
          return done;
        }
        return step;
      } catch (error) {
        finish();
        throw error;
      }
    },
    async return() {
      finish();
      try {
        await iterator.return?.();
      } catch (error) {
        // A source that fails while being returned has nothing left to tell the client.
        log.warn('subscription source failed to close', { error: describeError(error) });
      }
      return done;
    },
    async throw(error: unknown) {
      finish();
      await iterator.return?.();
      throw error;
    },
    [Symbol.asyncIterator]() {
      return forwarded;
    },
    async [Symbol.asyncDispose]() {
      await forwarded.return(undefined);
    },
  };
  return forwarded;
}
