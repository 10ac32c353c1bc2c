import { createClient } from 'graphql-ws';
import type { Client } from 'graphql-ws';
import { print } from 'graphql';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import WebSocket from 'ws';

/** A graphql-ws client on the gateway's /graphql, authenticated in connection_init. */
export function wsClient(httpUrl: string, token: string | null): Client & { closed: Promise<{ code: number; reason: string }> } {
  let resolveClosed: (event: { code: number; reason: string }) => void = () => {};
  const closed = new Promise<{ code: number; reason: string }>((resolve) => (resolveClosed = resolve));
  const client = createClient({
    url: httpUrl.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    lazy: true,
    retryAttempts: 0,
    connectionParams: token ? { authorization: `Bearer ${token}` } : {},
    on: {
      closed: (event) => {
        const e = event as { code?: number; reason?: string };
        resolveClosed({ code: e.code ?? 0, reason: e.reason ?? '' });
      },
    },
  });
  return Object.assign(client, { closed });
}

/** Collects the events of one subscription until it completes, errors, or `until` says stop. */
export async function collect<TData, TVariables extends Record<string, unknown>>(
  client: Client,
  document: TypedDocumentNode<TData, TVariables>,
  variables: TVariables,
  options: { until?: (data: TData) => boolean; timeoutMs?: number; onFirst?: () => void | Promise<void> } = {},
): Promise<{ events: TData[]; errors: unknown[] }> {
  const events: TData[] = [];
  const errors: unknown[] = [];
  const iterator = client.iterate<TData, Record<string, unknown>>({ query: print(document), variables });
  const timer = setTimeout(() => void iterator.return?.(), options.timeoutMs ?? 30_000);
  let first = true;
  try {
    for await (const result of iterator) {
      if (result.errors) errors.push(...result.errors);
      if (result.data) {
        events.push(result.data);
        if (first) {
          first = false;
          await options.onFirst?.();
        }
        if (options.until?.(result.data)) break;
      }
    }
  } catch (error) {
    errors.push(error);
  } finally {
    clearTimeout(timer);
  }
  return { events, errors };
}
