import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { describeError, isClientSafe } from './errors.ts';
import type { Logger } from './log.ts';

/** The part of a request context this plugin reads: the request's logger, when there is one. */
export interface ErrorLoggingContext {
  log?: Logger;
}

/**
 * Logs every error the client will only see as INTERNAL_SERVER_ERROR, once, with the request's
 * logger: its line carries the request id and tenant, so a report of a failed request can be
 * followed to its cause. `formatError` (createErrorMasker) only masks.
 *
 * `log` is the fallback for the moments without a request logger: a failed context function
 * (no context yet) and errors of a request whose context has no `log`.
 */
export function useErrorLogging<TContext extends ErrorLoggingContext>(options: { log: Logger }): ApolloServerPlugin<TContext> {
  const logAll = (log: Logger, errors: readonly GraphQLError[]) => {
    for (const error of errors) {
      if (isClientSafe(error.extensions)) continue;
      const code = error.extensions?.code;
      log.error('unexpected error', {
        error: describeError(error),
        path: error.path?.join('.'),
        code: typeof code === 'string' ? code : undefined,
      });
    }
  };
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors(requestContext) {
          logAll(requestContext.contextValue.log ?? options.log, requestContext.errors);
        },
      };
    },
    async contextCreationDidFail({ error }) {
      // Refusals (a missing or forged gateway signature) are expected; anything else is a fault.
      if (error instanceof GraphQLError && isClientSafe(error.extensions)) return;
      options.log.error('request context could not be created', { error: describeError(error) });
    },
    async unexpectedErrorProcessingRequest({ requestContext, error }) {
      (requestContext.contextValue.log ?? options.log).error('unexpected error processing a request', { error: describeError(error) });
    },
  };
}
