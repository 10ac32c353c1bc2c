import type { HTTPGraphQLRequest } from '@apollo/server';

/** What the persisted-document gate needs from an HTTP GraphQL request, before Apollo reads it. */
export interface GraphQLRequestFields {
  query: string | undefined;
  /** `documentId` (top-level field or search parameter), else the APQ hash; raw, not normalized. */
  documentId: string | undefined;
  operationName: unknown;
  variables: unknown;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function parseJsonParam(value: string | null): unknown {
  if (value === null) return undefined;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return undefined; // Apollo reports the malformed parameter itself
  }
}

function apqHash(extensions: unknown): string | undefined {
  if (!isRecord(extensions) || !isRecord(extensions.persistedQuery)) return undefined;
  const hash = extensions.persistedQuery.sha256Hash;
  return typeof hash === 'string' ? hash : undefined;
}

/** The fields of a POST body or GET search string; null when it is neither (Apollo answers those). */
export function readGraphQLRequest(request: HTTPGraphQLRequest): GraphQLRequestFields | null {
  if (request.method === 'POST') {
    const body = request.body;
    if (!isRecord(body)) return null;
    return {
      query: typeof body.query === 'string' ? body.query : undefined,
      documentId: typeof body.documentId === 'string' ? body.documentId : apqHash(body.extensions),
      operationName: body.operationName,
      variables: body.variables,
    };
  }
  if (request.method === 'GET') {
    const params = new URLSearchParams(request.search);
    return {
      query: params.get('query') ?? undefined,
      documentId: params.get('documentId') ?? apqHash(parseJsonParam(params.get('extensions'))),
      operationName: params.get('operationName') ?? undefined,
      variables: parseJsonParam(params.get('variables')),
    };
  }
  return null;
}

/**
 * The same request carrying `query` (the stored text) in place of what the client sent: no
 * `documentId`, no `extensions`, so Apollo's APQ never registers anything from it.
 */
export function withQuery(request: HTTPGraphQLRequest, fields: GraphQLRequestFields, query: string): HTTPGraphQLRequest {
  if (request.method === 'GET') {
    const params = new URLSearchParams({ query });
    if (typeof fields.operationName === 'string') params.set('operationName', fields.operationName);
    if (fields.variables !== undefined) params.set('variables', JSON.stringify(fields.variables));
    return { ...request, search: `?${params.toString()}` };
  }
  const body: Record<string, unknown> = { query };
  if (fields.operationName !== undefined) body.operationName = fields.operationName;
  if (fields.variables !== undefined) body.variables = fields.variables;
  return { ...request, body };
}
