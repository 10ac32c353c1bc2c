import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jetstreamManager } from '@nats-io/jetstream';
import { createContextSigner } from '../../kit/src/auth/contextToken.ts';
import { generateDevKeys } from '../../kit/src/auth/devKeys.ts';
import { serveSubgraph } from '../../kit/src/bootSubgraph.ts';
import type { RunningSubgraph } from '../../kit/src/bootSubgraph.ts';
import { createNatsBus } from '../../kit/src/bus/createNatsBus.ts';
import { createEvent } from '../../kit/src/bus/PlatformEvent.ts';
import { createMemoryLiveBus } from '../../kit/src/live/createMemoryLiveBus.ts';
import { createMemoryCache } from '../../kit/src/cache/createMemoryCache.ts';
import { silentLogger } from '../../kit/src/log.ts';
import { loadSubgraphConfig } from '../../kit/src/subgraphConfig.ts';
import {
  claimsFor,
  platformAdminClaims,
  postGraphQL,
  testDatabase,
  testKeys,
  TEST_NATS_URL,
  TEST_PG_SERVER,
  uniqueSuffix,
  verifierFor,
} from '../../kit/src/testing/testEnvironment.ts';
import type { TenantClaims } from '../../kit/src/auth/claims.ts';
import { startAnalytics } from '../src/start.ts';

const root = join(import.meta.dirname, '..', '..', '..');
const USAGE = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Tenant { id usage(days: 2) { messagesTotal simulationsTotal daily { date messages } } } } }`;
type UsageData = { _entities: Array<{ id: string; usage: { messagesTotal: number; simulationsTotal: number } } | null> };

/** The subgraph as production wires it (startAnalytics behind serveSubgraph, real NATS bus), called over HTTP. */
describe('analytics subgraph over HTTP with its consumer on real NATS', () => {
  const db = testDatabase('analytics_http');
  const suffix = uniqueSuffix();
  const stream = `T_ANALYTICS_${suffix}`;
  let bus: Awaited<ReturnType<typeof createNatsBus>>;
  let running: RunningSubgraph;
  let gateway: Awaited<ReturnType<typeof testKeys>>;
  const a = randomUUID();
  const b = randomUUID();

  beforeAll(async () => {
    gateway = await testKeys();
    const { config, env } = loadSubgraphConfig(
      'analytics',
      { DATABASE_URL: TEST_PG_SERVER, DATABASE_NAME: db.name, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent' },
      root,
    );
    bus = await createNatsBus({ servers: TEST_NATS_URL, stream, subjectPrefix: `t_analytics_${suffix}`, log: silentLogger });
    const deps = { log: silentLogger, bus, live: createMemoryLiveBus(), cache: createMemoryCache(), verifier: await verifierFor(gateway.keys, 'analytics') };
    running = await serveSubgraph(config, env, deps, startAnalytics);
  });
  afterAll(async () => {
    await running?.close();
    if (bus) {
      const jsm = await jetstreamManager(bus.connection);
      await jsm.streams.delete(stream).catch((error: unknown) => console.warn(`stream ${stream} not deleted: ${String(error)}`));
      await bus.close();
    }
    await db.drop();
  });

  const asTenant = (claims: TenantClaims) => ({ signer: gateway.signer, audience: 'analytics', claims });
  const usage = (ids: string[], claims: TenantClaims) =>
    postGraphQL<UsageData>(running.url, USAGE, { r: ids.map((id) => ({ __typename: 'Tenant', id })) }, asTenant(claims));

  it("serves each tenant its own usage only, built from events on NATS", async () => {
    for (let i = 0; i < 3; i += 1) await bus.publish(createEvent('message.created', a, 'conversations', { tokenCount: 1 }));
    await bus.publish(createEvent('simulation.completed', a, 'simulations', {}));
    for (let i = 0; i < 5; i += 1) await bus.publish(createEvent('message.created', b, 'conversations', { tokenCount: 1 }));
    await bus.publish(createEvent('simulation.completed', b, 'simulations', {}));
    await bus.publish(createEvent('simulation.completed', b, 'simulations', {}));

    // B's events come last on the stream: once B's are counted, A's are too.
    await expect
      .poll(async () => (await usage([b], claimsFor(b))).body.data?._entities[0]?.usage, { timeout: 15_000, interval: 100 })
      .toMatchObject({ messagesTotal: 5, simulationsTotal: 2 });
    const own = await usage([a], claimsFor(a));
    expect(own.status).toBe(200);
    expect(own.body.errors).toBeUndefined();
    expect(own.body.data?._entities[0]).toMatchObject({ id: a, usage: { messagesTotal: 3, simulationsTotal: 1 } });
  });

  it("resolves another tenant's Tenant to null, and refuses operators tenant data with FORBIDDEN", async () => {
    const cross = await usage([b], claimsFor(a));
    expect(cross.status).toBe(200);
    expect(cross.body.errors).toBeUndefined();
    expect(cross.body.data?._entities).toEqual([null]);
    const mixed = await usage([a, b, a], claimsFor(a));
    expect(mixed.body.data?._entities.map((e) => e?.usage.messagesTotal ?? null)).toEqual([3, null, 3]);
    const operator = await usage([a], platformAdminClaims);
    expect(operator.body.data?._entities).toEqual([null]);
    expect(operator.body.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
  });

  it('refuses calls without a valid gateway context with 401', async () => {
    const variables = { r: [{ __typename: 'Tenant', id: a }] };
    const unsigned = await postGraphQL<UsageData>(running.url, USAGE, variables);
    expect(unsigned.status).toBe(401);
    expect(unsigned.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(unsigned.body.data ?? null).toBeNull();
    // Signed for another subgraph: the audience does not match.
    const elsewhere = await postGraphQL(running.url, USAGE, variables, { signer: gateway.signer, audience: 'tenants', claims: claimsFor(a) });
    expect(elsewhere.status).toBe(401);
    // Signed by a key that is not the gateway's.
    const forger = await createContextSigner((await generateDevKeys()).context.privateJwk);
    const forged = await postGraphQL(running.url, USAGE, variables, { signer: forger, audience: 'analytics', claims: claimsFor(a) });
    expect(forged.status).toBe(401);
    const raw = await postGraphQL(running.url, USAGE, variables, { header: 'x-platform-context', value: 'not-a-token' });
    expect(raw.status).toBe(401);
  });

  it('answers health checks', async () => {
    const response = await fetch(running.url.replace('/graphql', '/health'));
    expect(response.status).toBe(200);
  });
});
