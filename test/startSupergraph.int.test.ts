import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { connect as connectTcp } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { connect } from '@nats-io/transport-node';
import { jetstreamManager } from '@nats-io/jetstream';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJwtVerifier } from '../gateway/src/auth/createJwtVerifier.ts';
import { loadGatewayConfig } from '../gateway/src/config.ts';
import { silentLogger } from '../subgraphs/kit/src/log.ts';
import { dropDatabase } from '../subgraphs/kit/src/store/pgAdmin.ts';
import { TEST_NATS_URL, TEST_PG_SERVER, TEST_REDIS_URL, uniqueSuffix } from '../subgraphs/kit/src/testing/testEnvironment.ts';
import { subgraphCatalog } from '../subgraphs/catalog.ts';
import { mintDevToken } from '../scripts/devToken.ts';
import { createGatewayClient } from '../scripts/gatewayClient.ts';
import { seedDemo } from '../scripts/seedDemo.ts';
import { loadStackConfig } from '../scripts/stackConfig.ts';
import { startSupergraph } from '../scripts/startSupergraph.ts';
import type { RunningSupergraph } from '../scripts/startSupergraph.ts';
import { subgraphStarters } from '../scripts/subgraphStarters.ts';
import { devTokenSigner } from '../scripts/token.ts';

/**
 * `npm start` with the URLs set: the whole supergraph in this process on the machine's real
 * PostgreSQL, NATS JetStream and Redis (own databases, stream and key prefix), seeded through the
 * gateway, then `npm run token` against it, then a clean close.
 */
const root = join(import.meta.dirname, '..');
const run = promisify(execFile);
// The project's Node 24 (it runs .ts files); vitest itself may run on another.
const node = join(root, 'node_modules', '.bin', 'node');
const suffix = uniqueSuffix();

const TENANT_OVERVIEW = `query TenantOverview { tenant { id slug name plan
  conversations(first: 5) { edges { node { id title messages(first: 3) { edges { node { role content } } } model { id name } } } }
  models { id name provider } integrations { id name kind } usage { messagesTotal simulationsTotal }
  simulations(first: 5) { edges { node { id status } } } } }`;

interface Overview {
  tenant: {
    id: string;
    slug: string;
    plan: string;
    conversations: { edges: Array<{ node: { title: string; messages: { edges: Array<{ node: { role: string; content: string } }> }; model: { name: string } | null } }> };
    models: Array<{ name: string; provider: string }>;
    integrations: Array<{ name: string; kind: string }>;
    usage: { messagesTotal: number; simulationsTotal: number };
    simulations: { edges: Array<{ node: { status: string } }> };
  };
}

let dataDir: string;
let env: Record<string, string>;
let stack: RunningSupergraph | undefined;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'stack-test-'));
  env = {
    DATA_DIR: dataDir,
    DATABASE_URL: TEST_PG_SERVER,
    DATABASE_NAME_PREFIX: `t_stack_${suffix}_`,
    NATS_URL: TEST_NATS_URL,
    NATS_STREAM: `T_STACK_${suffix}`,
    NATS_SUBJECT_PREFIX: `t_stack_${suffix}`,
    REDIS_URL: TEST_REDIS_URL,
    REDIS_PREFIX: `t:stack:${suffix}:`,
    LOG_LEVEL: 'warn',
    PORT: '0',
    ...Object.fromEntries(subgraphCatalog.map((s) => [`SUBGRAPH_${s.name.toUpperCase()}_PORT`, '0'])),
  };
  stack = await startSupergraph({ env, config: loadStackConfig(env, root), log: silentLogger, starters: subgraphStarters });
});

afterAll(async () => {
  await stack?.close();
  for (const { name } of subgraphCatalog) {
    const u = new URL(TEST_PG_SERVER);
    u.pathname = `/t_stack_${suffix}_${name}`;
    await dropDatabase(u.toString(), `t_stack_${suffix}_${name}_app`);
  }
  const nc = await connect({ servers: TEST_NATS_URL });
  await (await jetstreamManager(nc)).streams.delete(`T_STACK_${suffix}`).catch(() => undefined);
  await nc.close();
  const redis = new Redis(TEST_REDIS_URL);
  const keys = await redis.keys(`t:stack:${suffix}:*`);
  if (keys.length > 0) await redis.del(...keys);
  await redis.quit();
  await rm(dataDir, { recursive: true, force: true });
});

describe('the supergraph in one process, on real servers', () => {
  it('serves every subgraph and says which servers it uses', () => {
    expect(stack!.subgraphs.map((s) => s.name).sort()).toEqual(subgraphCatalog.map((s) => s.name).sort());
    expect(stack!.parts.bus).toContain('NATS');
    expect(stack!.parts.live).toContain('NATS');
    expect(stack!.parts.cache).toContain('Redis');
  });

  it('seeds the demo tenant through the gateway, once', async () => {
    const { signer } = await devTokenSigner(env, root);
    const client = createGatewayClient(stack!.gatewayUrl);
    const first = await seedDemo({ client, signer, log: silentLogger });
    expect(first.created).toContain('tenant demo');
    expect(first.created).toContain('simulation margin');
    const again = await seedDemo({ client, signer, log: silentLogger });
    expect(again).toEqual({ ...first, created: [] });

    const token = await mintDevToken(signer, { tenantId: first.id, roles: ['MEMBER'], plan: first.plan, ttlSeconds: 300 });
    // Usage comes from events on NATS, so it may trail the writes a little.
    let overview: Overview | undefined;
    await expect
      .poll(async () => (overview = await client.request<Overview>(TENANT_OVERVIEW, {}, token)).tenant.usage, { timeout: 60_000, interval: 200 })
      .toMatchObject({ messagesTotal: 6, simulationsTotal: 1 });
    const tenant = overview!.tenant;
    expect(tenant).toMatchObject({ id: first.id, slug: 'demo', plan: 'PROFESSIONAL', usage: { messagesTotal: 6, simulationsTotal: 1 } });
    expect(tenant.models.map((m) => `${m.provider}:${m.name}`).sort()).toEqual(['BUILTIN:dialog-flow-1', 'OPENAI:gpt-4o-mini']);
    expect(tenant.integrations).toEqual([{ id: expect.any(String), name: 'Acme CRM', kind: 'REST' }]);
    expect(tenant.simulations.edges.map((e) => e.node.status)).toEqual(['COMPLETED']);
    const conversations = tenant.conversations.edges.map((e) => e.node);
    expect(conversations.map((c) => c.title).sort()).toEqual(['Moving to annual billing', 'Where is my order?']);
    for (const c of conversations) expect(c.messages.edges.length).toBe(3);
    expect(conversations.map((c) => c.model?.name).sort()).toEqual(['dialog-flow-1', 'gpt-4o-mini']);
  }, 120_000); // the usage poll alone may take up to 60 s on a loaded machine

  it('mints tokens with npm run token, looking the slug up on the running gateway', async () => {
    const cliEnv = { ...process.env, DATA_DIR: dataDir, GATEWAY_URL: stack!.gatewayUrl };
    const { stdout } = await run(node, ['scripts/token.ts', '--tenant', 'demo', '--role', 'admin', '--ttl', '10m'], { cwd: root, env: cliEnv });
    const keys = JSON.parse(await readFile(join(dataDir, 'keys', 'dev-keys.json'), 'utf8')) as { jwt: { publicJwk: Record<string, unknown> } };
    const verifier = await createJwtVerifier({ ...loadGatewayConfig({}, root).jwt, publicJwk: keys.jwt.publicJwk });
    const claims = await verifier.verify(stdout.trim());
    expect(claims).toMatchObject({ roles: ['ADMIN'], plan: 'PROFESSIONAL', platformAdmin: false });
    const overview = await createGatewayClient(stack!.gatewayUrl).request<Overview>('{ tenant { id slug } }', {}, stdout.trim());
    expect(overview.tenant).toMatchObject({ id: claims.tenantId, slug: 'demo' });

    const missing = await run(node, ['scripts/token.ts', '--tenant', 'nosuch'], { cwd: root, env: cliEnv }).catch((e: unknown) => e);
    expect(missing).toMatchObject({ code: 1, stderr: expect.stringContaining('no tenant has the slug "nosuch"') });
    const bad = await run(node, ['scripts/token.ts', '--tenant', 'demo', '--ttl', 'forever'], { cwd: root, env: cliEnv }).catch((e: unknown) => e);
    expect(bad).toMatchObject({ code: 2, stderr: expect.stringContaining('--ttl must be a duration') });
  });

  it('closes everything and frees every port', async () => {
    const ports = [new URL(stack!.gatewayUrl).port, ...stack!.subgraphs.map((s) => String(s.port))].map(Number);
    await stack!.close();
    stack = undefined;
    for (const port of ports) await expect(canConnect(port)).resolves.toBe(false);
  });
});

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connectTcp(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
