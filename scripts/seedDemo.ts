import type { Plan } from '../subgraphs/kit/src/auth/claims.ts';
import type { Logger } from '../subgraphs/kit/src/log.ts';
import { defaultDialogFlow } from '../subgraphs/models/src/providers/defaultDialogFlow.ts';
import { mintDevToken } from './devToken.ts';
import type { DevTokenSigner } from './devToken.ts';
import { GatewayRequestError } from './gatewayClient.ts';
import type { GatewayClient } from './gatewayClient.ts';

/**
 * The demo tenant of `npm start`, made through the gateway as a user would (so it exercises the
 * whole path) and idempotently: each part is looked up first and only what is missing is made.
 */
export const DEMO_SLUG = 'demo';
const DEMO_PLAN: Plan = 'PROFESSIONAL';

const PROVIDERS = [
  { name: 'Built-in dialog engine', kind: 'BUILTIN', model: { name: 'dialog-flow-1', contextWindow: 32_000, inputCostPerMillion: 0, outputCostPerMillion: 0 } },
  { name: 'OpenAI', kind: 'OPENAI', model: { name: 'gpt-4o-mini', contextWindow: 128_000, inputCostPerMillion: 0.15, outputCostPerMillion: 0.6 } },
] as const;

const INTEGRATION = {
  name: 'Acme CRM',
  kind: 'REST',
  endpoint: 'https://crm.example.com/api/v2',
  credentials: { apiKey: 'demo-crm-key-not-a-secret', accountId: 'acme-demo' },
};

const CONVERSATIONS = [
  {
    title: 'Where is my order?',
    channel: 'WEB',
    model: 'dialog-flow-1',
    messages: [
      'Hi! I ordered a standing desk last week, order #1042.',
      'The tracking page has not changed for three days.',
      'Can you check whether it has shipped?',
    ],
  },
  {
    title: 'Moving to annual billing',
    channel: 'EMAIL',
    model: 'gpt-4o-mini',
    messages: [
      'Hello, we would like to move our team of 25 to annual billing.',
      'Do we keep our integrations when we switch?',
      'And is there a discount for nonprofits?',
    ],
  },
] as const;

/** The example run of the issue. */
const SIMULATION = {
  name: 'margin',
  iterations: 200_000,
  seed: 7,
  variables: [
    { name: 'price', normal: { mean: 10, stdDev: 1 } },
    { name: 'cost', triangular: { min: 4, mode: 6, max: 9 } },
  ],
  expression: 'price - cost',
};

const TENANT_BY_SLUG = 'query DemoTenant($slug: String!) { tenantBySlug(slug: $slug) { id slug plan } }';
const CREATE_TENANT = 'mutation CreateDemoTenant($input: CreateTenantInput!) { createTenant(input: $input) { id slug plan } }';
const DEMO_STATE = `query DemoState {
  tenant {
    id
    providers { id name kind models { id name } }
    routingPolicy { id }
    dialogFlow
    integrations { id name }
    conversations(first: 100) { edges { node { id title messageCount } } }
    simulations(first: 100) { edges { node { id name status } } }
  }
}`;
const CREATE_PROVIDER = 'mutation DemoProvider($input: CreateProviderInput!) { createProvider(input: $input) { id name kind models { id name } } }';
const CREATE_MODEL = 'mutation DemoModel($input: CreateModelInput!) { createModel(input: $input) { id name } }';
const SET_ROUTING_POLICY = 'mutation DemoRouting($input: RoutingPolicyInput!) { setRoutingPolicy(input: $input) { id } }';
const SET_DIALOG_FLOW = 'mutation DemoDialogFlow($flow: JSON!) { setDialogFlow(flow: $flow) }';
const CONVERSATION_COUNT = 'query DemoConversationCount($id: ID!) { conversation(id: $id) { id messageCount } }';
const CREATE_INTEGRATION = 'mutation DemoIntegration($input: CreateIntegrationInput!) { createIntegration(input: $input) { id name kind } }';
const CREATE_CONVERSATION = 'mutation DemoConversation($input: CreateConversationInput!) { createConversation(input: $input) { id title } }';
const SEND_MESSAGE = 'mutation DemoMessage($conversationId: ID!, $content: String!) { sendMessage(conversationId: $conversationId, content: $content) { id role } }';
const START_SIMULATION = 'mutation DemoSimulation($input: StartSimulationInput!) { startSimulation(input: $input) { id status } }';
const SIMULATION_STATUS = 'query DemoSimulationStatus($id: ID!) { simulation(id: $id) { id status error } }';

interface Provider {
  id: string;
  name: string;
  kind: string;
  models: Array<{ id: string; name: string }>;
}

interface DemoState {
  tenant: {
    id: string;
    providers: Provider[];
    routingPolicy: { id: string } | null;
    dialogFlow: unknown;
    integrations: Array<{ id: string; name: string }>;
    conversations: { edges: Array<{ node: { id: string; title: string; messageCount: number } }> };
    simulations: { edges: Array<{ node: { id: string; name: string; status: string } }> };
  } | null;
}

export interface DemoTenant {
  id: string;
  slug: string;
  plan: Plan;
  /** What this run added (empty when everything was already there). */
  created: string[];
}

export async function seedDemo(options: {
  client: GatewayClient;
  signer: DevTokenSigner;
  log: Logger;
  simulationTimeoutMs?: number;
  /** How long to wait for the assistant's replies to the seeded messages (default 60 s; a timeout only warns). */
  replyTimeoutMs?: number;
}): Promise<DemoTenant> {
  const { client, signer, log } = options;
  const created: string[] = [];
  const operator = await mintDevToken(signer, { platformAdmin: true, ttlSeconds: 300 });
  const tenant = await ensureTenant(client, operator, created);
  const admin = await mintDevToken(signer, { tenantId: tenant.id, roles: ['ADMIN'], plan: tenant.plan, ttlSeconds: 900 });
  const call = <T>(query: string, variables: Record<string, unknown> = {}) => client.request<T>(query, variables, admin);

  const state = (await call<DemoState>(DEMO_STATE)).tenant;
  if (!state) throw new Error('the demo tenant token resolved no tenant');

  const modelIds = new Map<string, string>();
  for (const wanted of PROVIDERS) {
    let provider = state.providers.find((p) => p.kind === wanted.kind && p.name === wanted.name);
    if (!provider) {
      provider = (await call<{ createProvider: Provider }>(CREATE_PROVIDER, { input: { name: wanted.name, kind: wanted.kind } })).createProvider;
      created.push(`provider ${wanted.name}`);
    }
    let model = provider.models.find((m) => m.name === wanted.model.name);
    if (!model) {
      model = (await call<{ createModel: { id: string; name: string } }>(CREATE_MODEL, { input: { providerId: provider.id, ...wanted.model } })).createModel;
      created.push(`model ${wanted.model.name}`);
    }
    modelIds.set(wanted.model.name, model.id);
  }

  if (!state.routingPolicy) {
    await call(SET_ROUTING_POLICY, {
      input: { defaultModelId: modelIds.get('dialog-flow-1'), fallbackModelIds: [modelIds.get('gpt-4o-mini')], firstTokenTimeoutMs: 15_000 },
    });
    created.push('routing policy');
  }

  // The flow the built-in dialog engine answers the demo conversations from.
  if (state.dialogFlow === null || state.dialogFlow === undefined) {
    await call(SET_DIALOG_FLOW, { flow: defaultDialogFlow });
    created.push('dialog flow');
  }

  if (!state.integrations.some((i) => i.name === INTEGRATION.name)) {
    await call(CREATE_INTEGRATION, { input: INTEGRATION });
    created.push(`integration ${INTEGRATION.name}`);
  }

  // Each message asks the models subgraph for a reply (the dialog engine, offline), which arrives as
  // an event: the seed waits for it before the next message, so the demo reads as a dialogue.
  const replies = replyWaiter((query, variables) => call(query, variables), options.replyTimeoutMs ?? 60_000, log);
  for (const wanted of CONVERSATIONS) {
    let conversation = state.conversations.edges.map((e) => e.node).find((c) => c.title === wanted.title);
    if (conversation && conversation.messageCount > 0) continue;
    if (!conversation) {
      const input = { title: wanted.title, channel: wanted.channel, modelId: modelIds.get(wanted.model) };
      const made = (await call<{ createConversation: { id: string; title: string } }>(CREATE_CONVERSATION, { input })).createConversation;
      conversation = { ...made, messageCount: 0 };
    }
    for (const [i, content] of wanted.messages.entries()) {
      await call(SEND_MESSAGE, { conversationId: conversation.id, content });
      await replies.await(conversation.id, 2 * (i + 1));
    }
    created.push(`conversation "${wanted.title}" with ${wanted.messages.length} messages`);
  }

  const runs = state.simulations.edges.map((e) => e.node).filter((s) => s.name === SIMULATION.name);
  if (!runs.some((s) => s.status === 'COMPLETED')) {
    const pending = runs.find((s) => s.status === 'QUEUED' || s.status === 'RUNNING');
    const id = pending?.id ?? (await call<{ startSimulation: { id: string } }>(START_SIMULATION, { input: SIMULATION })).startSimulation.id;
    log.info('waiting for the demo simulation to complete', { simulationId: id });
    await waitForSimulation(id, (query, variables) => call(query, variables), options.simulationTimeoutMs ?? 120_000);
    created.push(`simulation ${SIMULATION.name}`);
  }

  return { ...tenant, created };
}

async function ensureTenant(client: GatewayClient, operator: string, created: string[]): Promise<Omit<DemoTenant, 'created'>> {
  const lookup = async () =>
    (await client.request<{ tenantBySlug: { id: string; slug: string; plan: Plan } | null }>(TENANT_BY_SLUG, { slug: DEMO_SLUG }, operator))
      .tenantBySlug;
  const found = await lookup();
  if (found) return found;
  try {
    const input = { slug: DEMO_SLUG, name: 'Demo Company', plan: DEMO_PLAN };
    const tenant = (await client.request<{ createTenant: { id: string; slug: string; plan: Plan } }>(CREATE_TENANT, { input }, operator)).createTenant;
    created.push(`tenant ${DEMO_SLUG}`);
    return tenant;
  } catch (error) {
    // Another run made it between our lookup and our create.
    if (error instanceof GatewayRequestError && error.codes.includes('CONFLICT')) {
      const again = await lookup();
      if (again) return again;
    }
    throw error;
  }
}

/**
 * Waits until a conversation holds `count` messages (the assistant's replies included), within one
 * deadline for the whole seed. Past it, it warns once and waits no more: replies are a nicety of
 * the demo, and the seed itself is done.
 */
function replyWaiter(call: (query: string, variables: Record<string, unknown>) => Promise<unknown>, timeoutMs: number, log: Logger) {
  const deadline = Date.now() + timeoutMs;
  let gaveUp = false;
  return {
    async await(id: string, count: number): Promise<void> {
      while (!gaveUp) {
        const { conversation } = (await call(CONVERSATION_COUNT, { id })) as { conversation: { messageCount: number } | null };
        if (!conversation) throw new Error(`the demo conversation ${id} disappeared`);
        if (conversation.messageCount >= count) return;
        if (Date.now() > deadline) {
          gaveUp = true;
          log.warn('the demo conversations have not received their replies in time; they will arrive later', { conversationId: id });
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
  };
}

async function waitForSimulation(
  id: string,
  call: (query: string, variables: Record<string, unknown>) => Promise<unknown>,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { simulation } = (await call(SIMULATION_STATUS, { id })) as { simulation: { status: string; error: string | null } | null };
    if (!simulation) throw new Error(`the demo simulation ${id} disappeared`);
    if (simulation.status === 'COMPLETED') return;
    if (simulation.status === 'FAILED' || simulation.status === 'CANCELLED') {
      throw new Error(`the demo simulation ended ${simulation.status}${simulation.error ? `: ${simulation.error}` : ''}`);
    }
    if (Date.now() > deadline) throw new Error(`the demo simulation did not complete within ${Math.round(timeoutMs / 1000)} s (status ${simulation.status})`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
