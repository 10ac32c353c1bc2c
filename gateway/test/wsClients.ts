import { createClient } from 'graphql-ws';
import type { Client, FormattedExecutionResult } from 'graphql-ws';
import type { GraphQLFormattedError } from 'graphql';
import WebSocket from 'ws';

export interface Closed {
  code: number;
  reason: string;
}

/** A protocol-level socket: sends connection_init (unless `init` is false) and reports ack and close. */
export function rawSocket(url: string, init: Record<string, unknown> | false) {
  const socket = new WebSocket(url, 'graphql-transport-ws');
  const messages: Array<Record<string, unknown>> = [];
  const closed = new Promise<Closed>((resolve) => socket.on('close', (code, reason) => resolve({ code, reason: reason.toString() })));
  const acked = new Promise<boolean>((resolve) => {
    socket.on('message', (data) => {
      const message = JSON.parse(String(data)) as Record<string, unknown>;
      messages.push(message);
      if (message.type === 'connection_ack') resolve(true);
    });
    void closed.then(() => resolve(false));
  });
  socket.on('error', () => undefined);
  socket.on('open', () => {
    if (init !== false) socket.send(JSON.stringify({ type: 'connection_init', payload: init }));
  });
  return { socket, closed, acked, messages };
}

/** The graphql-ws client as an application uses it (no retries here, so a refusal shows at once). */
export function openClient(url: string, connectionParams: Record<string, unknown>): { client: Client; closed: Promise<Closed> } {
  let resolveClosed: (closed: Closed) => void = () => undefined;
  const closed = new Promise<Closed>((resolve) => (resolveClosed = resolve));
  const client = createClient({
    url,
    webSocketImpl: WebSocket,
    connectionParams,
    lazy: false,
    retryAttempts: 0,
    onNonLazyError: () => undefined,
    on: { closed: (event) => resolveClosed(event as Closed) },
  });
  return { client, closed };
}

export type Result = FormattedExecutionResult<Record<string, unknown>, unknown>;

/** One subscription's events, its end (complete or error) and a way to stop it. */
export function subscribe(client: Client, query: string, variables: Record<string, unknown> = {}) {
  const events: Result[] = [];
  let failure: unknown;
  let waiters: Array<() => void> = [];
  const notify = () => {
    for (const waiter of waiters) waiter();
    waiters = [];
  };
  let ended = false;
  let stop: () => void = () => undefined;
  const done = new Promise<{ events: Result[]; error?: unknown }>((resolve) => {
    const unsubscribe = client.subscribe<Record<string, unknown>, unknown>({ query, variables }, {
      next: (value) => {
        events.push(value);
        notify();
      },
      error: (error) => {
        failure = error;
        ended = true;
        notify();
        resolve({ events, error });
      },
      complete: () => {
        ended = true;
        notify();
        resolve({ events, error: failure });
      },
    });
    stop = unsubscribe;
  });
  return {
    events,
    done,
    unsubscribe: () => stop(),
    /** Resolves when `count` events arrived (or the subscription ended first). */
    async received(count: number, timeoutMs = 10_000): Promise<Result[]> {
      const deadline = Date.now() + timeoutMs;
      while (events.length < count && !ended) {
        if (Date.now() > deadline) throw new Error(`only ${events.length} of ${count} events within ${timeoutMs} ms`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 50);
        });
      }
      return events;
    },
  };
}

export function errorCodes(error: unknown): string[] {
  if (!Array.isArray(error)) return [];
  return (error as GraphQLFormattedError[]).map((e) => String(e.extensions?.code));
}
