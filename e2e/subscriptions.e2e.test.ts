import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
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
} from './generated/graphql.ts';
import type { ProgressSubscription } from './generated/graphql.ts';
import { bearer, request } from './harness/graphqlClient.ts';
import { liveSubscriptions, startStack } from './harness/startStack.ts';
import type { Stack } from './harness/startStack.ts';
import { collect, wsClient } from './harness/subscribe.ts';

/**
 * Live streams through the gateway, scaled out: two gateways, two replicas of the streaming
 * subgraphs, events on the real NATS. A client of gateway #2 follows work started through
 * gateway #1 and done by whichever replica took it.
 */
describe('federated subscriptions, two gateways and two replicas', () => {
  let stack: Stack;
  let tokenA: string;
  let tokenB: string;
  let conversationA: string;
  const ok = async <T,>(promise: Promise<{ data?: T | null; errors?: unknown[] }>): Promise<T> => {
    const result = await promise;
    if (result.errors?.length || !result.data) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors)}\n${stack.logs()}`);
    return result.data;
  };

  beforeAll(async () => {
    stack = await startStack({ replicas: ['conversations', 'models', 'simulations'] });
    const operator = await stack.token({ platform_admin: true });
    const tenant = async (name: string) =>
      (await ok(request(stack.gatewayUrl, CreateTenantDocument, { input: { slug: `${name.toLowerCase()}-${randomUUID().slice(0, 6)}`, name, plan: 'PROFESSIONAL' } }, bearer(operator))))
        .createTenant.id;
    const a = await tenant('Initech');
    const b = await tenant('Hooli');
    tokenA = await stack.token({ tenant_id: a, roles: ['admin'], sub: randomUUID() });
    tokenB = await stack.token({ tenant_id: b, roles: ['admin'], sub: randomUUID() });
    const h = bearer(tokenA);
    const { createProvider } = await ok(request(stack.gatewayUrl, CreateProviderDocument, { input: { name: 'Built-in', kind: 'BUILTIN' } }, h));
    const { createModel } = await ok(request(stack.gatewayUrl, CreateModelDocument, { input: { providerId: createProvider.id, name: 'dialog-flow-1' } }, h));
    await ok(request(stack.gatewayUrl, SetRoutingPolicyDocument, { input: { defaultModelId: createModel.id } }, h));
    conversationA = (await ok(request(stack.gatewayUrl, CreateConversationDocument, { input: { title: 'Where is my order?' } }, h))).createConversation.id;
  }, 240_000);
  afterAll(async () => {
    await stack?.stop();
  });

  it('streams simulation progress to a client of the other gateway, with the tenant from another subgraph', async () => {
    const { startSimulation } = await ok(
      request(
        stack.gatewayUrl,
        StartSimulationDocument,
        {
          input: {
            name: 'margin',
            iterations: 3_000_000,
            seed: 7,
            variables: [
              { name: 'price', normal: { mean: 10, stdDev: 1 } },
              { name: 'cost', triangular: { min: 4, mode: 6, max: 9 } },
            ],
            expression: 'price - cost',
          },
        },
        bearer(tokenA),
      ),
    );
    const client = wsClient(stack.secondGatewayUrl!, tokenA);
    try {
      const { events, errors } = await collect(client, ProgressDocument, { id: startSimulation.id }, { timeoutMs: 60_000 });
      expect(errors).toEqual([]);
      const last = events.at(-1)!.simulationProgress as ProgressSubscription['simulationProgress'];
      expect(last.simulation).toMatchObject({ id: startSimulation.id, status: 'COMPLETED', tenant: { name: 'Initech', plan: 'PROFESSIONAL' } });
      expect(last.percent).toBe(100);
      expect(last.result!.mean).toBeCloseTo(10 - 19 / 3, 1);
      const completed = events.map((e) => e.simulationProgress.completedIterations);
      expect([...completed].sort((x, y) => x - y)).toEqual(completed); // never goes backwards
    } finally {
      await client.dispose();
    }
  });

  it('streams chat tokens in order, then the stored message with fields from the models subgraph', async () => {
    const client = wsClient(stack.secondGatewayUrl!, tokenA);
    // Gateway #2 talks to the second conversations replica; nothing else follows a conversation there.
    const replica = stack.replicaUrls.conversations!;
    await expect.poll(() => liveSubscriptions(replica)).toBe(0);
    try {
      const streamed = collect(client, ChatDocument, { conversationId: conversationA }, {
        until: (data) => data.messageStream.__typename === 'MessageCompleted',
        timeoutMs: 60_000,
      });
      // graphql-ws has no "subscribed" acknowledgement and tokens are live only: send the message
      // once the replica has subscribed to the conversation's live subject.
      await expect.poll(() => liveSubscriptions(replica), { message: `the chat stream never reached ${replica}` }).toBe(1);
      await ok(request(stack.gatewayUrl, SendMessageDocument, { conversationId: conversationA, content: 'Where is my order #1042?' }, bearer(tokenA)));
      const { events, errors } = await streamed;
      expect(errors).toEqual([]);
      const tokens = events.flatMap((e) => (e.messageStream.__typename === 'MessageToken' ? [e.messageStream] : []));
      const last = events.at(-1)!.messageStream;
      if (last.__typename !== 'MessageCompleted') throw new Error(`the stream ended without the completed message: ${JSON.stringify(events)}`);
      expect(tokens.length).toBeGreaterThan(1);
      expect(tokens.map((t) => t.index)).toEqual(tokens.map((_, i) => i));
      const completed = last;
      expect(completed.message.id).toBe(tokens[0]!.messageId);
      expect(completed.message.content).toBe(tokens.map((t) => t.text).join(''));
      expect(completed.message.tokenCount).toBeGreaterThan(0);
      expect(completed.message.conversation).toEqual({ title: 'Where is my order?', model: { name: 'dialog-flow-1', provider: 'BUILTIN' } });
    } finally {
      await client.dispose();
    }
  });

  it('gives another tenant nothing: guessed and real ids alike get NOT_FOUND', async () => {
    const client = wsClient(stack.gatewayUrl, tokenB);
    try {
      for (const id of [conversationA, randomUUID()]) {
        const { events, errors } = await collect(client, ChatDocument, { conversationId: id }, { timeoutMs: 10_000 });
        expect(events).toEqual([]);
        expect(JSON.stringify(errors)).toContain('NOT_FOUND');
      }
    } finally {
      await client.dispose();
    }
  });

  it('closes an unauthenticated socket with 4401 and a forged token with 4403', async () => {
    const anonymous = wsClient(stack.gatewayUrl, null);
    void collect(anonymous, ChatDocument, { conversationId: conversationA }, { timeoutMs: 5_000 });
    expect((await anonymous.closed).code).toBe(4401);
    await anonymous.dispose();
    const forged = wsClient(stack.gatewayUrl, `${tokenA.slice(0, -4)}AAAA`);
    void collect(forged, ChatDocument, { conversationId: conversationA }, { timeoutMs: 5_000 });
    expect((await forged.closed).code).toBe(4403);
    await forged.dispose();
  });

});
