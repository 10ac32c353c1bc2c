import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { buildSubgraphSchema } from '@apollo/subgraph';
type ResolverMap = NonNullable<Extract<Parameters<typeof buildSubgraphSchema>[0], { typeDefs: unknown }>['resolvers']>;
import { parse } from 'graphql';
import type { GraphQLSchema } from 'graphql';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { CONTEXT_HEADER } from './auth/contextToken.ts';
import type { ContextVerifier } from './auth/contextToken.ts';
import type { TenantClaims } from './auth/claims.ts';
import { createErrorMasker, unauthenticated } from './errors.ts';
import type { Logger } from './log.ts';
import { useErrorLogging } from './useErrorLogging.ts';
import { useInputSanity } from './useInputSanity.ts';

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

/** What every subgraph request context starts with; subgraphs add their store and loaders. */
export interface SubgraphContext {
  claims: TenantClaims;
  requestId: string;
  log: Logger;
}

export interface SubgraphServerOptions {
  name: string;
  typeDefs: string;
  /** The codegen-typed resolver map of the subgraph. */
  resolvers: object;
  log: Logger;
}

/**
 * The executable schema each server was built with, for the transports Apollo Server does not
 * carry (graphql-ws subscriptions on the same path): reachable from the server, so no subgraph's
 * `start` has to hand it around.
 */
const schemas = new WeakMap<object, GraphQLSchema>();

/** The schema `createSubgraphServer` built this server with (undefined for another server). */
export function subgraphSchemaOf(server: object): GraphQLSchema | undefined {
  return schemas.get(server);
}

/** Builds (never starts or listens) the Apollo Server of one subgraph. */
export function createSubgraphServer<TContext extends SubgraphContext>(options: SubgraphServerOptions): ApolloServer<TContext> {
  const schema = buildSubgraphSchema({
    typeDefs: parse(options.typeDefs),
    // Codegen's resolver types are stricter than @apollo/subgraph's map; this is the one boundary.
    resolvers: options.resolvers as ResolverMap,
  });
  const server = new ApolloServer<TContext>({
    schema,
    // Masks only; useErrorLogging logs what it hides, with the request's logger.
    formatError: createErrorMasker(),
    includeStacktraceInErrorResponses: false,
    introspection: true,
    // runMain owns the signals: Apollo's own handler would stop the server and re-raise the signal.
    stopOnTerminationSignals: false,
    // No usage reporting here, so no per-resolver traces for anyone to ask for.
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginInlineTraceDisabled(),
      useInputSanity<TContext>(),
      useErrorLogging<TContext>({ log: options.log }),
    ],
  });
  schemas.set(server, schema);
  return server;
}

/** A gateway context token once verified: the caller's claims and the gateway's request id. */
export type VerifiedContext = Awaited<ReturnType<ContextVerifier['verify']>>;

/**
 * Builds request contexts. Called with an HTTP request it verifies the request's token; a
 * WebSocket verifies its token once, at connection_init, and builds each operation's context
 * with `fromVerified` (the same claims, loaders and services as over HTTP).
 */
export interface ContextFactory<TContext extends SubgraphContext> {
  (req: IncomingMessage): Promise<TContext>;
  fromVerified(verified: VerifiedContext, requestId?: string): Promise<TContext>;
}

/**
 * Request contexts start from the gateway's signed context token. A request without a valid one
 * (someone calling the subgraph directly) ends with 401 before any resolver runs.
 */
export function createContextFactory<TContext extends SubgraphContext>(options: {
  verifier: ContextVerifier;
  log: Logger;
  build: (base: SubgraphContext) => TContext | Promise<TContext>;
}): ContextFactory<TContext> {
  const fromVerified = async (verified: VerifiedContext, requestId?: string): Promise<TContext> => {
    const id = requestId ?? verified.requestId ?? randomUUID();
    const log = options.log.child({ requestId: id, tenantId: verified.claims.tenantId ?? undefined });
    return options.build({ claims: verified.claims, requestId: id, log });
  };
  const fromRequest = async (req: IncomingMessage): Promise<TContext> => {
    const header = req.headers[CONTEXT_HEADER];
    let verified: Awaited<ReturnType<ContextVerifier['verify']>>;
    try {
      verified = await options.verifier.verify(Array.isArray(header) ? header[0] : header);
    } catch (error) {
      options.log.warn('refused request without a valid gateway context', {
        reason: error instanceof Error ? error.message : String(error),
        remote: req.socket.remoteAddress,
      });
      throw unauthenticated('This service accepts only requests signed by the gateway');
    }
    const forwarded = req.headers['x-request-id'];
    return fromVerified(verified, verified.requestId ?? (typeof forwarded === 'string' && REQUEST_ID.test(forwarded) ? forwarded : undefined));
  };
  return Object.assign(fromRequest, { fromVerified });
}
