import { HeaderMap } from '@apollo/server';
import type { ApolloServer, BaseContext } from '@apollo/server';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from '../log.ts';
import { ErrorCode } from '../errors.ts';

/**
 * A thin node:http adapter for Apollo Server (the same role as graphql-ws's `useServer`): it
 * knows HTTP, Apollo knows GraphQL. Routes: the GraphQL path, GET /health, 404 for the rest.
 */
export interface GraphQLHandlerOptions<TContext extends BaseContext> {
  server: ApolloServer<TContext>;
  context: (req: IncomingMessage) => Promise<TContext>;
  log: Logger;
  path?: string;
  /** Resolves true when the service can serve traffic (its stores, or for the gateway its subgraphs). */
  health?: () => Promise<{ ok: boolean; details?: Record<string, unknown> }>;
  maxBodyBytes?: number;
}

export class BodyTooLargeError extends Error {}

export function readBody(req: IncomingMessage, limit: number): Promise<string> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) {
    req.resume(); // discard, so the 413 can still be written on this connection
    return Promise.reject(new BodyTooLargeError(`request body exceeds ${limit} bytes`));
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.off('data', onData);
        req.resume();
        reject(new BodyTooLargeError(`request body exceeds ${limit} bytes`));
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (res.headersSent) return;
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

export function requestError(res: ServerResponse, status: number, code: string, message: string): void {
  sendJson(res, status, { errors: [{ message, extensions: { code } }] });
}

export function createGraphQLHandler<TContext extends BaseContext>(options: GraphQLHandlerOptions<TContext>) {
  const path = options.path ?? '/graphql';
  const maxBodyBytes = options.maxBodyBytes ?? 1024 * 1024;
  const { server, log } = options;

  return async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    try {
      if (url.pathname === '/health' && (req.method === 'GET' || req.method === 'HEAD')) {
        const health = options.health ? await options.health() : { ok: true };
        sendJson(res, health.ok ? 200 : 503, { status: health.ok ? 'ok' : 'unavailable', ...health.details });
        return;
      }
      if (url.pathname !== path) {
        requestError(res, 404, 'NOT_FOUND', `No route for ${url.pathname}`);
        return;
      }
      const headers = new HeaderMap();
      for (const [key, value] of Object.entries(req.headers)) {
        if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
      }
      let body: unknown = undefined;
      if (req.method === 'POST') {
        const text = await readBody(req, maxBodyBytes);
        if ((headers.get('content-type') ?? '').includes('application/json')) {
          try {
            body = text.length > 0 ? JSON.parse(text) : undefined;
          } catch {
            requestError(res, 400, ErrorCode.BAD_REQUEST, 'Request body is not valid JSON');
            return;
          }
        } else {
          body = text;
        }
      }
      const response = await server.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: req.method ?? 'GET', headers, search: url.search, body },
        context: () => options.context(req),
      });
      const outHeaders: Record<string, string> = {};
      for (const [key, value] of response.headers) outHeaders[key] = value;
      res.writeHead(response.status ?? 200, outHeaders);
      if (response.body.kind === 'complete') {
        res.end(response.body.string);
        return;
      }
      for await (const chunk of response.body.asyncIterator) res.write(chunk);
      res.end();
    } catch (error) {
      if (error instanceof BodyTooLargeError) {
        res.setHeader('connection', 'close');
        requestError(res, 413, ErrorCode.PAYLOAD_TOO_LARGE, error.message);
        return;
      }
      log.error('http handler failed', { error: error instanceof Error ? error.message : String(error), path: url.pathname });
      requestError(res, 500, ErrorCode.INTERNAL_SERVER_ERROR, 'Internal server error');
    }
  };
}
