import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PlanNode, SubscriptionNode } from '@apollo/query-planner';
import { describe, expect, it } from 'vitest';
import { EVENT_SERVICE, createSubscriptionPlanner } from '../src/subscriptions/createSubscriptionPlanner.ts';

// The two subscriptions, planned over the committed supergraph with Apollo's planner.
const planner = createSubscriptionPlanner({ supergraphSdl: readFileSync(join(import.meta.dirname, '..', '..', 'schema', 'supergraph.graphql'), 'utf8') });

const CHAT = /* GraphQL */ `
  subscription Chat($conversationId: ID!) {
    messageStream(conversationId: $conversationId) {
      ... on MessageToken { messageId index text }
      ... on MessageCompleted { message { id content tokenCount conversation { title model { name provider } } } }
    }
  }
`;
const PROGRESS = /* GraphQL */ `
  subscription Progress($id: ID!) {
    simulationProgress(id: $id) {
      simulation { id status tenant { name plan } }
      completedIterations totalIterations percent
      running { mean stdDev }
      result { mean p5 p50 p95 }
    }
  }
`;

function fetchServices(node: PlanNode | SubscriptionNode | undefined): string[] {
  if (!node) return [];
  switch (node.kind) {
    case 'Fetch':
      return [node.serviceName];
    case 'Sequence':
    case 'Parallel':
      return node.nodes.flatMap(fetchServices);
    case 'Flatten':
      return fetchServices(node.node);
    case 'Condition':
      return [...fetchServices(node.ifClause), ...fetchServices(node.elseClause)];
    default:
      return [];
  }
}

describe('createSubscriptionPlanner over the supergraph', () => {
  it.each([
    ['Chat', CHAT, 'conversations', ['models']],
    ['Progress', PROGRESS, 'simulations', ['tenants']],
  ])('plans %s: the root field on its owner, foreign fields per event through _entities', (_name, query, owner, others) => {
    const result = planner.plan(query, undefined);
    if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('; '));
    const { planned } = result;
    expect(planned.kind).toBe('subscription');
    if (planned.kind !== 'subscription') return;
    expect(planned.primary.serviceName).toBe(owner);
    expect(planned.primary.operationKind).toBe('subscription');
    // Per event: the primary answered by the event, then the other subgraphs.
    expect(fetchServices(planned.eventPlan.node)).toEqual([EVENT_SERVICE, ...others]);
  });

  it('refuses invalid documents with typed errors, and leaves queries to the normal executor', () => {
    const invalid = planner.plan('subscription { messageStream(conversationId: "c") { nope } }', undefined);
    expect(invalid.ok).toBe(false);
    if (!invalid.ok) expect(invalid.errors.map((e) => e.extensions.code)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    const unparsable = planner.plan('subscription {', undefined);
    if (!unparsable.ok) expect(unparsable.errors.map((e) => e.extensions.code)).toEqual(['GRAPHQL_PARSE_FAILED']);
    const unknownName = planner.plan(PROGRESS, 'Nope');
    if (!unknownName.ok) expect(unknownName.errors.map((e) => e.extensions.code)).toEqual(['OPERATION_RESOLUTION_FAILURE']);
    expect([invalid.ok, unparsable.ok, unknownName.ok]).toEqual([false, false, false]);
    const query = planner.plan('{ __typename }', undefined);
    expect(query.ok && query.planned.kind).toBe('query');
  });

  it('caches plans by document and operation name', () => {
    const first = planner.plan(PROGRESS, 'Progress');
    const second = planner.plan(PROGRESS, 'Progress');
    expect(first.ok && second.ok && first.planned === second.planned).toBe(true);
  });
});

describe('admission before planning', () => {
  it('refuses through `admit` before planning, also for a document whose plan is cached, and caches nothing refused', async () => {
    const { GraphQLError } = await import('graphql');
    const own = createSubscriptionPlanner({ supergraphSdl: readFileSync(join(import.meta.dirname, '..', '..', 'schema', 'supergraph.graphql'), 'utf8') });
    const seen: string[] = [];
    const refuse = (_document: unknown, operation: { name?: { value: string } }) => {
      seen.push(operation.name?.value ?? '');
      return new GraphQLError('too much', { extensions: { code: 'OPERATION_TOO_COMPLEX' } });
    };
    const refused = own.plan(PROGRESS, 'Progress', refuse);
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.errors[0]!.extensions.code).toBe('OPERATION_TOO_COMPLEX');
    // Planned and cached once admitted; the cached plan still asks `admit` every time.
    expect(own.plan(PROGRESS, 'Progress', () => null).ok).toBe(true);
    expect(own.plan(PROGRESS, 'Progress', refuse).ok).toBe(false);
    expect(seen).toEqual(['Progress', 'Progress']);
  });
});
