import type { Server } from 'node:http';
import type { ConnectionInitMessage, ServerOptions } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import type { Extra } from 'graphql-ws/use/ws';
import { WebSocket, WebSocketServer } from 'ws';
import type { Logger } from '../log.ts';

export interface GraphQLWsTransportOptions {
  /** The HTTP path sockets upgrade on (default `/graphql`, the same as HTTP's). */
  path?: string;
  /** Largest message a client may send, in bytes (default 64 KiB; `ws` defaults to 100 MiB). Larger closes with 1009. */
  maxPayloadBytes?: number;
  /** Interval of ws-level pings that find dead peers (default 12 s, graphql-ws's). */
  keepAliveMs?: number;
  /** On dispose, how long sockets get to finish their closing handshake before they are cut (default 3 s). */
  closeGraceMs?: number;
  /**
   * Where a socket's errors go (a client's oversized or malformed frame, a reset connection).
   * Without it graphql-ws prints them to stderr as internal errors.
   */
  log?: Logger;
}

export interface AttachedGraphQLWs {
  /** Sockets currently open on this path. */
  openSockets(): number;
  /** Stops accepting upgrades, closes every socket with 1001 (their operations end), and resolves once they are gone. */
  dispose(): Promise<void>;
}

/**
 * The thin `ws` adapter for a transport-free graphql-ws server (graphql-ws's own `useServer`):
 * it knows WebSockets, the options know GraphQL. It shares the HTTP server, so one port serves
 * both. Call `dispose` before closing the HTTP server: upgraded sockets are no longer HTTP
 * requests, and `server.close()` would wait for them forever.
 */
export function attachGraphQLWs<P extends ConnectionInitMessage['payload'] = ConnectionInitMessage['payload']>(
  server: Server,
  options: ServerOptions<P, Extra>,
  transport: GraphQLWsTransportOptions = {},
): AttachedGraphQLWs {
  const wss = new WebSocketServer({
    server,
    path: transport.path ?? '/graphql',
    maxPayload: transport.maxPayloadBytes ?? 64 * 1024,
    // Compression lets a small frame inflate into a large message: off, as ws's server default.
    perMessageDeflate: false,
  });
  // Close reasons never carry internal messages, whatever NODE_ENV says.
  const served = useServer<P>({ ...options, isProd: true }, wss, transport.keepAliveMs ?? 12_000);
  const log = transport.log;
  if (log) {
    // Registered after graphql-ws's own connection handler: its console.error listener for socket
    // errors is swapped for a log line. These errors come from the client or the network (ws has
    // already closed the socket with the fitting code, 1009 for an oversized message), not from us.
    wss.on('connection', (socket, request) => {
      socket.removeAllListeners('error');
      socket.on('error', (error: Error & { code?: string }) => {
        log.warn('websocket error', { error: error.message, code: error.code, remote: request.socket.remoteAddress });
        if (socket.readyState === WebSocket.OPEN) socket.close(1011, 'Internal server error');
      });
    });
  }
  let disposing: Promise<void> | undefined;
  return {
    openSockets: () => wss.clients.size,
    dispose() {
      disposing ??= (async () => {
        const cut = setTimeout(() => {
          for (const socket of wss.clients) socket.terminate();
        }, transport.closeGraceMs ?? 3_000);
        cut.unref();
        try {
          // Closes each socket with 1001 and resolves when the last one is gone.
          await served.dispose();
        } finally {
          clearTimeout(cut);
        }
      })();
      return disposing;
    },
  };
}
