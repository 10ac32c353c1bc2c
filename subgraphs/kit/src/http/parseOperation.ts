import { GraphQLError, getOperationAST, parse, specifiedRules, validate } from 'graphql';
import type { DocumentNode, GraphQLSchema, OperationDefinitionNode, ValidationRule } from 'graphql';
import { ErrorCode, PlatformError } from '../errors.ts';

export type ParsedOperation =
  | { ok: true; document: DocumentNode; operation: OperationDefinitionNode }
  | { ok: false; errors: GraphQLError[] };

/**
 * Parse, validate and pick the operation, with the codes Apollo Server gives the same mistakes
 * over HTTP (GRAPHQL_PARSE_FAILED, GRAPHQL_VALIDATION_FAILED, OPERATION_RESOLUTION_FAILURE), for
 * the transports that do not pass through Apollo Server (graphql-ws). Errors carry a public code,
 * so the error masker shows them as they are.
 */
export function parseOperation(
  schema: GraphQLSchema,
  query: unknown,
  operationName: string | null | undefined,
  rules: readonly ValidationRule[] = specifiedRules,
  options: { maxTokens?: number } = {},
): ParsedOperation {
  if (typeof query !== 'string' || query.length === 0) {
    return { ok: false, errors: [new PlatformError(ErrorCode.BAD_REQUEST, 'Send the operation text in `query`')] };
  }
  let document: DocumentNode;
  try {
    document = parse(query, options.maxTokens === undefined ? undefined : { maxTokens: options.maxTokens });
  } catch (error) {
    if (!(error instanceof GraphQLError)) throw error;
    return { ok: false, errors: [coded(error, 'GRAPHQL_PARSE_FAILED')] };
  }
  const invalid = validate(schema, document, rules);
  if (invalid.length > 0) return { ok: false, errors: invalid.map((error) => coded(error, 'GRAPHQL_VALIDATION_FAILED')) };
  const operation = getOperationAST(document, operationName ?? undefined);
  if (!operation) {
    const message = operationName ? `Unknown operation named "${operationName}".` : 'Must provide operation name if query contains multiple operations.';
    return { ok: false, errors: [new GraphQLError(message, { extensions: { code: 'OPERATION_RESOLUTION_FAILURE' } })] };
  }
  return { ok: true, document, operation };
}

function coded(error: GraphQLError, code: string): GraphQLError {
  return new GraphQLError(error.message, { nodes: error.nodes, source: error.source, positions: error.positions, extensions: { code } });
}
