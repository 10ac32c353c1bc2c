import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import type { JetStreamManager } from '@nats-io/jetstream';
import type { Consumption } from '../../kit/src/bus/EventBus.ts';
import { createNatsBus } from '../../kit/src/bus/createNatsBus.ts';
import { createEvent } from '../../kit/src/bus/PlatformEvent.ts';
import type { PlatformEvent } from '../../kit/src/bus/PlatformEvent.ts';
import type { TenantClaims } from '../../kit/src/auth/claims.ts';
import { createLogger } from '../../kit/src/log.ts';
import { createPgStore } from '../../kit/src/store/createPgStore.ts';
import type { PgStore } from '../../kit/src/store/createPgStore.ts';
import { claimsFor, platformAdminClaims, testDatabase, TEST_NATS_URL, uniqueSuffix } from '../../kit/src/testing/testEnvironment.ts';
import { ProcessedEvent } from '../src/entities/ProcessedEvent.ts';
import { UsageDaily } from '../src/entities/UsageDaily.ts';
import type { Usage } from '../src/generated/resolvers.ts';
import { migrations } from '../src/migrations.ts';
import { buildAnalyticsContext, createAnalyticsSubgraph } from '../src/server.ts';
import { consumerClaims, createUsageRecorder } from '../src/services/createUsageRecorder.ts';
import type { UsageRecorder } from '../src/services/createUsageRecorder.ts';
import { startUsageConsumer, USAGE_DURABLE } from '../src/startUsageConsumer.ts';
import { utcDay, windowDays } from '../src/usageWindow.ts';

const DAY_MS = 86_400_000;
// The clock of the read side is pinned, so a run that crosses midnight UTC still agrees with itself.
const NOW = new Date();
const today = utcDay(NOW);
const daysAgo = (n: number) => new Date(NOW.getTime() - n * DAY_MS);

const USAGE_QUERY = `query Usage($representations: [_Any!]!, $days: Int!) {
  _entities(representations: $representations) {
    ... on Tenant { id usage(days: $days) {
      messagesTotal simulationsTotal completionsTotal tokensTotal costUsd
      daily { date messages simulations completions tokens costUsd }
    } }
  }
}`;

describe('analytics usage from real NATS JetStream events, on PostgreSQL', () => {
  const db = testDatabase('analytics');
  const suffix = uniqueSuffix();
  const stream = `T_ANALYTICS_${suffix}`;
  const prefix = `t_analytics_${suffix}`;
  const logged: Array<{ level: string; msg: string } & Record<string, unknown>> = [];
  const log = createLogger({ level: 'warn', write: (line) => logged.push(JSON.parse(line)) });
  let store: PgStore;
  let bus: Awaited<ReturnType<typeof createNatsBus>>;
  let jsm: JetStreamManager;
  let recorder: UsageRecorder;
  let consumption: Consumption | undefined;
  let subgraph: ReturnType<typeof createAnalyticsSubgraph>;

  beforeAll(async () => {
    store = await createPgStore({
      adminUrl: db.adminUrl,
      entities: [UsageDaily, ProcessedEvent],
      tenantScoped: [UsageDaily, ProcessedEvent],
      migrations,
      log,
    });
    // A short ack wait: a message stranded in a stopped consumer's buffer comes back quickly.
    bus = await createNatsBus({ servers: TEST_NATS_URL, stream, subjectPrefix: prefix, ackWaitMs: 3_000, log, name: 'analytics-test' });
    jsm = await jetstreamManager(bus.connection);
    recorder = createUsageRecorder({ store, log });
    subgraph = createAnalyticsSubgraph({ store, log, now: () => NOW, verifier: { verify: () => Promise.reject(new Error('unused')) } });
    await subgraph.server.start();
  });
  afterAll(async () => {
    await consumption?.stop();
    await subgraph?.server.stop();
    await jsm?.streams.delete(stream).catch((error: unknown) => console.warn(`stream ${stream} not deleted: ${String(error)}`));
    await bus?.close();
    await store?.close();
    await db.drop();
  });

  /** Resolves `Tenant.usage` through the subgraph's own resolvers, as the gateway's `_entities` call would. */
  async function entities(ids: string[], claims: TenantClaims, days = 3) {
    const response = await subgraph.server.executeOperation<{ _entities: Array<{ id: string; usage: Usage } | null> }>(
      { query: USAGE_QUERY, variables: { representations: ids.map((id) => ({ __typename: 'Tenant', id })), days } },
      { contextValue: buildAnalyticsContext({ store, log, now: () => NOW }, { claims, requestId: randomUUID(), log }) },
    );
    if (response.body.kind !== 'single') throw new Error('expected a single result');
    return response.body.singleResult;
  }
  async function usageOf(tenantId: string, days = 3): Promise<Usage> {
    const result = await entities([tenantId], claimsFor(tenantId), days);
    expect(result.errors).toBeUndefined();
    const usage = result.data?._entities[0]?.usage;
    if (!usage) throw new Error(`no usage for ${tenantId}`);
    return usage;
  }
  /** Waits until the durable consumer has nothing pending and nothing unacknowledged. */
  async function drained() {
    await expect
      .poll(async () => {
        const info = await jsm.consumers.info(stream, USAGE_DURABLE);
        return info.num_pending + info.num_ack_pending;
      }, { timeout: 15_000, interval: 100 })
      .toBe(0);
  }
  const processedCount = (tenantId: string) =>
    store.run(consumerClaims(tenantId), async (em) => {
      const rows = await em.execute<Array<{ n: number }>>('select count(*)::int as n from processed_events');
      return rows[0]!.n;
    });

  const tenant = randomUUID();

  it('counts every event once, however often it is published or delivered', async () => {
    const direct = createEvent('message.created', tenant, 'conversations', { tokenCount: 5 }, NOW);
    // The handler itself, twice: the second finds the id taken.
    expect(await recorder.record(direct)).toBe('counted');
    expect(await recorder.record(direct)).toBe('duplicate');

    const m1 = createEvent('message.created', tenant, 'conversations', { tokenCount: 10 }, NOW);
    const m2 = createEvent('message.created', tenant, 'conversations', { tokenCount: 20 }, daysAgo(1));
    const events: PlatformEvent[] = [
      createEvent('tenant.created', tenant, 'tenants', { slug: 'acme' }, daysAgo(2)),
      m1,
      m1, // the same event twice: JetStream's duplicate window drops the second
      m2,
      createEvent('message.created', tenant, 'conversations', {}, NOW),
      createEvent('simulation.completed', tenant, 'simulations', { runId: randomUUID() }, NOW),
      createEvent('completion.finished', tenant, 'models', { totalTokens: 100, costUsd: 0.25 }, daysAgo(1)),
      createEvent('completion.finished', tenant, 'models', { totalTokens: 50, costUsd: 0.125 }, NOW),
      createEvent('conversation.created', tenant, 'conversations', {}, NOW), // not a usage event
      direct, // already counted by the direct calls above
    ];
    for (const event of events) await bus.publish(event);
    // A copy of m2 without a message id gets past the dedup window, as a redelivery would.
    await jetstream(bus.connection).publish(`${prefix}.${m2.type}`, JSON.stringify(m2));
    expect((await jsm.streams.info(stream)).state.messages).toBe(10);

    consumption = await startUsageConsumer(bus, recorder);
    await expect.poll(() => usageOf(tenant).then((u) => u.messagesTotal), { timeout: 15_000, interval: 100 }).toBe(4);
    await drained();

    expect(await usageOf(tenant)).toEqual({
      messagesTotal: 4,
      simulationsTotal: 1,
      completionsTotal: 2,
      tokensTotal: 185,
      costUsd: 0.375,
      daily: [
        // tenant.created opened this bucket with zeros.
        { date: utcDay(daysAgo(2)), messages: 0, simulations: 0, completions: 0, tokens: 0, costUsd: 0 },
        { date: utcDay(daysAgo(1)), messages: 1, simulations: 0, completions: 1, tokens: 120, costUsd: 0.25 },
        { date: today, messages: 3, simulations: 1, completions: 1, tokens: 65, costUsd: 0.125 },
      ],
    });
    const buckets = await store.run(claimsFor(tenant), (em) => em.find(UsageDaily, {}, { orderBy: { day: 'asc' } }));
    expect(buckets.map((b) => b.day)).toEqual([utcDay(daysAgo(2)), utcDay(daysAgo(1)), today]);
    expect(await processedCount(tenant)).toBe(8);
  });

  it('resumes after a restart with the same durable name, counting only the new events once', async () => {
    await consumption!.stop();
    consumption = undefined;
    const before = await usageOf(tenant);
    const fresh = [
      createEvent('message.created', tenant, 'conversations', { tokenCount: 1 }, NOW),
      createEvent('message.created', tenant, 'conversations', { tokenCount: 2 }, NOW),
      createEvent('simulation.completed', tenant, 'simulations', {}, NOW),
    ];
    for (const event of fresh) await bus.publish(event);
    // Nobody consumes while stopped: the events wait on the durable consumer.
    expect((await jsm.consumers.info(stream, USAGE_DURABLE)).num_pending).toBe(3);
    expect(await usageOf(tenant)).toEqual(before);

    consumption = await startUsageConsumer(bus, recorder);
    await expect.poll(() => usageOf(tenant).then((u) => u.messagesTotal), { timeout: 15_000, interval: 100 }).toBe(6);
    await drained();
    const after = await usageOf(tenant);
    expect(after).toMatchObject({ messagesTotal: 6, simulationsTotal: 2, completionsTotal: 2, tokensTotal: 188, costUsd: 0.375 });
    expect(after.daily.at(-1)).toMatchObject({ date: today, messages: 5, simulations: 2, tokens: 68 });
    expect(await processedCount(tenant)).toBe(11);
  });

  it('counts malformed data fields as 0 with a warning, and acknowledges unattributable events', async () => {
    const other = randomUUID();
    logged.length = 0;
    const badData = createEvent('completion.finished', other, 'models', { totalTokens: 'lots' }, NOW);
    const noTenant = createEvent('message.created', 'not-a-tenant', 'conversations', {}, NOW);
    await bus.publish(badData);
    await bus.publish(noTenant);
    await bus.publish(createEvent('message.created', other, 'conversations', { tokenCount: 7 }, NOW));
    await expect.poll(() => usageOf(other).then((u) => u.messagesTotal), { timeout: 15_000, interval: 100 }).toBe(1);
    await drained();
    expect(await usageOf(other)).toMatchObject({ messagesTotal: 1, completionsTotal: 1, tokensTotal: 7, costUsd: 0 });
    expect(logged).toContainEqual(
      expect.objectContaining({
        level: 'warn',
        msg: 'usage event data malformed, counted as 0',
        eventId: badData.id,
        problems: ['data.totalTokens must be a non-negative whole number, got "lots"', 'data.costUsd is missing'],
      }),
    );
    expect(logged).toContainEqual(expect.objectContaining({ level: 'error', msg: 'usage event rejected', eventId: noTenant.id }));
    // Acknowledged, not retried: the handler did not throw.
    expect(logged.filter((l) => l.msg === 'event handler failed, will be redelivered')).toEqual([]);
    expect(await recorder.record({ ...badData, id: 'not-a-uuid' })).toBe('rejected');
  });

  it('counts an event once when replicas race on it', async () => {
    const racer = randomUUID();
    const event = createEvent('message.created', racer, 'conversations', { tokenCount: 3 }, NOW);
    const outcomes = await Promise.all(Array.from({ length: 6 }, () => recorder.record(event)));
    expect(outcomes.filter((o) => o === 'counted')).toHaveLength(1);
    expect(outcomes.filter((o) => o === 'duplicate')).toHaveLength(5);
    expect(await usageOf(racer)).toMatchObject({ messagesTotal: 1, tokensTotal: 3 });
  });

  it("keeps tenants apart in the store and in the graph", async () => {
    const a = randomUUID();
    const b = randomUUID();
    await recorder.record(createEvent('message.created', a, 'conversations', { tokenCount: 1 }, NOW));
    for (let i = 0; i < 3; i += 1) await recorder.record(createEvent('message.created', b, 'conversations', { tokenCount: 100 }, NOW));

    // Raw SQL with no tenant condition, as A: RLS returns A's rows only.
    const raw = await store.run(claimsFor(a), (em) => em.execute<Array<{ tenant_id: string }>>('select tenant_id from usage_daily'));
    expect(raw.map((r) => r.tenant_id)).toEqual([a]);
    const unfiltered = await store.run(claimsFor(a), (em) => em.find(ProcessedEvent, {}, { filters: false }));
    expect(unfiltered.map((r) => r.tenantId)).toEqual([a]);
    // Writing B's bucket or claiming an event id for B while acting as A is refused.
    await expect(
      store.run(claimsFor(a), (em) => em.execute("insert into usage_daily (tenant_id, day, messages) values (?, current_date, 1000)", [b])),
    ).rejects.toThrow(/row-level security/);
    await expect(
      store.run(claimsFor(a), (em) =>
        em.execute("insert into processed_events (event_id, tenant_id, type) values (gen_random_uuid(), ?, 'x')", [b]),
      ),
    ).rejects.toThrow(/row-level security/);
    // No tenant at all (an operator): nothing.
    const none = await store.run(platformAdminClaims, (em) => em.execute<Array<{ n: number }>>('select count(*)::int as n from usage_daily'));
    expect(none[0]!.n).toBe(0);

    expect(await usageOf(a)).toMatchObject({ messagesTotal: 1, tokensTotal: 1 });
    const mixed = await entities([a, b], claimsFor(a));
    expect(mixed.errors).toBeUndefined();
    expect(mixed.data?._entities[0]).toMatchObject({ id: a, usage: { messagesTotal: 1 } });
    expect(mixed.data?._entities[1]).toBeNull();
    // An operator sees tenant records (tenants subgraph), never a tenant's usage: refused, not a silent null.
    const operator = await entities([a], platformAdminClaims);
    expect(operator.data?._entities).toEqual([null]);
    expect(operator.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    // Below the resolvers, the loader and the service refuse another tenant's usage too.
    const context = buildAnalyticsContext({ store, log, now: () => NOW }, { claims: claimsFor(a), requestId: 'r', log });
    await expect(context.loaders.usageByTenant.load({ tenantId: b, days: 1 })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(() => context.usage.usageOf(b, 1)).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
  });

  it('breaks down 1 to 366 days, zero-filled and oldest first, and refuses other windows', async () => {
    const year = await usageOf(tenant, 366);
    expect(year.daily.map((d) => d.date)).toEqual(windowDays(NOW, 366));
    expect(year.daily.at(-1)?.date).toBe(today);
    expect(year.daily.filter((d) => d.messages > 0).map((d) => d.date)).toEqual([utcDay(daysAgo(1)), today]);
    expect((await usageOf(tenant, 1)).daily).toHaveLength(1);
    const fallback = await entities([tenant], claimsFor(tenant));
    expect(fallback.data?._entities[0]?.usage.daily).toHaveLength(3);
    for (const days of [0, -1, 367]) {
      const refused = await entities([tenant], claimsFor(tenant), days);
      expect(refused.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
    const defaulted = await subgraph.server.executeOperation<{ _entities: Array<{ usage: { daily: unknown[] } }> }>(
      {
        query: `query($r: [_Any!]!) { _entities(representations: $r) { ... on Tenant { usage { daily { date } } } } }`,
        variables: { r: [{ __typename: 'Tenant', id: tenant }] },
      },
      { contextValue: buildAnalyticsContext({ store, log, now: () => NOW }, { claims: claimsFor(tenant), requestId: 'r', log }) },
    );
    expect(defaulted.body.kind === 'single' && defaulted.body.singleResult.data?._entities[0]?.usage.daily).toHaveLength(30);
  });

  it('costs the same statements for one reference as for many references and windows', async () => {
    await consumption?.stop(); // nothing else may touch the store while counting
    consumption = undefined;
    const cost = async (query: string, ids: string[]) => {
      const before = store.statementCount();
      const response = await subgraph.server.executeOperation(
        { query, variables: { r: ids.map((id) => ({ __typename: 'Tenant', id })) } },
        { contextValue: buildAnalyticsContext({ store, log, now: () => NOW }, { claims: claimsFor(tenant), requestId: 'r', log }) },
      );
      expect(response.body.kind === 'single' && response.body.singleResult.errors).toBeUndefined();
      return store.statementCount() - before;
    };
    const one = await cost(`query($r: [_Any!]!) { _entities(representations: $r) { ... on Tenant { usage(days: 7) { messagesTotal } } } }`, [tenant]);
    const many = await cost(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Tenant {
        week: usage(days: 7) { messagesTotal daily { date } } month: usage(days: 30) { tokensTotal } year: usage(days: 366) { costUsd }
      } } }`,
      [...Array<string>(10).fill(tenant), randomUUID(), randomUUID()],
    );
    expect(one).toBe(2);
    expect(many).toBe(one);
  });
});
