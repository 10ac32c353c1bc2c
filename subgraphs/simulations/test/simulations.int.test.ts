import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { QueryResult } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TenantClaims } from '../../kit/src/auth/claims.ts';
import { createContextSigner } from '../../kit/src/auth/contextToken.ts';
import { generateDevKeys } from '../../kit/src/auth/devKeys.ts';
import { serveSubgraph } from '../../kit/src/bootSubgraph.ts';
import type { RunningSubgraph } from '../../kit/src/bootSubgraph.ts';
import { createMemoryBus } from '../../kit/src/bus/createMemoryBus.ts';
import type { PlatformEvent } from '../../kit/src/bus/PlatformEvent.ts';
import { createMemoryCache } from '../../kit/src/cache/createMemoryCache.ts';
import { createMemoryLiveBus } from '../../kit/src/live/createMemoryLiveBus.ts';
import { silentLogger } from '../../kit/src/log.ts';
import type { PgStore } from '../../kit/src/store/createPgStore.ts';
import { loadSubgraphConfig } from '../../kit/src/subgraphConfig.ts';
import { claimsFor, postGraphQL, TEST_PG_SERVER, testDatabase, testKeys, verifierFor } from '../../kit/src/testing/testEnvironment.ts';
import type { GraphQLResponse } from '../../kit/src/testing/testEnvironment.ts';
import { Simulation } from '../src/entities/Simulation.ts';
import { openSimulations } from '../src/start.ts';

// The simulations subgraph served over HTTP as production serves it (real PostgreSQL, worker
// threads), called with gateway-signed contexts of two tenants.
const root = join(import.meta.dirname, '..', '..', '..');
const tenantA = randomUUID();
const tenantB = randomUUID();
const tenantC = randomUUID();

const START = `mutation Start($input: StartSimulationInput!) { startSimulation(input: $input) { id status seed iterations } }`;
const GET = `query Get($id: ID!) {
  simulation(id: $id) {
    id status iterations seed completedIterations error startedAt finishedAt tenant { id }
    variables { name distribution { __typename ... on NormalDistribution { mean stdDev } ... on TriangularDistribution { min mode max } ... on UniformDistribution { min max } } }
    result { samples nonFinite mean stdDev min max p5 p10 p25 p50 p75 p90 p95 histogram { lower upper count } }
  }
}`;
const CANCEL = `mutation Cancel($id: ID!) { cancelSimulation(id: $id) { id status finishedAt } }`;

const margin = (overrides: Record<string, unknown> = {}) => ({
  name: 'margin',
  iterations: 200_000,
  seed: 7,
  variables: [
    { name: 'price', normal: { mean: 10, stdDev: 1 } },
    { name: 'cost', triangular: { min: 4, mode: 6, max: 9 } },
  ],
  expression: 'price - cost',
  ...overrides,
});

interface Run {
  id: string;
  status: string;
  iterations: number;
  seed: number;
  completedIterations: number;
  error: string | null;
  startedAt: string | null;
  finishedAt: string | null;
  tenant: { id: string };
  variables: Array<{ name: string; distribution: Record<string, unknown> }>;
  result: null | {
    samples: number;
    nonFinite: number;
    mean: number;
    p5: number;
    p50: number;
    p95: number;
    histogram: Array<{ lower: number; upper: number; count: number }>;
  } & Record<string, unknown>;
}

/** The UTC day this file's quota checks count in (see the clock given to the subgraph). */
const startOfToday = new Date(new Date().setUTCHours(0, 0, 0, 0));

describe('simulations subgraph over HTTP', () => {
  const db = testDatabase('simulations');
  const dataDir = mkdtempSync(join(tmpdir(), 'simulations-test-'));
  const bus = createMemoryBus({ log: silentLogger });
  const events: PlatformEvent[] = [];
  let running: RunningSubgraph;
  let store: PgStore;
  let signer: Awaited<ReturnType<typeof testKeys>>['signer'];

  const call = <T = Record<string, unknown>>(claims: TenantClaims | null, query: string, variables: Record<string, unknown> = {}) =>
    postGraphQL<T>(running.url, query, variables, claims ? { signer, audience: 'simulations', claims } : undefined);
  const asA = claimsFor(tenantA, { plan: 'PROFESSIONAL' });
  const asB = claimsFor(tenantB, { plan: 'ENTERPRISE' });

  async function start(claims: TenantClaims, input: Record<string, unknown>): Promise<{ id: string; status: string; seed: number }> {
    const response = await call<{ startSimulation: { id: string; status: string; seed: number } }>(claims, START, { input });
    expect(response.body.errors).toBeUndefined();
    return response.body.data!.startSimulation;
  }
  async function get(claims: TenantClaims, id: string): Promise<Run | null> {
    const response = await call<{ simulation: Run | null }>(claims, GET, { id });
    expect(response.body.errors).toBeUndefined();
    return response.body.data!.simulation;
  }
  async function waitFor(claims: TenantClaims, id: string, done: (run: Run) => boolean, timeoutMs = 30_000): Promise<Run> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const run = await get(claims, id);
      if (run && done(run)) return run;
      if (Date.now() > until) throw new Error(`run ${id} did not get there in time: ${JSON.stringify(run && { status: run.status, completed: run.completedIterations })}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  const firstError = (response: GraphQLResponse) => response.body.errors?.[0];

  beforeAll(async () => {
    const keys = await testKeys();
    signer = keys.signer;
    const verifier = await verifierFor(keys.keys, 'simulations');
    const { config, env } = loadSubgraphConfig(
      'simulations',
      {
        DATABASE_URL: TEST_PG_SERVER,
        DATABASE_NAME: db.name,
        PORT: '0',
        HOST: '127.0.0.1',
        LOG_LEVEL: 'silent',
        SIMULATION_WORKERS: '2',
        DATA_DIR: dataDir,
      },
      root,
    );
    await bus.consume({ durable: 'test', types: ['simulation.completed'], handler: async (event) => void events.push(event) });
    running = await serveSubgraph(config, env, { log: silentLogger, bus, live: createMemoryLiveBus(), cache: createMemoryCache(), verifier }, async (c, e, d) => {
      // The daily quota's day from a clock held at noon of the day the quota test writes for.
      const opened = await openSimulations(c, e, d, { now: () => new Date(startOfToday.getTime() + 12 * 3_600_000) });
      store = opened.store;
      return opened.runtime;
    });
  });
  afterAll(async () => {
    await running?.close();
    await bus.close();
    await db.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('runs the issue example off the request path: queued at once, then the distribution of price - cost', async () => {
    const started = await start(asA, margin());
    expect(started.status).toBe('QUEUED');
    const run = await waitFor(asA, started.id, (r) => r.status === 'COMPLETED');
    const result = run.result!;
    expect(Math.abs(result.mean - (10 - 19 / 3))).toBeLessThan(0.05);
    expect(result.p5).toBeLessThan(result.p50);
    expect(result.p50).toBeLessThan(result.p95);
    expect(result.samples + result.nonFinite).toBe(200_000);
    expect(result.histogram.reduce((sum, bin) => sum + bin.count, 0)).toBe(result.samples);
    expect(run).toMatchObject({ completedIterations: 200_000, iterations: 200_000, seed: 7, error: null, tenant: { id: tenantA } });
    expect(new Date(run.finishedAt!).getTime()).toBeGreaterThanOrEqual(new Date(run.startedAt!).getTime());
    expect(run.variables).toEqual([
      { name: 'price', distribution: { __typename: 'NormalDistribution', mean: 10, stdDev: 1 } },
      { name: 'cost', distribution: { __typename: 'TriangularDistribution', min: 4, mode: 6, max: 9 } },
    ]);
    await expect.poll(() => events.find((e) => e.data.simulationId === started.id)).toMatchObject({
      type: 'simulation.completed',
      tenantId: tenantA,
      source: 'simulations',
      data: { simulationId: started.id, iterations: 200_000 },
    });
    const event = events.find((e) => e.data.simulationId === started.id)!;
    expect(event.data.durationMs).toBeGreaterThanOrEqual(0);
  });

  it('gives the same result for the same seed, and picks a 32-bit seed when none is given', async () => {
    const first = await start(asA, margin({ iterations: 50_000, seed: 12345 }));
    const second = await start(asA, margin({ iterations: 50_000, seed: 12345 }));
    const [a, b] = await Promise.all([first, second].map((r) => waitFor(asA, r.id, (run) => run.status === 'COMPLETED')));
    expect(a!.result).toEqual(b!.result);
    const other = await start(asA, margin({ iterations: 50_000, seed: 12346 }));
    expect((await waitFor(asA, other.id, (r) => r.status === 'COMPLETED')).result!.mean).not.toBe(a!.result!.mean);

    const unseeded = await start(asA, margin({ iterations: 1_000, seed: undefined }));
    expect(Number.isInteger(unseeded.seed)).toBe(true);
    expect(Math.abs(unseeded.seed)).toBeLessThanOrEqual(2 ** 31);
  });

  it('takes a distribution as the @oneOf `distribution` input, and the schema enforces one key', async () => {
    const started = await start(asA, {
      name: 'oneOf',
      iterations: 1_000,
      seed: 1,
      variables: [{ name: 'x', distribution: { uniform: { min: 0, max: 2 } } }],
      expression: 'x * 2',
    });
    const run = await waitFor(asA, started.id, (r) => r.status === 'COMPLETED');
    expect(run.variables).toEqual([{ name: 'x', distribution: { __typename: 'UniformDistribution', min: 0, max: 2 } }]);

    const introspection = await call<{ __type: { isOneOf: boolean } }>(asA, '{ __type(name: "DistributionInput") { isOneOf } }');
    expect(introspection.body.data?.__type.isOneOf).toBe(true);
    // Two keys as a literal: refused when the document is validated.
    const literal = await call(
      asA,
      `mutation { startSimulation(input: { name: "x", iterations: 10, seed: 1, expression: "x",
        variables: [{ name: "x", distribution: { uniform: { min: 0, max: 1 }, normal: { mean: 0, stdDev: 1 } } }] }) { id } }`,
    );
    expect(firstError(literal)?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(firstError(literal)?.message).toMatch(/exactly one key/);
    // Two keys in variables: refused when the variables are coerced.
    const variable = await call(asA, START, {
      input: margin({ variables: [{ name: 'x', distribution: { uniform: { min: 0, max: 1 }, normal: { mean: 0, stdDev: 1 } } }] }),
    });
    expect(firstError(variable)?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('refuses variables with two distributions, naming each of them', async () => {
    const before = await countRuns(tenantA);
    const response = await call(asA, START, {
      input: margin({
        variables: [
          { name: 'price', normal: { mean: 10, stdDev: 1 }, uniform: { min: 0, max: 1 } },
          { name: 'cost', triangular: { min: 4, mode: 6, max: 9 }, distribution: { normal: { mean: 1, stdDev: 1 } } },
        ],
      }),
    });
    const error = firstError(response)!;
    expect(error.extensions?.code).toBe('BAD_USER_INPUT');
    expect(error.message).toContain('Variable "price" must give exactly one distribution');
    expect(error.message).toContain('Variable "cost" must give exactly one distribution');
    expect(error.extensions?.variable).toBe('price');
    expect(await countRuns(tenantA)).toBe(before);
  });

  it('refuses a bad expression with the position of the mistake', async () => {
    const response = await call(asA, START, { input: margin({ expression: 'price - * cost' }) });
    const error = firstError(response)!;
    expect(error.extensions?.code).toBe('BAD_USER_INPUT');
    expect(error.message).toBe('expression: Unexpected "*" at position 8: expected a number, variable or "("');
    expect(error.extensions?.position).toBe(8);
    const unknown = firstError(await call(asA, START, { input: margin({ expression: 'price - costs' }) }))!;
    expect(unknown.message).toMatch(/Unknown variable "costs" at position 8/);
    expect(unknown.extensions?.position).toBe(8);
  });

  it('lets viewers, and callers with no role, read runs but not start them; members may', async () => {
    const viewer = claimsFor(tenantA, { roles: ['VIEWER'] });
    expect(firstError(await call(viewer, START, { input: margin() }))?.extensions?.code).toBe('FORBIDDEN');
    const noRole = claimsFor(tenantA, { roles: [] });
    expect(firstError(await call(noRole, START, { input: margin() }))?.extensions?.code).toBe('FORBIDDEN');
    const member = claimsFor(tenantA, { roles: ['MEMBER'] });
    const run = await start(member, margin({ name: 'by-a-member', iterations: 1_000 }));
    await waitFor(member, run.id, (r) => r.status === 'COMPLETED');
  });

  it("refuses a run past the plan's daily quota, counting only today's runs of the tenant", async () => {
    const tenant = randomUUID();
    const trial = claimsFor(tenant, { plan: 'TRIAL' });
    const yesterday = new Date(startOfToday.getTime() - 60_000);
    // Nine finished runs today and five yesterday (which do not count), written as the tenant.
    await store.run(trial, async (em) => {
      for (const [count, createdAt] of [[9, startOfToday], [5, yesterday]] as const) {
        for (let i = 0; i < count; i += 1) {
          em.create(Simulation, { tenantId: tenant, ...margin({ name: 'done', iterations: 10 }), variables: [{ name: 'x', distribution: { kind: 'uniform', min: 0, max: 1 } }], expression: 'x', status: 'COMPLETED', createdAt });
        }
      }
      await em.flush();
    });
    const tenth = await start(trial, margin({ iterations: 1_000 }));
    expect(tenth.status).toBe('QUEUED');
    const refused = firstError(await call(trial, START, { input: margin({ iterations: 1_000 }) }))!;
    expect(refused.extensions).toMatchObject({ code: 'QUOTA_EXCEEDED', limit: 10 });
    expect(refused.message).toMatch(/TRIAL plan allows 10 simulation runs a day; the count starts again at \d{4}-/);
    // Another tenant on the same plan is not held back by this one's runs.
    expect((await start(claimsFor(randomUUID(), { plan: 'TRIAL' }), margin({ iterations: 1_000 }))).status).toBe('QUEUED');
    await waitFor(trial, tenth.id, (run) => run.status === 'COMPLETED');
  });

  it('holds iterations to 1..10,000,000 and to the plan, and checks the parameters', async () => {
    const over = firstError(await call(claimsFor(tenantA, { plan: 'TRIAL' }), START, { input: margin() }))!;
    expect(over.extensions).toMatchObject({ code: 'QUOTA_EXCEEDED', limit: 100_000 });
    expect(firstError(await call(claimsFor(tenantA, { plan: 'STANDARD' }), START, { input: margin({ iterations: 2_000_000 }) }))?.extensions?.code).toBe(
      'QUOTA_EXCEEDED',
    );
    expect(firstError(await call(asA, START, { input: margin({ iterations: 0 }) }))?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(firstError(await call(asB, START, { input: margin({ iterations: 10_000_001 }) }))?.extensions?.code).toBe('BAD_USER_INPUT');
    const bad = firstError(
      await call(asA, START, {
        input: margin({ name: ' ', variables: [{ name: 'price', normal: { mean: 10, stdDev: -1 } }, { name: 'cost', triangular: { min: 4, mode: 10, max: 9 } }] }),
      }),
    )!;
    expect(bad.extensions?.code).toBe('BAD_USER_INPUT');
    expect(bad.extensions?.problems).toEqual([
      '`name` must be 1 to 200 characters',
      'Variable "price": normal stdDev must be greater than 0, got -1',
      'Variable "cost": triangular mode (10) must lie between min (4) and max (9)',
    ]);
  });

  it('cancels a long run: the worker stops and the run stays CANCELLED', async () => {
    const long = await start(asB, margin({ name: 'long', iterations: 10_000_000, expression: 'sqrt(abs(price - cost)) * exp(log(price)) / max(cost, 1)' }));
    const progressing = await waitFor(asB, long.id, (r) => r.status === 'RUNNING' && r.completedIterations > 0);
    expect(progressing.completedIterations).toBeLessThan(10_000_000);
    const cancelled = await call<{ cancelSimulation: { status: string; finishedAt: string | null } }>(asB, CANCEL, { id: long.id });
    expect(cancelled.body.data?.cancelSimulation).toMatchObject({ status: 'CANCELLED' });
    expect(cancelled.body.data?.cancelSimulation.finishedAt).not.toBeNull();
    // The worker reports where it stopped; the run never completes.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const after = (await get(asB, long.id))!;
    expect(after.status).toBe('CANCELLED');
    expect(after.result).toBeNull();
    expect(after.completedIterations).toBeLessThan(10_000_000);
    // Cancelling again is harmless; a completed run cannot be cancelled.
    expect((await call<{ cancelSimulation: { status: string } }>(asB, CANCEL, { id: long.id })).body.data?.cancelSimulation.status).toBe('CANCELLED');
    const done = await start(asB, margin({ iterations: 1_000 }));
    await waitFor(asB, done.id, (r) => r.status === 'COMPLETED');
    expect(firstError(await call(asB, CANCEL, { id: done.id }))?.extensions?.code).toBe('CONFLICT');
  });

  it("keeps tenants apart: B cannot read, cancel or resolve A's runs; unsigned calls get 401", async () => {
    const aRun = await start(asA, margin({ name: 'secret-of-a', iterations: 1_000 }));
    await waitFor(asA, aRun.id, (r) => r.status === 'COMPLETED');

    expect(await get(asB, aRun.id)).toBeNull();
    expect(firstError(await call(asB, CANCEL, { id: aRun.id }))?.extensions?.code).toBe('NOT_FOUND');
    expect(firstError(await call(asB, CANCEL, { id: 'not-a-uuid' }))?.extensions?.code).toBe('NOT_FOUND');
    expect(await get(asB, 'not-a-uuid')).toBeNull();

    const entities = await call<{ _entities: Array<Record<string, unknown> | null> }>(
      asB,
      `query($r: [_Any!]!) { _entities(representations: $r) {
        ... on Simulation { id name } ... on Tenant { id simulations(first: 50) { totalCount edges { node { id name } } } } } }`,
      { r: [{ __typename: 'Simulation', id: aRun.id }, { __typename: 'Tenant', id: tenantA }, { __typename: 'Tenant', id: tenantB }] },
    );
    expect(entities.body.errors).toBeUndefined();
    const [simulation, tenantOfA, ownTenant] = entities.body.data!._entities;
    expect(simulation).toBeNull();
    expect(tenantOfA).toBeNull();
    const names = (ownTenant as { simulations: { edges: Array<{ node: { name: string } }> } }).simulations.edges.map((e) => e.node.name);
    expect(names).not.toContain('secret-of-a');
    expect(names.length).toBeGreaterThan(0);

    // Nothing changed for A.
    expect((await get(asA, aRun.id))?.status).toBe('COMPLETED');

    const unsigned = await call(null, GET, { id: aRun.id });
    expect(unsigned.status).toBe(401);
    expect(firstError(unsigned)?.extensions?.code).toBe('UNAUTHENTICATED');
    const forger = await createContextSigner((await generateDevKeys()).context.privateJwk);
    const forged = await postGraphQL(running.url, GET, { id: aRun.id }, { signer: forger, audience: 'simulations', claims: asA });
    expect(forged.status).toBe(401);
    // A token for another subgraph is not one for this one.
    const otherAudience = await postGraphQL(running.url, GET, { id: aRun.id }, { signer, audience: 'models', claims: asA });
    expect(otherAudience.status).toBe(401);
  });

  it('keeps the store out of reach of a missing filter (RLS), and the runner scan read-only', async () => {
    const asARows = await store.run(asA, (em) => em.execute<{ tenant_id: string }[]>('select tenant_id from simulations'));
    expect(asARows.length).toBeGreaterThan(0);
    expect(new Set(asARows.map((r) => r.tenant_id))).toEqual(new Set([tenantA]));
    const unfiltered = await store.run(asB, (em) => em.find(Simulation, {}, { filters: false }));
    expect(unfiltered.every((r) => r.tenantId === tenantB)).toBe(true);
    const updated = await store.run(asB, (em) => em.execute<QueryResult>(`update simulations set name = 'pwned' where tenant_id = ?`, [tenantA], 'run'));
    expect(updated.affectedRows).toBe(0);
    // The runner's scan setting shows unfinished runs only, and lets nothing be written.
    const scanned = await store.run(claimsFor(tenantB), async (em) => {
      await em.execute(`select set_config('app.simulation_runner_scan', 'on', true)`);
      const rows = await em.execute<{ status: string }[]>(`select status from simulations where tenant_id = ?`, [tenantA]);
      const changed = await em.execute<QueryResult>(`update simulations set name = 'pwned' where tenant_id = ?`, [tenantA], 'run');
      return { rows, changed: changed.affectedRows };
    });
    expect(scanned.rows.every((r) => r.status === 'QUEUED' || r.status === 'RUNNING')).toBe(true);
    expect(scanned.changed).toBe(0);
    await expect(
      store.run(asB, (em) =>
        em.execute(
          `insert into simulations (id, tenant_id, name, variables, expression, iterations, seed) values (gen_random_uuid(), ?, 'x', '[]', 'x', 1, 1)`,
          [tenantA],
        ),
      ),
    ).rejects.toThrow(/row-level security/);
  });

  it('costs the same statements for a page of 1 and a page of 20, and for 1 and 20 references', async () => {
    const ids = await store.run(claimsFor(tenantC), async (em) => {
      const rows = Array.from({ length: 25 }, (_, i) =>
        em.create(Simulation, {
          tenantId: tenantC,
          name: `done-${i}`,
          status: 'COMPLETED',
          variables: [{ name: 'x', distribution: { kind: 'uniform', min: 0, max: 1 } }],
          expression: 'x',
          iterations: 10,
          seed: i,
          completedIterations: 10,
          result: { samples: 10, nonFinite: 0, mean: 0.5, stdDev: 0.3, min: 0, max: 1, p5: 0, p10: 0, p25: 0, p50: 0.5, p75: 1, p90: 1, p95: 1, histogram: [{ lower: 0, upper: 1, count: 10 }] },
          createdAt: new Date(Date.now() - i * 1_000),
        }),
      );
      await em.flush();
      return rows.map((r) => r.id);
    });
    const asC = claimsFor(tenantC);
    const page = `query($r: [_Any!]!, $first: Int, $after: String) { _entities(representations: $r) { ... on Tenant {
      simulations(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node {
        id name status tenant { id } variables { name distribution { __typename } } result { mean histogram { count } } } } } } } }`;
    const statements = async (query: string, variables: Record<string, unknown>) => {
      const before = store.statementCount();
      const response = await call<{ _entities: unknown[] }>(asC, query, variables);
      expect(response.body.errors).toBeUndefined();
      return { count: store.statementCount() - before, data: response.body.data! };
    };
    const one = await statements(page, { r: [{ __typename: 'Tenant', id: tenantC }], first: 1 });
    const twenty = await statements(page, { r: [{ __typename: 'Tenant', id: tenantC }], first: 20 });
    expect(one.count).toBeGreaterThan(0);
    expect(twenty.count).toBe(one.count);
    const connection = (twenty.data._entities[0] as { simulations: { totalCount: number; edges: Array<{ node: { name: string } }>; pageInfo: { hasNextPage: boolean; endCursor: string } } }).simulations;
    expect(connection.totalCount).toBe(25);
    expect(connection.edges.map((e) => e.node.name)).toEqual(Array.from({ length: 20 }, (_, i) => `done-${i}`));
    expect(connection.pageInfo.hasNextPage).toBe(true);
    const next = await statements(page, { r: [{ __typename: 'Tenant', id: tenantC }], first: 20, after: connection.pageInfo.endCursor });
    const rest = (next.data._entities[0] as typeof connection & { simulations: typeof connection }).simulations;
    expect(rest.edges.map((e) => e.node.name)).toEqual(Array.from({ length: 5 }, (_, i) => `done-${20 + i}`));
    expect(rest.pageInfo.hasNextPage).toBe(false);

    const refs = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Simulation { id name tenant { id } result { p50 } } } }`;
    const single = await statements(refs, { r: ids.slice(0, 1).map((id) => ({ __typename: 'Simulation', id })) });
    const many = await statements(refs, { r: ids.slice(0, 20).map((id) => ({ __typename: 'Simulation', id })) });
    expect(single.count).toBeGreaterThan(0);
    expect(many.count).toBe(single.count);
    expect((many.data._entities as Array<{ id: string } | null>).map((e) => e?.id)).toEqual(ids.slice(0, 20));
  });

  async function countRuns(tenantId: string): Promise<number> {
    return store.run(claimsFor(tenantId), (em) => em.count(Simulation, {}));
  }
});
