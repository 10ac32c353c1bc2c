import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { ApolloClient, ApolloLink, CombinedGraphQLErrors, HttpLink, InMemoryCache } from '@apollo/client';
import type { OperationVariables } from '@apollo/client';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { createClient } from 'graphql-ws';
import type { Client } from 'graphql-ws';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import WebSocket from 'ws';
import {
  ChatDocument,
  CreateConversationDocument,
  CreateModelDocument,
  CreateProviderDocument,
  CreateTenantDocument,
  ProgressDocument,
  SendMessageDocument,
  SetRoutingPolicyDocument,
  StartSimulationDocument,
  TenantOverviewDocument,
} from './generated/graphql.ts';
import { bearer, request } from './harness/graphqlClient.ts';
import { liveSubscriptions, startStack } from './harness/startStack.ts';
import type { Stack } from './harness/startStack.ts';

/**
 * The gateway as a browser app sees it: one Apollo Client, queries and mutations over HTTP with
 * the bearer token, subscriptions over graphql-ws on the same /graphql with the token in
 * connection_init, split by operation type. Apollo adds `__typename` to every selection set, so
 * this also proves the federated subscription path shapes events the way a stock client asks.
 */
describe('Apollo Client through the gateway', () => {
  let stack: Stack;
  let client: ApolloClient;
  let ws: Client;
  let conversationId: string;
  let tenantName: string;

  const ok = async <T,>(promise: Promise<{ data?: T | null; errors?: unknown[] }>): Promise<T> => {
    const result = await promise;
    if (result.errors?.length || !result.data) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors)}\n${stack.logs()}`);
    return result.data;
  };

  /** Runs a mutation through the Apollo client; no cache, so each result is what the gateway sent. */
  const mutate = async <TData, TVariables extends OperationVariables>(
    mutation: TypedDocumentNode<TData, TVariables>,
    variables: TVariables,
  ): Promise<TData> => {
    const result = await client.mutate<TData, TVariables>({ mutation, variables, fetchPolicy: 'no-cache' });
    if (result.error || !result.data) throw new Error(`mutation failed: ${String(result.error)}\n${stack.logs()}`);
    return result.data as TData;
  };

  /** Collects a subscription's events until it completes, errors, `until` says stop, or the timeout. */
  const follow = <TData, TVariables extends OperationVariables>(
    query: TypedDocumentNode<TData, TVariables>,
    variables: TVariables,
    options: { until?: (data: TData) => boolean; timeoutMs: number },
  ): Promise<{ events: TData[]; errors: unknown[]; completed: boolean }> =>
    new Promise((resolve) => {
      const events: TData[] = [];
      const errors: unknown[] = [];
      let completed = false;
      const finish = () => {
        clearTimeout(timer);
        subscription.unsubscribe();
        resolve({ events, errors, completed });
      };
      const timer = setTimeout(() => {
        errors.push(new Error(`no end within ${options.timeoutMs} ms after ${events.length} events`));
        finish();
      }, options.timeoutMs);
      const subscription = client
        .subscribe<TData, TVariables>({ query, variables, fetchPolicy: 'no-cache' })
        .subscribe({
          next: (result) => {
            if (result.error) errors.push(result.error);
            if (result.data) {
              events.push(result.data as TData);
              if (options.until?.(result.data as TData)) finish();
            }
          },
          error: (error: unknown) => {
            errors.push(error);
            finish();
          },
          complete: () => {
            completed = true;
            finish();
          },
        });
    });

  beforeAll(async () => {
    stack = await startStack();
    const operator = await stack.token({ platform_admin: true });
    tenantName = 'Umbrella';
    const { createTenant } = await ok(
      request(stack.gatewayUrl, CreateTenantDocument, { input: { slug: `umbrella-${randomUUID().slice(0, 6)}`, name: tenantName, plan: 'PROFESSIONAL' } }, bearer(operator)),
    );
    const token = await stack.token({ tenant_id: createTenant.id, roles: ['admin'], sub: randomUUID() });

    ws = createClient({
      url: stack.gatewayUrl.replace(/^http/, 'ws'),
      webSocketImpl: WebSocket,
      lazy: true,
      retryAttempts: 0,
      connectionParams: { authorization: `Bearer ${token}` },
    });
    client = new ApolloClient({
      cache: new InMemoryCache(),
      link: ApolloLink.split(
        ({ operationType }) => operationType === 'subscription',
        new GraphQLWsLink(ws),
        new HttpLink({ uri: stack.gatewayUrl, headers: bearer(token) }),
      ),
    });

    const { createProvider } = await mutate(CreateProviderDocument, { input: { name: 'Built-in', kind: 'BUILTIN' } });
    const { createModel } = await mutate(CreateModelDocument, { input: { providerId: createProvider.id, name: 'dialog-flow-1' } });
    await mutate(SetRoutingPolicyDocument, { input: { defaultModelId: createModel.id } });
    conversationId = (await mutate(CreateConversationDocument, { input: { title: 'Refund for order #77' } })).createConversation.id;
  }, 240_000);

  afterAll(async () => {
    client?.stop();
    await ws?.dispose();
    await stack?.stop();
  });

  it('streams chat tokens in order, ending with the stored message and its model from another subgraph', async () => {
    const conversations = stack.subgraphUrls.conversations!;
    await expect.poll(() => liveSubscriptions(conversations)).toBe(0); // nothing else follows a conversation
    const streamed = follow(ChatDocument, { conversationId }, {
      until: (data) => data.messageStream.__typename === 'MessageCompleted',
      timeoutMs: 60_000,
    });
    // graphql-ws has no "subscribed" acknowledgement and tokens are live only: send the message once
    // the conversations subgraph has subscribed to the conversation's live subject.
    await expect.poll(() => liveSubscriptions(conversations), { message: 'the chat stream never reached the conversations subgraph' }).toBe(1);
    const { sendMessage } = await mutate(SendMessageDocument, { conversationId, content: 'I would like a refund for order #77' });
    expect(sendMessage.role).toBe('USER');

    const { events, errors } = await streamed;
    expect(errors).toEqual([]);
    const tokens = events.flatMap((e) => (e.messageStream.__typename === 'MessageToken' ? [e.messageStream] : []));
    const last = events.at(-1)?.messageStream;
    if (last?.__typename !== 'MessageCompleted') throw new Error(`the stream ended without the completed message: ${JSON.stringify(events)}`);
    expect(tokens.length).toBeGreaterThan(1);
    expect(tokens.map((t) => t.index)).toEqual(tokens.map((_, i) => i));
    expect(new Set(tokens.map((t) => t.messageId))).toEqual(new Set([last.message.id]));
    expect(last.message.content).toBe(tokens.map((t) => t.text).join(''));
    expect(last.message.tokenCount).toBeGreaterThan(0);
    expect(last.message.conversation).toMatchObject({ title: 'Refund for order #77', model: { name: 'dialog-flow-1', provider: 'BUILTIN' } });
  });

  it('follows a simulation started by the same client until the result, with the tenant filled', async () => {
    const { startSimulation } = await mutate(StartSimulationDocument, {
      input: {
        name: 'margin',
        iterations: 2_000_000,
        seed: 11,
        variables: [
          { name: 'price', normal: { mean: 10, stdDev: 1 } },
          { name: 'cost', triangular: { min: 4, mode: 6, max: 9 } },
        ],
        expression: 'price - cost',
      },
    });
    const { events, errors, completed } = await follow(ProgressDocument, { id: startSimulation.id }, { timeoutMs: 60_000 });
    expect(errors).toEqual([]);
    expect(completed).toBe(true); // the gateway completes the stream after the terminal event
    expect(events.length).toBeGreaterThan(0);
    const last = events.at(-1)!.simulationProgress;
    expect(last.simulation).toMatchObject({ id: startSimulation.id, status: 'COMPLETED', tenant: { name: tenantName, plan: 'PROFESSIONAL' } });
    expect(last.completedIterations).toBe(2_000_000);
    expect(last.totalIterations).toBe(2_000_000);
    expect(last.percent).toBe(100);
    expect(last.result).not.toBeNull();
    expect(last.result!.mean).toBeCloseTo(10 - 19 / 3, 1);
    expect(last.result!.p5).toBeLessThan(last.result!.p50);
    expect(last.result!.p50).toBeLessThan(last.result!.p95);
    const completedIterations = events.map((e) => e.simulationProgress.completedIterations);
    expect([...completedIterations].sort((x, y) => x - y)).toEqual(completedIterations); // never goes backwards
  });

  it('gives an unknown conversation id nothing but NOT_FOUND', async () => {
    const { events, errors } = await follow(ChatDocument, { conversationId: randomUUID() }, { timeoutMs: 10_000 });
    expect(events).toEqual([]);
    expect(errors).toHaveLength(1);
    const error = errors[0];
    if (!CombinedGraphQLErrors.is(error)) throw new Error(`expected GraphQL errors, got ${String(error)}`);
    expect(error.errors.map((e) => e.extensions?.code)).toEqual(['NOT_FOUND']);
  });

  it('answers the TenantOverview query across subgraphs over HTTP', async () => {
    const result = await client.query({ query: TenantOverviewDocument, fetchPolicy: 'no-cache' });
    expect(result.error).toBeUndefined();
    const tenant = result.data?.tenant;
    expect(tenant).toMatchObject({ name: tenantName, plan: 'PROFESSIONAL' });
    expect(tenant!.models).toEqual([expect.objectContaining({ name: 'dialog-flow-1', provider: 'BUILTIN' })]);
    const conversation = tenant!.conversations.edges.map((e) => e.node).find((c) => c.id === conversationId);
    expect(conversation).toMatchObject({ title: 'Refund for order #77' });
    expect(conversation!.messages.edges.map((e) => e.node.role)).toContain('USER');
  });
});
