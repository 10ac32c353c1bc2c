import { GraphQLError } from 'graphql';
import type { FormattedExecutionResult, GraphQLFormattedError } from 'graphql';
import { createErrorMasker } from '../errors.ts';
import type { Logger } from '../log.ts';

/**
 * An execution result as a client may see it, for transports outside Apollo Server (graphql-ws):
 * every error through the same masker as HTTP's `formatError` (catalog codes pass, the rest is
 * INTERNAL_SERVER_ERROR, logged with `log`). An error that is already formatted (a plain object,
 * for example from `ApolloServer.executeOperation`) was masked where it was made and stays as it is.
 * Extensions of the result are dropped: nothing internal rides along.
 */
export function maskExecutionResult(
  result: { data?: unknown; errors?: ReadonlyArray<GraphQLError | GraphQLFormattedError> },
  log: Logger,
): FormattedExecutionResult {
  const errors = result.errors?.length ? maskErrors(result.errors, log) : undefined;
  return {
    ...(result.data !== undefined ? { data: result.data as FormattedExecutionResult['data'] } : {}),
    ...(errors ? { errors } : {}),
  };
}

export function maskErrors(errors: ReadonlyArray<GraphQLError | GraphQLFormattedError>, log: Logger): GraphQLFormattedError[] {
  const mask = createErrorMasker(log);
  return errors.map((error) => {
    if (!(error instanceof GraphQLError)) return error;
    // graphql-ws wraps what an iterator throws in a new GraphQLError: the thrown one holds the code.
    const original = error.originalError instanceof GraphQLError ? error.originalError : error;
    return mask(original.toJSON(), original);
  });
}
