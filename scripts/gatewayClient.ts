/** A minimal GraphQL-over-HTTP client for scripts that talk to the gateway as a user would. */
export interface GatewayClient {
  request<TData>(query: string, variables: Record<string, unknown>, token: string): Promise<TData>;
}

export class GatewayRequestError extends Error {
  readonly codes: readonly string[];
  constructor(message: string, codes: readonly string[] = []) {
    super(message);
    this.name = 'GatewayRequestError';
    this.codes = codes;
  }
}

interface GraphQLBody<TData> {
  data?: TData | null;
  errors?: Array<{ message: string; path?: unknown[]; extensions?: { code?: unknown } }>;
}

export function createGatewayClient(url: string, options: { timeoutMs?: number } = {}): GatewayClient {
  const timeoutMs = options.timeoutMs ?? 30_000;
  return {
    async request<TData>(query: string, variables: Record<string, unknown>, token: string) {
      let response: Response;
      try {
        response = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ query, variables }),
          signal: AbortSignal.timeout(timeoutMs),
        });
      } catch (error) {
        const reason = error instanceof Error ? ((error.cause as Error | undefined)?.message ?? error.message) : String(error);
        throw new GatewayRequestError(`cannot reach the gateway at ${url} (${reason}); is it running (npm start)?`);
      }
      const text = await response.text();
      let body: GraphQLBody<TData>;
      try {
        body = JSON.parse(text) as GraphQLBody<TData>;
      } catch {
        throw new GatewayRequestError(`the gateway at ${url} answered ${response.status} with a non-JSON body: ${text.slice(0, 200)}`);
      }
      if (body.errors && body.errors.length > 0) {
        const codes = body.errors.map((e) => String(e.extensions?.code ?? 'UNKNOWN'));
        const detail = body.errors.map((e) => `${e.message} [${String(e.extensions?.code ?? 'UNKNOWN')}${e.path ? ` at ${e.path.join('.')}` : ''}]`);
        throw new GatewayRequestError(detail.join('; '), codes);
      }
      if (!response.ok || body.data == null) throw new GatewayRequestError(`the gateway at ${url} answered ${response.status} without data`);
      return body.data;
    },
  };
}
