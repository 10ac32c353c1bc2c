import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { print } from 'graphql';
import type { Client } from 'graphql-ws';
import { startStack } from '../e2e/harness/startStack.ts';
import type { Stack } from '../e2e/harness/startStack.ts';
import { bearer, request } from '../e2e/harness/graphqlClient.ts';
import type { GraphQLResult } from '../e2e/harness/graphqlClient.ts';
import { wsClient } from '../e2e/harness/subscribe.ts';
import {
  ChatDocument,
  CreateConversationDocument,
  CreateModelDocument,
  CreateProviderDocument,
  CreateTenantDocument,
  SendMessageDocument,
  SetRoutingPolicyDocument,
} from '../e2e/generated/graphql.ts';
import type { ChatSubscription } from '../e2e/generated/graphql.ts';
import { nowMicros, startFakeOpenAiServer } from './fakeOpenAiServer.ts';

/**
 * Chat tokens through the production-shaped stack (seven processes, real NATS/PostgreSQL/Redis):
 * a local OpenAI-compatible server stamps each token with its emission time; N graphql-ws clients
 * of the gateway follow one conversation, and each token's arrival − emission is its latency.
 * Then the memory one open subscription costs in the gateway and in the conversations subgraph.
 * Prints nothing itself: returns figures (bench/printStreamingFigures.ts prints them).
 */
export interface FanOutFigures {
  subscribers: number;
  expectedTokens: number;
  deliveredTokens: number;
  tokensPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  /** CPU used during the stream window, in % of one core, per process. */
  cpuPercent: Record<string, number>;
}
/** One process's memory before and after the subscriptions were opened. */
export interface ProcessMemory {
  rssMb: { before: number; after: number };
  /** VmRSS growth / subscriptions. */
  rssBytesPerSubscription: number;
  /** V8 heapUsed + external growth after a full GC / subscriptions (NaN when the probe did not answer). */
  heapBytesPerSubscription: number;
}
export interface MemoryFigures {
  subscriptions: number;
  sockets: number;
  live: number;
  gateway: ProcessMemory;
  conversations: ProcessMemory;
}
export interface StreamingFigures {
  tokens: number;
  intervalMs: number;
  fanOut: FanOutFigures[];
  memory: MemoryFigures;
}

// The gateway's default limits (createSubscriptionServer): 20 per socket, 200 per tenant.
const PER_SOCKET = 20;
const PER_TENANT = 200;
const CHAT = print(ChatDocument);

const ok = async <T>(promise: Promise<GraphQLResult<T>>): Promise<T> => {
  const result = await promise;
  if (result.errors?.length || !result.data) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors)}`);
  return result.data;
};

async function waitUntil(check: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) return false;
    await sleep(20);
  }
  return true;
}

interface Sample {
  rss: number;
  heap: number;
}

/** VmRSS from /proc, and live heap (after a full GC) from bench/heapProbe.ts preloaded in the child. */
async function sample(stack: Stack, name: string, probeDir: string): Promise<Sample> {
  const pid = stack.processes.get(name)?.pid;
  if (pid === undefined) throw new Error(`no process ${name}`);
  const file = join(probeDir, `${pid}.json`);
  rmSync(file, { force: true });
  process.kill(pid, 'SIGUSR2');
  let heap = NaN;
  if (await waitUntil(() => existsSync(file), 5_000)) {
    await sleep(20); // the probe writes the file in one call; give it a moment to finish
    const m = JSON.parse(readFileSync(file, 'utf8')) as { gc: boolean; heapUsed: number; external: number };
    if (m.gc) heap = m.heapUsed + m.external;
  }
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmRSS:'));
  return { rss: Number(/(\d+)/.exec(line ?? '')?.[1] ?? NaN) * 1024, heap };
}

const CPU_PROCESSES = ['gateway', 'conversations', 'models'] as const;

/** utime + stime of a child, in seconds (clock ticks at the usual USER_HZ of 100). */
function cpuSeconds(stack: Stack, name: string): number {
  const stat = readFileSync(`/proc/${stack.processes.get(name)?.pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? NaN;

interface Tenant {
  token: string;
  conversationId: string;
}

/** A tenant whose routing policy sends completions to the OPENAI provider (the local server). */
async function setupTenant(stack: Stack, operator: string, name: string): Promise<Tenant> {
  const slug = `${name}-${randomUUID().slice(0, 8)}`;
  const { createTenant } = await ok(request(stack.gatewayUrl, CreateTenantDocument, { input: { slug, name, plan: 'ENTERPRISE' } }, bearer(operator)));
  const token = await stack.token({ tenant_id: createTenant.id, roles: ['admin'], sub: randomUUID() }, { expiresIn: '2h' });
  const h = bearer(token);
  const { createProvider } = await ok(request(stack.gatewayUrl, CreateProviderDocument, { input: { name: 'Local OpenAI', kind: 'OPENAI' } }, h));
  const { createModel } = await ok(request(stack.gatewayUrl, CreateModelDocument, { input: { providerId: createProvider.id, name: 'bench-model' } }, h));
  await ok(request(stack.gatewayUrl, SetRoutingPolicyDocument, { input: { defaultModelId: createModel.id } }, h));
  const { createConversation } = await ok(request(stack.gatewayUrl, CreateConversationDocument, { input: { title: 'Bench' } }, h));
  return { token, conversationId: createConversation.id };
}

/** One subscription's record: token latencies (µs) since the last reset, the window's ends, completions seen. */
interface Follower {
  latenciesUs: number[];
  firstEmittedUs: number;
  lastArrivalUs: number;
  completions: number;
  errors: unknown[];
}

function follow(client: Client, conversationId: string): Follower {
  const f: Follower = { latenciesUs: [], firstEmittedUs: Infinity, lastArrivalUs: 0, completions: 0, errors: [] };
  client.subscribe<ChatSubscription>(
    { query: CHAT, variables: { conversationId } },
    {
      next: (result) => {
        const arrived = nowMicros();
        if (result.errors) f.errors.push(...result.errors);
        const event = result.data?.messageStream;
        if (!event) return;
        if (event.__typename === 'MessageToken') {
          const emitted = Number(/^t(\d+)/.exec(event.text)?.[1]);
          if (!Number.isFinite(emitted)) return;
          f.latenciesUs.push(arrived - emitted);
          f.firstEmittedUs = Math.min(f.firstEmittedUs, emitted);
          f.lastArrivalUs = Math.max(f.lastArrivalUs, arrived);
        } else {
          f.completions += 1;
        }
      },
      error: (error) => f.errors.push(error),
      complete: () => undefined,
    },
  );
  return f;
}

/** Sends a 3-token "warmup" message and waits until every follower saw its completion: they are all live. */
async function warmUp(stack: Stack, tenant: Tenant, followers: Follower[], timeoutMs = 30_000): Promise<number> {
  const before = followers.map((f) => f.completions);
  await ok(request(stack.gatewayUrl, SendMessageDocument, { conversationId: tenant.conversationId, content: 'warmup' }, bearer(tenant.token)));
  await waitUntil(() => followers.every((f, i) => f.completions > before[i]!), timeoutMs);
  return followers.filter((f, i) => f.completions > before[i]!).length;
}

async function fanOut(stack: Stack, tenant: Tenant, subscribers: number, tokens: number): Promise<FanOutFigures> {
  const clients = Array.from({ length: subscribers }, () => wsClient(stack.gatewayUrl, tenant.token));
  try {
    const followers = clients.map((c) => follow(c, tenant.conversationId));
    // graphql-ws has no "subscribed" acknowledgement: a short message proves every subscription is live.
    await sleep(500);
    const live = await warmUp(stack, tenant, followers);
    if (live < subscribers) throw new Error(`only ${live} of ${subscribers} subscribers received the warm-up message`);
    for (const f of followers) {
      f.latenciesUs.length = 0;
      f.firstEmittedUs = Infinity;
      f.lastArrivalUs = 0;
    }
    const cpuBefore = CPU_PROCESSES.map((n) => cpuSeconds(stack, n));
    const t0 = performance.now();
    await ok(request(stack.gatewayUrl, SendMessageDocument, { conversationId: tenant.conversationId, content: 'Tell me a long story.' }, bearer(tenant.token)));
    const done = await waitUntil(() => followers.every((f) => f.completions >= 2), 120_000);
    if (!done) console.warn(`streaming bench: ${followers.filter((f) => f.completions < 2).length} subscribers never got the completion`);
    const elapsedS = (performance.now() - t0) / 1000;
    const cpuPercent = Object.fromEntries(CPU_PROCESSES.map((n, i) => [n, ((cpuSeconds(stack, n) - cpuBefore[i]!) / elapsedS) * 100]));
    const errors = followers.flatMap((f) => f.errors);
    if (errors.length > 0) console.warn(`streaming bench: ${errors.length} subscription errors, first: ${JSON.stringify(errors[0])}`);
    const latencies = followers.flatMap((f) => f.latenciesUs).sort((a, b) => a - b);
    // Window: the provider's first token to the last token any subscriber received.
    const windowUs = Math.max(...followers.map((f) => f.lastArrivalUs)) - Math.min(...followers.map((f) => f.firstEmittedUs));
    return {
      subscribers,
      expectedTokens: tokens * subscribers,
      deliveredTokens: latencies.length,
      tokensPerSecond: latencies.length / (windowUs / 1e6),
      p50Ms: percentile(latencies, 50) / 1000,
      p99Ms: percentile(latencies, 99) / 1000,
      maxMs: (latencies.at(-1) ?? NaN) / 1000,
      cpuPercent,
    };
  } finally {
    await Promise.all(clients.map((c) => c.dispose()));
  }
}

/** K subscriptions over S sockets (tenants as needed to stay within the per-tenant limit); memory before and after. */
async function memory(stack: Stack, operator: string, probeDir: string, subscriptions: number, sockets: number, settleMs: number): Promise<MemoryFigures> {
  const perSocket = Math.ceil(subscriptions / sockets);
  if (perSocket > PER_SOCKET) throw new Error(`${subscriptions} subscriptions over ${sockets} sockets exceeds the gateway's ${PER_SOCKET} per socket`);
  const socketsPerTenant = Math.floor(PER_TENANT / perSocket);
  const tenants = await Promise.all(Array.from({ length: Math.ceil(sockets / socketsPerTenant) }, (_, i) => setupTenant(stack, operator, `mem${i}`)));
  // A small warm round first, so one-time costs (lazy compilation, pools) are not counted per subscription.
  const warm = wsClient(stack.gatewayUrl, tenants[0]!.token);
  await warmUp(stack, tenants[0]!, Array.from({ length: perSocket }, () => follow(warm, tenants[0]!.conversationId)));
  await warm.dispose();
  await sleep(settleMs);
  const names = ['gateway', 'conversations'] as const;
  const before = await Promise.all(names.map((n) => sample(stack, n, probeDir)));
  const clients: Client[] = [];
  const byTenant = tenants.map(() => [] as Follower[]);
  try {
    let left = subscriptions;
    for (let s = 0; s < sockets && left > 0; s += 1) {
      const t = Math.floor(s / socketsPerTenant);
      const client = wsClient(stack.gatewayUrl, tenants[t]!.token);
      clients.push(client);
      for (let k = 0; k < perSocket && left > 0; k += 1, left -= 1) byTenant[t]!.push(follow(client, tenants[t]!.conversationId));
    }
    await sleep(settleMs);
    const after = await Promise.all(names.map((n) => sample(stack, n, probeDir)));
    // Measured before any event flowed; now prove the subscriptions were all open.
    let live = 0;
    for (let t = 0; t < tenants.length; t += 1) live += await warmUp(stack, tenants[t]!, byTenant[t]!);
    const mb = (b: number) => Math.round((b / 1024 / 1024) * 10) / 10;
    const figures = (i: number): ProcessMemory => ({
      rssMb: { before: mb(before[i]!.rss), after: mb(after[i]!.rss) },
      rssBytesPerSubscription: (after[i]!.rss - before[i]!.rss) / subscriptions,
      heapBytesPerSubscription: (after[i]!.heap - before[i]!.heap) / subscriptions,
    });
    return { subscriptions, sockets: clients.length, live, gateway: figures(0), conversations: figures(1) };
  } finally {
    await Promise.all(clients.map((c) => c.dispose()));
  }
}

export async function benchStreaming(options: { subscribers?: number[]; tokens?: number; intervalMs?: number; subscriptions?: number; sockets?: number } = {}): Promise<StreamingFigures> {
  const subscribers = options.subscribers ?? [1, 10, 50];
  const tokens = options.tokens ?? 200;
  const intervalMs = options.intervalMs ?? 10;
  const openSubscriptions = options.subscriptions ?? 500;
  const sockets = options.sockets ?? Math.ceil(openSubscriptions / PER_SOCKET);
  if (Math.max(...subscribers) > PER_TENANT) throw new Error(`at most ${PER_TENANT} subscribers (the gateway's per-tenant limit)`);
  const provider = await startFakeOpenAiServer({ tokens, intervalMs });
  const probeDir = mkdtempSync(join(tmpdir(), 'bench-heap-'));
  let stack: Stack | undefined;
  try {
    stack = await startStack({
      env: {
        OPENAI_BASE_URL: provider.baseUrl,
        OPENAI_API_KEY: 'sk-bench-local',
        PROVIDER_TRUSTED_ORIGINS: provider.origin,
        // The heap probe (a SIGUSR2 handler) is loaded into every process; it does nothing until signalled.
        NODE_OPTIONS: `--expose-gc --import ${join(import.meta.dirname, 'heapProbe.ts')}`,
        BENCH_HEAP_PROBE_DIR: probeDir,
      },
    });
    const operator = await stack.token({ platform_admin: true }, { expiresIn: '2h' });
    const tenant = await setupTenant(stack, operator, 'stream');
    const fan: FanOutFigures[] = [];
    for (const n of subscribers) fan.push(await fanOut(stack, tenant, n, tokens));
    const mem = await memory(stack, operator, probeDir, openSubscriptions, sockets, 3_000);
    return { tokens, intervalMs, fanOut: fan, memory: mem };
  } finally {
    await stack?.stop();
    await provider.close();
    rmSync(probeDir, { recursive: true, force: true });
  }
}
