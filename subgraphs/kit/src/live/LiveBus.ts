/**
 * Live streams between services (chat tokens, simulation progress): lossy, fast, never stored.
 * Durable facts go through the EventBus; a live subscriber that misses a payload re-derives the
 * state from the store (the final event of a stream is also a durable one).
 */
export interface LiveBus {
  readonly kind: 'nats' | 'memory';
  /** Fire and forget; lossy by design. Payload is JSON-serialisable. Throws only on an invalid subject or payload. */
  publish(subject: string, payload: unknown): void;
  /** Async iterator of payloads; `return()` (or the AbortSignal) unsubscribes and frees everything. */
  subscribe(subject: string, options?: LiveSubscribeOptions): LiveSubscription;
  /** Number of live subscriptions this bus holds (for leak tests). */
  activeSubscriptions(): number;
  /** Ends every open iterator (after what it has buffered) and frees the transport. */
  close(): Promise<void>;
}

export interface LiveSubscribeOptions {
  /** Aborting unsubscribes, as `return()` does. */
  signal?: AbortSignal;
  /**
   * Payloads held for a subscriber that reads slower than they arrive (default 256). When full,
   * the OLDEST payload is dropped and `dropped` counts it: memory stays bounded, the stream stays live.
   */
  bufferSize?: number;
}

/** The iterator `subscribe` returns, with its slow-consumer figures. */
export interface LiveSubscription extends AsyncIterableIterator<unknown> {
  /** Payloads dropped because the buffer was full. */
  readonly dropped: number;
  /** Payloads waiting to be read. Never more than the buffer size. */
  readonly buffered: number;
  /** Unsubscribes and discards what is buffered; pending and later `next()` calls resolve `done`. */
  return(): Promise<IteratorResult<unknown>>;
}

export const DEFAULT_LIVE_BUFFER_SIZE = 256;
const MAX_LIVE_BUFFER_SIZE = 65_536;

/**
 * One subject token: ids and tenant ids are UUIDs, so a narrow charset is enough. It refuses the
 * NATS wildcards `*` and `>`, the separator `.` and whitespace: a value taken from a request can
 * never widen a subscription into another tenant's subjects.
 */
const TOKEN = /^[A-Za-z0-9_-]{1,128}$/;

export function isLiveToken(value: unknown): value is string {
  return typeof value === 'string' && TOKEN.test(value);
}

function token(value: string, what: string): string {
  if (!isLiveToken(value)) throw new TypeError(`invalid ${what} for a live subject: ${JSON.stringify(value)}`);
  return value;
}

/** Every live subject starts with `live.`, so the live bus can never publish into the event streams' subjects. */
export const liveSubjects = {
  conversation: (tenantId: string, conversationId: string) => `live.${token(tenantId, 'tenant id')}.conversation.${token(conversationId, 'conversation id')}`,
  simulation: (tenantId: string, runId: string) => `live.${token(tenantId, 'tenant id')}.simulation.${token(runId, 'run id')}`,
};

/** Checks a whole subject: `live.` then plain tokens only (no wildcard, no empty token). Returns it. */
export function assertLiveSubject(subject: string): string {
  const tokens = typeof subject === 'string' ? subject.split('.') : [];
  if (tokens.length < 2 || tokens[0] !== 'live' || !tokens.every(isLiveToken)) {
    throw new TypeError(`invalid live subject: ${JSON.stringify(subject)} (expected live.<token>..., tokens [A-Za-z0-9_-])`);
  }
  return subject;
}

/** Checks a test prefix (`t_live_ab12`, `a.b`): plain tokens only. */
export function assertSubjectPrefix(prefix: string): string {
  if (!prefix.split('.').every(isLiveToken)) throw new TypeError(`invalid live subject prefix: ${JSON.stringify(prefix)}`);
  return prefix;
}

export function liveBufferSize(bufferSize: number | undefined): number {
  const size = bufferSize ?? DEFAULT_LIVE_BUFFER_SIZE;
  if (!Number.isInteger(size) || size < 1 || size > MAX_LIVE_BUFFER_SIZE) {
    throw new RangeError(`live bufferSize must be an integer from 1 to ${MAX_LIVE_BUFFER_SIZE}, got ${String(bufferSize)}`);
  }
  return size;
}

/** Serialises once at publish, so both implementations refuse the same payloads. */
export function encodeLivePayload(payload: unknown): string {
  const json = JSON.stringify(payload);
  if (json === undefined) throw new TypeError('live payload is not JSON-serialisable');
  return json;
}
