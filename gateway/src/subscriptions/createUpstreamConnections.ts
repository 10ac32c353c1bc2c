import { createClient } from 'graphql-ws';
import type { Client, FormattedExecutionResult, Sink, SubscribePayload } from 'graphql-ws';
import { CONTEXT_HEADER } from '../../../subgraphs/kit/src/auth/contextToken.ts';
import type { ContextSigner } from '../../../subgraphs/kit/src/auth/contextToken.ts';
import type { TenantClaims } from '../../../subgraphs/kit/src/auth/claims.ts';
import type { Logger } from '../../../subgraphs/kit/src/log.ts';

/** One event as the subgraph sent it (its errors already masked by the subgraph). */
export type UpstreamEvent = FormattedExecutionResult<Record<string, unknown>, unknown>;

export interface UpstreamConnectionsOptions {
  /** The socket's caller: every upstream connection carries these claims, signed per subgraph. */
  claims: TenantClaims;
  requestId: string;
  signer: ContextSigner;
  /** Subgraph name → its graphql-ws URL. */
  urlOf(subgraph: string): string;
  /** The WebSocket class the client uses (the gateway passes `ws`'s, with a payload cap). */
  webSocketImpl: unknown;
  /** Reconnects after a refused or dropped connection before the subscription fails (graphql-ws re-subscribes). */
  retryAttempts: number;
  /** Wait before reconnect attempt `retries` (0-based); default 0.5 s doubling to at most 5 s, with jitter. */
  retryWait?: (retries: number) => Promise<void>;
  log: Logger;
}

export interface UpstreamConnections {
  /** Starts `payload` on the subgraph; the returned function unsubscribes (once, safely). */
  subscribe(subgraph: string, payload: SubscribePayload, sink: Sink<UpstreamEvent>): () => void;
  /** Sockets to subgraphs open now. */
  openConnections(): number;
  /** Upstream subscriptions not yet ended. */
  activeSubscriptions(): number;
  /** Ends every upstream subscription and connection. */
  dispose(): void;
}

/**
 * One graphql-ws client per (client socket, subgraph): a socket's subscriptions to the same
 * subgraph share one connection, all with the socket's claims (so sharing never mixes callers).
 * The connection opens with the first subscription and closes with the last (`lazy`), and each
 * (re)connect signs a fresh context token for that subgraph (audience = its name) in
 * connection_init. The subgraph verifies it once; the gateway bounds the connection's life by
 * closing the client's socket when the caller's own token expires.
 */
export function createUpstreamConnections(options: UpstreamConnectionsOptions): UpstreamConnections {
  const clients = new Map<string, Client>();
  let open = 0;
  let active = 0;

  function clientFor(subgraph: string): Client {
    const existing = clients.get(subgraph);
    if (existing) return existing;
    let connected = false;
    const client = createClient({
      url: options.urlOf(subgraph),
      webSocketImpl: options.webSocketImpl,
      lazy: true,
      lazyCloseTimeout: 0,
      retryAttempts: options.retryAttempts,
      // A refused connection (a subgraph replica restarting) is worth retrying too, not only a dropped one.
      shouldRetry: () => true,
      retryWait: options.retryWait ?? backoff,
      connectionAckWaitTimeout: 10_000,
      connectionParams: async () => ({ [CONTEXT_HEADER]: await options.signer.sign(options.claims, subgraph, options.requestId) }),
      on: {
        connected: () => {
          connected = true;
          open += 1;
        },
        closed: (event) => {
          if (connected) open -= 1;
          connected = false;
          const code = (event as { code?: number } | undefined)?.code;
          if (code !== undefined && code !== 1000) options.log.info('upstream subscription connection closed', { subgraph, code });
        },
      },
    });
    clients.set(subgraph, client);
    return client;
  }

  return {
    subscribe(subgraph, payload, sink) {
      let ended = false;
      const end = () => {
        if (ended) return false;
        ended = true;
        active -= 1;
        return true;
      };
      active += 1;
      const unsubscribe = clientFor(subgraph).subscribe<Record<string, unknown>, unknown>(payload, {
        next: (value) => {
          if (!ended) sink.next(value);
        },
        error: (error) => {
          if (end()) sink.error(error);
        },
        complete: () => {
          if (end()) sink.complete();
        },
      });
      return () => {
        if (end()) unsubscribe();
      };
    },
    openConnections: () => open,
    activeSubscriptions: () => active,
    dispose() {
      // dispose() awaits a pending connect, which rejects when the subgraph was unreachable: nothing to close then.
      for (const client of clients.values()) Promise.resolve(client.dispose()).catch(() => undefined);
      clients.clear();
    },
  };
}

function backoff(retries: number): Promise<void> {
  const ms = Math.min(500 * 2 ** retries, 5_000) * (0.5 + Math.random());
  return new Promise((resolve) => setTimeout(resolve, ms));
}
