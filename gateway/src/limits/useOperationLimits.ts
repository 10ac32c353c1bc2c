import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { operationTooComplex } from './measureOperation.ts';
import type { OperationLimits } from './measureOperation.ts';

/**
 * Refuses an operation deeper, more aliased or costlier than `limits` once Apollo Server has
 * parsed, validated and resolved it (variables are known then, so `first: $n` counts as its value),
 * before anything is planned or sent to a subgraph: OPERATION_TOO_COMPLEX, HTTP 400. The token
 * limit is the parser's (`parseOptions.maxTokens`); the graphql-ws path applies the same checks.
 */
export function useOperationLimits<TContext extends BaseContext>(limits: OperationLimits): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          if (!operation) return;
          const refused = operationTooComplex(schema, document, operation, request.variables, limits);
          if (refused) throw refused;
        },
      };
    },
  };
}
