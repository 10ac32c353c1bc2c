import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateKeyPair } from 'jose';
import { randomUUID } from 'node:crypto';
import { CONTEXT_HEADER, createContextSigner } from '../subgraphs/kit/src/auth/contextToken.ts';
import { generateDevKeys } from '../subgraphs/kit/src/auth/devKeys.ts';
import type { TenantClaims } from '../subgraphs/kit/src/auth/claims.ts';
import {
  CreateConversationDocument,
  CreateIntegrationDocument,
  CreateModelDocument,
  CreateProviderDocument,
  CreateTenantDocument,
  SendMessageDocument,
  SetRoutingPolicyDocument,
  SimulationByIdDocument,
  StartSimulationDocument,
  TenantOverviewDocument,
  ConversationByIdDocument,
} from './generated/graphql.ts';
import { bearer, request } from './harness/graphqlClient.ts';
import { startStack } from './harness/startStack.ts';
import type { Stack } from './harness/startStack.ts';

interface SeededTenant {
  id: string;
  slug: string;
  token: string;
  conversationId: string;
  simulationId: string;
  modelId: string;
  integrationId: string;
}

describe('the supergraph, as production runs it', () => {
  let stack: Stack;
  let operator: string;
  let a: SeededTenant;
  let b: SeededTenant;

  const ok = async <T,>(promise: Promise<{ status: number; data?: T | null; errors?: unknown[] }>): Promise<T> => {
    const result = await promise;
    if (result.errors?.length || !result.data) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors)}\n${stack.logs()}`);
    return result.data;
  };

  async function seed(slug: string, name: string, messages: string[]): Promise<SeededTenant> {
    const { createTenant } = await ok(
      request(stack.gatewayUrl, CreateTenantDocument, { input: { slug, name, plan: 'PROFESSIONAL' } }, bearer(operator)),
    );
    const token = await stack.token({ tenant_id: createTenant.id, roles: ['admin'], plan: 'PROFESSIONAL', sub: `${slug}-admin` });
    const h = bearer(token);
    const { createProvider } = await ok(request(stack.gatewayUrl, CreateProviderDocument, { input: { name: `${name} OpenAI`, kind: 'OPENAI' } }, h));
    const { createModel } = await ok(
      request(stack.gatewayUrl, CreateModelDocument, { input: { providerId: createProvider.id, name: `${slug}-gpt` } }, h),
    );
    await ok(request(stack.gatewayUrl, SetRoutingPolicyDocument, { input: { defaultModelId: createModel.id } }, h));
    const { createIntegration } = await ok(
      request(
        stack.gatewayUrl,
        CreateIntegrationDocument,
        { input: { name: `${name} CRM`, kind: 'REST', endpoint: 'https://crm.example/api', credentials: { apiKey: `secret-${slug}` } } },
        h,
      ),
    );
    const { createConversation } = await ok(request(stack.gatewayUrl, CreateConversationDocument, { input: { title: `${name} support` } }, h));
    for (const content of messages) {
      await ok(request(stack.gatewayUrl, SendMessageDocument, { conversationId: createConversation.id, content }, h));
    }
    const { startSimulation } = await ok(
      request(
        stack.gatewayUrl,
        StartSimulationDocument,
        {
          input: {
            name: 'margin',
            iterations: 200000,
            seed: 7,
            variables: [
              { name: 'price', normal: { mean: 10, stdDev: 1 } },
              { name: 'cost', triangular: { min: 4, mode: 6, max: 9 } },
            ],
            expression: 'price - cost',
          },
        },
        h,
      ),
    );
    return {
      id: createTenant.id,
      slug,
      token,
      conversationId: createConversation.id,
      simulationId: startSimulation.id,
      modelId: createModel.id,
      integrationId: createIntegration.id,
    };
  }

  beforeAll(async () => {
    stack = await startStack();
    operator = await stack.token({ platform_admin: true, sub: 'operator' });
    a = await seed(`acme-${randomUUID().slice(0, 6)}`, 'Acme', ['Hello', 'Where is my order?']);
    b = await seed(`globex-${randomUUID().slice(0, 6)}`, 'Globex', ['Hi from Globex']);
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('runs TenantOverview across all six subgraphs with only the caller’s data', async () => {
    const { tenant } = await ok(request(stack.gatewayUrl, TenantOverviewDocument, {}, bearer(a.token)));
    expect(tenant).toMatchObject({ id: a.id, slug: a.slug, name: 'Acme', plan: 'PROFESSIONAL' });
    const conversations = tenant!.conversations.edges.map((e) => e.node);
    expect(conversations.map((c) => c.id)).toEqual([a.conversationId]);
    // Each user message also gets an assistant reply (here an apology: the OPENAI model has no key), interleaved by time.
    expect(conversations[0]!.messages.edges.map((e) => e.node).filter((m) => m.role === 'USER')).toEqual([
      { role: 'USER', content: 'Hello' },
      { role: 'USER', content: 'Where is my order?' },
    ]);
    expect(conversations[0]!.model).toEqual({ id: a.modelId, name: `${a.slug}-gpt` });
    expect(tenant!.models.map((m) => m.id)).toEqual([a.modelId]);
    expect(tenant!.integrations.map((i) => i.id)).toEqual([a.integrationId]);
    expect(tenant!.simulations.edges.map((e) => e.node.id)).toEqual([a.simulationId]);
  });

  it('builds usage from events on NATS JetStream', async () => {
    await expect
      .poll(
        async () => {
          const { tenant } = await ok(request(stack.gatewayUrl, TenantOverviewDocument, {}, bearer(a.token)));
          return tenant?.usage;
        },
        { timeout: 60_000, interval: 500 },
      )
      .toEqual({ messagesTotal: 2, simulationsTotal: 1 });
    const { tenant } = await ok(request(stack.gatewayUrl, TenantOverviewDocument, {}, bearer(b.token)));
    expect(tenant?.usage.messagesTotal).toBeLessThanOrEqual(1);
  });

  it('completes the Monte Carlo run off the request path, reproducibly', async () => {
    await expect
      .poll(async () => (await ok(request(stack.gatewayUrl, SimulationByIdDocument, { id: a.simulationId }, bearer(a.token)))).simulation?.status, {
        timeout: 60_000,
        interval: 250,
      })
      .toBe('COMPLETED');
    const ra = (await ok(request(stack.gatewayUrl, SimulationByIdDocument, { id: a.simulationId }, bearer(a.token)))).simulation!.result!;
    await expect
      .poll(async () => (await ok(request(stack.gatewayUrl, SimulationByIdDocument, { id: b.simulationId }, bearer(b.token)))).simulation?.status, {
        timeout: 60_000,
        interval: 250,
      })
      .toBe('COMPLETED');
    const rb = (await ok(request(stack.gatewayUrl, SimulationByIdDocument, { id: b.simulationId }, bearer(b.token)))).simulation!.result!;
    expect(ra).toEqual(rb); // same seed, same inputs, another tenant and process run: same result
    expect(ra.mean).toBeCloseTo(10 - 19 / 3, 1);
    expect(ra.p5).toBeLessThan(ra.p50);
    expect(ra.p50).toBeLessThan(ra.p95);
    expect(ra.histogram.reduce((n, bin) => n + bin.count, 0)).toBe(200000);
  });

  it('gives tenant A nothing of tenant B through the gateway', async () => {
    const h = bearer(a.token);
    expect((await ok(request(stack.gatewayUrl, ConversationByIdDocument, { id: b.conversationId }, h))).conversation).toBeNull();
    expect((await ok(request(stack.gatewayUrl, SimulationByIdDocument, { id: b.simulationId }, h))).simulation).toBeNull();
    const send = await request(stack.gatewayUrl, SendMessageDocument, { conversationId: b.conversationId, content: 'intrusion' }, h);
    expect(send.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const entities = await request(
      stack.gatewayUrl,
      `query { _entities(representations: [{ __typename: "Conversation", id: "${b.conversationId}" }]) { ... on Conversation { title } } }`,
      {},
      h,
    );
    expect(entities.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    // B's data is unchanged by A's attempts.
    const { tenant } = await ok(request(stack.gatewayUrl, TenantOverviewDocument, {}, bearer(b.token)));
    expect(tenant!.conversations.edges[0]!.node.messages.edges.filter((e) => e.node.role === 'USER').map((e) => e.node.content)).toEqual(['Hi from Globex']);
  });

  it('refuses missing, forged, expired and foreign tokens with UNAUTHENTICATED', async () => {
    const forgedKey = (await generateKeyPair('ES256')).privateKey;
    const cases: Array<[string, Record<string, string>]> = [
      ['no token', {}],
      ['garbage', bearer('garbage')],
      ['forged', bearer(await stack.token({ tenant_id: a.id, roles: ['admin'] }, { key: forgedKey }))],
      ['expired', bearer(await stack.token({ tenant_id: a.id }, { expiresIn: Math.floor(Date.now() / 1000) - 120 }))],
      ['other issuer', bearer(await stack.token({ tenant_id: a.id }, { issuer: 'https://evil.test/' }))],
      ['a tenant that does not exist', bearer(await stack.token({ tenant_id: randomUUID(), roles: ['admin'] }))],
    ];
    for (const [name, headers] of cases) {
      const result = await request(stack.gatewayUrl, TenantOverviewDocument, {}, headers);
      expect(result.status, name).toBe(401);
      expect(result.errors?.[0]?.extensions?.code, name).toBe('UNAUTHENTICATED');
      expect(result.data ?? null, name).toBeNull();
    }
  });

  it('takes the plan from the tenant record, not from the token', async () => {
    const inflated = await stack.token({ tenant_id: a.id, roles: ['admin'], plan: 'ENTERPRISE' });
    const big = await request(
      stack.gatewayUrl,
      StartSimulationDocument,
      {
        input: {
          name: 'too big for PROFESSIONAL',
          iterations: 6_000_000,
          variables: [{ name: 'x', uniform: { min: 0, max: 1 } }],
          expression: 'x',
        },
      },
      bearer(inflated),
    );
    expect(big.errors?.[0]?.extensions?.code).toBe('QUOTA_EXCEEDED');
    const planless = await stack.token({ tenant_id: a.id, roles: ['admin'] });
    const { tenant } = await ok(request(stack.gatewayUrl, TenantOverviewDocument, {}, bearer(planless)));
    expect(tenant?.plan).toBe('PROFESSIONAL');
  });

  it('lets only platform operators create tenants', async () => {
    const result = await request(stack.gatewayUrl, CreateTenantDocument, { input: { slug: 'sneaky', name: 'Sneaky' } }, bearer(a.token));
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('has every subgraph refuse callers without the gateway signature', async () => {
    const rogueKeys = await generateDevKeys();
    const rogue = await createContextSigner(rogueKeys.context.privateJwk);
    const genuine = await createContextSigner(stack.keys.context.privateJwk);
    const claimsOfB: TenantClaims = { tenantId: b.id, userId: 'x', roles: ['ADMIN'], scopes: [], plan: 'PROFESSIONAL', clientName: null, platformAdmin: false };
    for (const [name, url] of Object.entries(stack.subgraphUrls)) {
      const query = '{ _service { sdl } }';
      const unsigned = await request(url, query, {}, {});
      expect(unsigned.status, name).toBe(401);
      expect(unsigned.errors?.[0]?.extensions?.code, name).toBe('UNAUTHENTICATED');
      const forged = await request(url, query, {}, { [CONTEXT_HEADER]: await rogue.sign(claimsOfB, name, 'r1') });
      expect(forged.status, name).toBe(401);
      const other = name === 'tenants' ? 'models' : 'tenants';
      const wrongAudience = await request(url, query, {}, { [CONTEXT_HEADER]: await genuine.sign(claimsOfB, other, 'r2') });
      expect(wrongAudience.status, name).toBe(401);
    }
  });

  it('resolves no entity of tenant B for tenant A straight at each subgraph', async () => {
    const genuine = await createContextSigner(stack.keys.context.privateJwk);
    const claimsOfA: TenantClaims = { tenantId: a.id, userId: 'x', roles: ['ADMIN'], scopes: [], plan: 'PROFESSIONAL', clientName: null, platformAdmin: false };
    const probes: Array<[string, string, string]> = [
      ['tenants', 'Tenant', `{ __typename: "Tenant", id: "${b.id}" }`],
      ['conversations', 'Tenant', `{ __typename: "Tenant", id: "${b.id}" }`],
      ['conversations', 'Conversation', `{ __typename: "Conversation", id: "${b.conversationId}" }`],
      ['models', 'Model', `{ __typename: "Model", id: "${b.modelId}" }`],
      ['models', 'Tenant', `{ __typename: "Tenant", id: "${b.id}" }`],
      ['integrations', 'Integration', `{ __typename: "Integration", id: "${b.integrationId}" }`],
      ['integrations', 'Tenant', `{ __typename: "Tenant", id: "${b.id}" }`],
      ['analytics', 'Tenant', `{ __typename: "Tenant", id: "${b.id}" }`],
      ['simulations', 'Simulation', `{ __typename: "Simulation", id: "${b.simulationId}" }`],
      ['simulations', 'Tenant', `{ __typename: "Tenant", id: "${b.id}" }`],
    ];
    for (const [subgraph, type, representation] of probes) {
      const result = await request(
        stack.subgraphUrls[subgraph]!,
        `{ _entities(representations: [${representation}]) { ... on ${type} { id } } }`,
        {},
        { [CONTEXT_HEADER]: await genuine.sign(claimsOfA, subgraph, randomUUID()) },
      );
      expect(result.status, `${subgraph} ${type}`).toBe(200);
      expect(result.data?.['_entities' as keyof typeof result.data], `${subgraph} ${type}`).toEqual([null]);
    }
  });

  it('answers /health only when every subgraph is reachable', async () => {
    const health = await fetch(new URL('/health', stack.gatewayUrl));
    expect(health.status).toBe(200);
  });
});
