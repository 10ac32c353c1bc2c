import { buildOperationContext } from '@apollo/gateway';
import { Supergraph, operationFromDocument } from '@apollo/federation-internals';
import type { Schema } from '@apollo/federation-internals';
import { QueryPlanner } from '@apollo/query-planner';
import type { FetchNode, PlanNode, QueryPlan } from '@apollo/query-planner';
import type { DocumentNode, GraphQLError, GraphQLSchema, OperationDefinitionNode } from 'graphql';
import { parseOperation } from '../../../subgraphs/kit/src/http/parseOperation.ts';

type OperationContext = ReturnType<typeof buildOperationContext>;

/** The name the primary fetch gets in an event's plan: its "service" answers with the event, not the network. */
export const EVENT_SERVICE = '__subscription_event__';

export interface PlannedSubscription {
  kind: 'subscription';
  document: DocumentNode;
  operation: OperationDefinitionNode;
  operationContext: OperationContext;
  /** The root field's fetch, opened against its owning subgraph as a graphql-ws subscription. */
  primary: FetchNode;
  /** What runs per event: the primary (answered with the event) then the entity fetches of other subgraphs. */
  eventPlan: QueryPlan;
}

export interface PlannedOperation {
  kind: 'query' | 'mutation';
  document: DocumentNode;
  operation: OperationDefinitionNode;
}

export type PlanResult = { ok: true; planned: PlannedSubscription | PlannedOperation } | { ok: false; errors: GraphQLError[] };

export interface SubscriptionPlanner {
  /** The API schema (what clients see) as graphql-js, for validation and execution arguments. */
  readonly schema: GraphQLSchema;
  /** What `executeQueryPlan` needs besides the plan. */
  readonly supergraphSchema: GraphQLSchema;
  readonly apiSchema: Schema;
  /** Subgraph name → the URL the supergraph names for it. */
  readonly subgraphs: ReadonlyArray<{ name: string; url: string }>;
  /**
   * Parses and validates against the API schema (typed errors), then plans a subscription.
   * `admit` sees the parsed operation first (also when its plan is cached) and may refuse it:
   * nothing is planned or cached for a refused document.
   */
  plan(query: unknown, operationName: string | null | undefined, admit?: (document: DocumentNode, operation: OperationDefinitionNode) => GraphQLError | null): PlanResult;
}

/**
 * Plans with Apollo's own query planner over the same supergraph as the gateway. For a
 * subscription the planner returns a `Subscription` node: `primary` (the root field, with the
 * keys of foreign entities) and `rest` (the `_entities` fetches). `@apollo/gateway` refuses to
 * execute that node; we open `primary` as a subscription and, per event, execute
 * `Sequence[primary, rest]` with Apollo's executor, the primary answered by the event itself.
 * Plans are cached by document and operation name (bounded, oldest first out).
 */
export function createSubscriptionPlanner(options: { supergraphSdl: string; maxCachedPlans?: number; maxTokens?: number }): SubscriptionPlanner {
  const supergraph = Supergraph.build(options.supergraphSdl);
  const apiSchema = supergraph.apiSchema();
  const schema = apiSchema.toGraphQLJSSchema();
  const supergraphSchema = supergraph.schema.toGraphQLJSSchema();
  const planner = new QueryPlanner(supergraph);
  const maxCached = options.maxCachedPlans ?? 500;
  const cache = new Map<string, PlannedSubscription | PlannedOperation>();

  function planParsed(document: DocumentNode, operation: OperationDefinitionNode, operationName: string | undefined): PlannedSubscription | PlannedOperation {
    if (operation.operation !== 'subscription') return { kind: operation.operation, document, operation };
    const plan = planner.buildQueryPlan(operationFromDocument(apiSchema, document, { operationName }));
    if (plan.node?.kind !== 'Subscription') throw new Error(`the planner returned a ${plan.node?.kind ?? 'empty'} plan for a subscription`);
    const { primary, rest } = plan.node;
    const answered: FetchNode = { ...primary, serviceName: EVENT_SERVICE };
    const node: PlanNode = rest ? { kind: 'Sequence', nodes: [answered, rest] } : answered;
    return {
      kind: 'subscription',
      document,
      operation,
      operationContext: buildOperationContext({ schema, operationDocument: document, operationName }),
      primary,
      eventPlan: { kind: 'QueryPlan', node },
    };
  }

  return {
    schema,
    supergraphSchema,
    apiSchema,
    subgraphs: supergraph.subgraphsMetadata(),
    plan(query, operationName, admit) {
      const key = typeof query === 'string' ? `${operationName ?? ''}\u0000${query}` : null;
      const hit = key === null ? undefined : cache.get(key);
      if (hit && key !== null) {
        const refused = admit?.(hit.document, hit.operation);
        if (refused) return { ok: false, errors: [refused] };
        cache.delete(key);
        cache.set(key, hit);
        return { ok: true, planned: hit };
      }
      const parsed = parseOperation(schema, query, operationName, undefined, { maxTokens: options.maxTokens });
      if (!parsed.ok) return parsed;
      const refused = admit?.(parsed.document, parsed.operation);
      if (refused) return { ok: false, errors: [refused] };
      const planned = planParsed(parsed.document, parsed.operation, operationName ?? undefined);
      if (key !== null) {
        if (cache.size >= maxCached) cache.delete(cache.keys().next().value!);
        cache.set(key, planned);
      }
      return { ok: true, planned };
    },
  };
}
