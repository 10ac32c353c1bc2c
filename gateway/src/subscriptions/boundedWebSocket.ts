import WebSocket from 'ws';

/**
 * The `ws` client class with a cap on what a subgraph may send in one message (ws's default is
 * 100 MiB) and no compression, for graphql-ws's `webSocketImpl` (which wants a class it can `new`
 * with (url, protocol) and read OPEN/CLOSED from).
 */
export function boundedWebSocket(maxPayloadBytes: number) {
  return class BoundedWebSocket extends WebSocket {
    constructor(address: string | URL, protocols?: string | string[]) {
      super(address, protocols, { maxPayload: maxPayloadBytes, perMessageDeflate: false });
    }
  };
}
