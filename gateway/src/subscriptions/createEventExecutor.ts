import { executeQueryPlan } from '@apollo/gateway';
import type { GraphQLDataSource } from '@apollo/gateway';
import { GraphQLError } from 'graphql';
import type { GraphQLFormattedError } from 'graphql';
import type { Logger } from '../../../subgraphs/kit/src/log.ts';
import type { GatewayContext } from '../GatewayContext.ts';
import { EVENT_SERVICE } from './createSubscriptionPlanner.ts';
import type { PlannedSubscription, SubscriptionPlanner } from './createSubscriptionPlanner.ts';
import type { UpstreamEvent } from './createUpstreamConnections.ts';

type RequestContext = Parameters<typeof executeQueryPlan>[2];

export interface EventResult {
  data?: Record<string, unknown> | null;
  errors?: readonly GraphQLError[];
}

export interface EventExecutor {
  /** One upstream event → the client's result: fields of other subgraphs filled, shaped to the client's selection. */
  execute(planned: PlannedSubscription, event: UpstreamEvent, request: EventRequest): Promise<EventResult>;
}

export interface EventRequest {
  variables: Record<string, unknown> | undefined;
  operationName: string | undefined;
  context: GatewayContext;
}

/**
 * Runs an event through Apollo's own executor: the plan is `Sequence[primary, rest]` where the
 * primary fetch's service answers with the event (no network) and every other service is the
 * gateway's signed data source, as for a query. So entity fields of other subgraphs resolve
 * through the normal federated path, with the same claims, batching and result shaping.
 */
export function createEventExecutor(options: {
  planner: SubscriptionPlanner;
  /** Subgraph name → the same signed data sources HTTP queries use. */
  dataSources: Readonly<Record<string, GraphQLDataSource>>;
}): EventExecutor {
  const { planner, dataSources } = options;
  return {
    async execute(planned, event, request) {
      // The subgraph refused or failed the stream itself (for example NOT_FOUND before any event).
      if (event.data === undefined || event.data === null) {
        return { data: null, errors: (event.errors ?? [{ message: 'The subscription source sent an empty event' }]).map(fromFormatted) };
      }
      const answer: GraphQLDataSource = { process: async () => ({ data: event.data, errors: event.errors }) };
      const serviceMap = { ...dataSources, [EVENT_SERVICE]: answer };
      const requestContext = {
        request: { variables: request.variables, operationName: request.operationName },
        context: request.context,
        logger: apolloLogger(request.context.log),
        schema: planner.schema,
        document: planned.document,
        operation: planned.operation,
        operationName: request.operationName ?? null,
        metrics: {},
      } as unknown as RequestContext;
      try {
        const result = await executeQueryPlan(planned.eventPlan, serviceMap, requestContext, planned.operationContext, planner.supergraphSchema, planner.apiSchema);
        if (result.extensions) request.context.log.debug('event result extensions dropped', { keys: Object.keys(result.extensions) });
        return { data: (result.data ?? null) as Record<string, unknown> | null, ...(result.errors?.length ? { errors: result.errors } : {}) };
      } catch (error) {
        return { data: null, errors: [new GraphQLError('event execution failed', { originalError: error instanceof Error ? error : new Error(String(error)) })] };
      }
    },
  };
}

/** A subgraph's (already masked) error, with its code and path; its locations point into the subgraph's query, so they go. */
function fromFormatted(error: GraphQLFormattedError): GraphQLError {
  return new GraphQLError(error.message, { path: error.path, extensions: error.extensions });
}

function apolloLogger(log: Logger) {
  return {
    debug: (message: unknown) => log.debug(String(message)),
    info: (message: unknown) => log.info(String(message)),
    warn: (message: unknown) => log.warn(String(message)),
    error: (message: unknown) => log.error(String(message)),
  };
}
