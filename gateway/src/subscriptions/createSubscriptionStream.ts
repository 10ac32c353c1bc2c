import { GraphQLError } from 'graphql';
import type { GraphQLFormattedError } from 'graphql';
import { ErrorCode, PlatformError, isClientSafe } from '../../../subgraphs/kit/src/errors.ts';
import type { GatewayContext } from '../GatewayContext.ts';
import { createBoundedQueue } from './createBoundedQueue.ts';
import type { EventExecutor, EventResult } from './createEventExecutor.ts';
import type { PlannedSubscription } from './createSubscriptionPlanner.ts';
import type { UpstreamConnections, UpstreamEvent } from './createUpstreamConnections.ts';

export interface SubscriptionStreamOptions {
  planned: PlannedSubscription;
  variables: Record<string, unknown> | undefined;
  operationName: string | undefined;
  context: GatewayContext;
  upstream: UpstreamConnections;
  executor: EventExecutor;
  /** Events held for a client that reads slower than they arrive; the oldest go first when full. */
  queueSize: number;
  onDrop: () => void;
  /** Called once when the stream ends for any reason (limits, registries). */
  onEnd: () => void;
}

export type SubscriptionStream = AsyncGenerator<EventResult, undefined>;

const catalogCodes = new Set<string>(Object.values(ErrorCode));

/**
 * One client subscription: the primary fetch runs as an upstream subscription on the owning
 * subgraph, its events wait in a bounded queue, and each is executed (other subgraphs' fields
 * filled) when the client's socket is ready for it, in arrival order. `return()` works at any
 * moment, even while waiting, and frees everything at once: the upstream subscription, the
 * queue, and the limit slot.
 *
 * Slow consumers: graphql-ws pulls the next event only after the previous one was written to the
 * socket (its send resolves on ws's write callback), so a client that reads slowly stops the
 * pulls, not the upstream. Events then wait here, at most `queueSize` of them; beyond that the
 * OLDEST is dropped (stale tokens or progress are worth less than the live ones) and counted.
 * Dropped events are never executed, so they cost no entity fetches either.
 */
export function createSubscriptionStream(options: SubscriptionStreamOptions): SubscriptionStream {
  const { planned, context } = options;
  const queue = createBoundedQueue<UpstreamEvent>({
    capacity: options.queueSize,
    onDrop: (dropped) => {
      options.onDrop();
      // One line per power of two: a stuck client cannot flood the log.
      if ((dropped & (dropped - 1)) === 0) context.log.warn('slow subscriber: dropped its oldest events', { dropped, queueSize: options.queueSize });
    },
  });
  const { primary } = planned;
  const variables: Record<string, unknown> = {};
  for (const name of primary.variableUsages ?? []) {
    if (options.variables && Object.hasOwn(options.variables, name)) variables[name] = options.variables[name];
  }
  const unsubscribe = options.upstream.subscribe(
    primary.serviceName,
    { query: primary.operation, operationName: primary.operationName, variables, extensions: { requestId: context.requestId } },
    {
      next: (event) => queue.push(event),
      error: (error) => queue.fail(upstreamFailure(error, context)),
      complete: () => queue.end(),
    },
  );

  let finished = false;
  const finish = () => {
    if (finished) return;
    finished = true;
    queue.close();
    unsubscribe();
    options.onEnd();
  };
  const done = { done: true, value: undefined } as const;

  const stream: SubscriptionStream = {
    async next() {
      if (finished) return done;
      const item = await queue.pull();
      if (item.done) {
        finish();
        if ('error' in item) throw item.error;
        return done;
      }
      const result = await options.executor.execute(planned, item.value, { variables: options.variables, operationName: options.operationName, context });
      // Returned while this event was executing: the client no longer wants it.
      if (finished) return done;
      return { done: false, value: result };
    },
    async return() {
      finish();
      return done;
    },
    async throw(error: unknown) {
      finish();
      throw error;
    },
    [Symbol.asyncIterator]() {
      return stream;
    },
    async [Symbol.asyncDispose]() {
      finish();
    },
  };
  return stream;
}

/**
 * Why the upstream subscription ended with an error, as the client may see it. A subgraph's
 * own refusal with a catalog code (QUOTA_EXCEEDED, FORBIDDEN...) passes; a lost connection is
 * SERVICE_UNAVAILABLE (subscribe again); anything else is internal (masked and logged later).
 */
function upstreamFailure(error: unknown, context: GatewayContext): GraphQLError {
  if (Array.isArray(error)) {
    const errors = error as GraphQLFormattedError[];
    const typed = errors.find((e) => isClientSafe(e.extensions) && catalogCodes.has(String(e.extensions?.code)));
    if (typed) return new GraphQLError(typed.message, { extensions: typed.extensions });
    return new GraphQLError('upstream refused the subscription', { originalError: new Error(errors.map((e) => e.message).join('; ')) });
  }
  // A CloseEvent (code, reason), an Error, or a socket ErrorEvent (type, message).
  const event = error as { code?: unknown; reason?: unknown; message?: unknown; type?: unknown } | null;
  context.log.warn('upstream subscription failed', {
    code: typeof event?.code === 'number' ? event.code : undefined,
    reason: [event?.reason, event?.message, event?.type].find((v) => typeof v === 'string' && v.length > 0),
  });
  return new PlatformError(ErrorCode.SERVICE_UNAVAILABLE, 'The source of this subscription is unavailable; subscribe again shortly');
}
