import { randomUUID } from 'node:crypto';
import type { QueryResult } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryBus } from '../../kit/src/bus/createMemoryBus.ts';
import type { PlatformEvent } from '../../kit/src/bus/PlatformEvent.ts';
import { createMemoryCache } from '../../kit/src/cache/createMemoryCache.ts';
import { silentLogger } from '../../kit/src/log.ts';
import type { PgStore } from '../../kit/src/store/createPgStore.ts';
import { claimsFor, testDatabase } from '../../kit/src/testing/testEnvironment.ts';
import type { CatalogSource } from '../src/catalog/createCatalogSource.ts';
import { Model } from '../src/entities/Model.ts';
import { RoutingPolicy } from '../src/entities/RoutingPolicy.ts';
import { catalogsFor, openModelsStore, serviceFor } from './fixtures.ts';

describe('models store on PostgreSQL', () => {
  const db = testDatabase('models');
  const tenantA = randomUUID();
  const tenantB = randomUUID();
  const bus = createMemoryBus({ log: silentLogger });
  const published: PlatformEvent[] = [];
  let store: PgStore;
  let catalogs: CatalogSource;
  const admin = (tenantId: string) => serviceFor(store, catalogs, claimsFor(tenantId));

  beforeAll(async () => {
    store = await openModelsStore(db.adminUrl, bus);
    catalogs = catalogsFor(store, createMemoryCache());
    await bus.consume({ durable: 'test', types: ['provider.created', 'model.created', 'routing_policy.set'], handler: async (e) => void published.push(e) });
  });
  afterAll(async () => {
    await store?.close();
    await bus.close();
    await db.drop();
  });

  it('serves as a role that owns no table, with RLS forced on every tenant table', async () => {
    const rows = await store.orm.em.fork().execute<{ table: string; owner: string; me: string; forced: boolean; enabled: boolean }[]>(
      `select tablename as table, tableowner as owner, current_user as me, relforcerowsecurity as forced, relrowsecurity as enabled
       from pg_tables join pg_class on relname = tablename where tablename in ('providers', 'models', 'routing_policies') order by tablename`,
    );
    expect(rows.map((r) => r.table)).toEqual(['models', 'providers', 'routing_policies']);
    for (const row of rows) {
      expect(row.me).toBe(store.appRole);
      expect(row.owner).not.toBe(store.appRole);
      expect(row.forced && row.enabled).toBe(true);
    }
  });

  it('creates providers and models with their rules, for admins only', async () => {
    const provider = await admin(tenantA).createProvider({ name: ' OpenAI ', kind: 'OPENAI', baseUrl: 'https://api.openai.com/v1' });
    expect(provider).toMatchObject({ name: 'OpenAI', kind: 'OPENAI', baseUrl: 'https://api.openai.com/v1', tenantId: tenantA });
    const model = await admin(tenantA).createModel({ providerId: provider.id, name: 'gpt-4o-mini', inputCostPerMillion: 0.15, outputCostPerMillion: 0.6 });
    expect(model).toMatchObject({ providerKind: 'OPENAI', contextWindow: 128_000, inputCostPerMillion: 0.15, outputCostPerMillion: 0.6, enabled: true });
    const stored = await store.run(claimsFor(tenantA), (em) => em.findOneOrFail(Model, { id: model.id }));
    expect(typeof stored.inputCostPerMillion).toBe('number');

    const member = serviceFor(store, catalogs, claimsFor(tenantA, { roles: ['MEMBER'] }));
    await expect(member.createProvider({ name: 'Sneaky', kind: 'OPENAI' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(member.createModel({ providerId: provider.id, name: 'x' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(member.setRoutingPolicy({ defaultModelId: model.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });

    await expect(admin(tenantA).createProvider({ name: 'OpenAI', kind: 'OPENAI' })).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(admin(tenantA).createModel({ providerId: provider.id, name: 'gpt-4o-mini' })).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(admin(tenantA).createProvider({ name: 'Bad', kind: 'OPENAI', baseUrl: 'ftp://x' })).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    await expect(admin(tenantA).createProvider({ name: 'x'.repeat(101), kind: 'OPENAI' })).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    await expect(admin(tenantA).createModel({ providerId: provider.id, name: 'big', contextWindow: 10_000_001 })).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
    });
    await expect(admin(tenantA).createModel({ providerId: provider.id, name: 'neg', outputCostPerMillion: -1 })).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
    });
    await expect(admin(tenantA).createModel({ providerId: randomUUID(), name: 'orphan' })).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      extensions: { field: 'providerId' },
    });
    await expect.poll(() => published.filter((e) => e.tenantId === tenantA).map((e) => e.type)).toEqual(['provider.created', 'model.created']);
  });

  it("refuses another tenant's provider, in the service and in the store's foreign key", async () => {
    const providerB = await admin(tenantB).createProvider({ name: 'Anthropic', kind: 'ANTHROPIC' });
    await expect(admin(tenantA).createModel({ providerId: providerB.id, name: 'claude' })).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      extensions: { id: providerB.id },
    });
    // Raw SQL as A, naming B's provider with A's tenant id: the composite foreign key refuses it
    // (foreign keys are checked without RLS, so only the key's shape can keep tenants apart).
    await expect(
      store.run(claimsFor(tenantA), (em) =>
        em.execute(
          "insert into models (id, tenant_id, provider_id, name, context_window, input_cost_per_million, output_cost_per_million) values (gen_random_uuid(), ?, ?, 'x', 1, 0, 0)",
          [tenantA, providerB.id],
        ),
      ),
    ).rejects.toThrow(/foreign key/);
  });

  it('keeps tenants apart in the store even when the code forgets the filter', async () => {
    const providerB = (await catalogs.read(claimsFor(tenantB)))!.providers[0]!;
    await admin(tenantB).createModel({ providerId: providerB.id, name: 'claude-sonnet' });
    const raw = await store.run(claimsFor(tenantA), (em) => em.execute<{ name: string }[]>('select name from models order by name'));
    expect(raw.map((r) => r.name)).toEqual(['gpt-4o-mini']);
    const unfiltered = await store.run(claimsFor(tenantA), (em) => em.find(Model, {}, { filters: false }));
    expect(unfiltered.map((m) => m.tenantId)).toEqual([tenantA]);
    const providers = await store.run(claimsFor(tenantA), (em) => em.execute<{ n: string }[]>('select count(*) as n from providers'));
    expect(Number(providers[0]!.n)).toBe(1);
    // Writes aimed at B's rows as A: refused by WITH CHECK, or they match nothing.
    await expect(
      store.run(claimsFor(tenantA), (em) => em.execute("insert into providers (id, tenant_id, name, kind) values (gen_random_uuid(), ?, 'x', 'OPENAI')", [tenantB])),
    ).rejects.toThrow(/row-level security/);
    const updated = await store.run(claimsFor(tenantA), (em) => em.execute<QueryResult>("update models set name = 'pwned' where tenant_id = ?", [tenantB], 'run'));
    expect(updated.affectedRows).toBe(0);
    const b = await catalogs.read(claimsFor(tenantB));
    expect(b!.models.map((m) => m.name)).toEqual(['claude-sonnet']);
  });

  it('keeps one routing policy per tenant and validates its fallback chain', async () => {
    const provider = await admin(tenantA).createProvider({ name: 'Local', kind: 'OLLAMA', baseUrl: 'http://localhost:11434' });
    const ids: string[] = [];
    for (const name of ['m1', 'm2', 'm3', 'm4', 'm5', 'm6', 'm7']) ids.push((await admin(tenantA).createModel({ providerId: provider.id, name })).id);
    const [d, f1, f2, f3, f4, f5, f6] = ids as [string, string, string, string, string, string, string];

    const first = await admin(tenantA).setRoutingPolicy({ defaultModelId: d, fallbackModelIds: [f2, f1] });
    expect(first).toMatchObject({ defaultModelId: d, fallbackModelIds: [f2, f1], firstTokenTimeoutMs: 15_000 });
    const second = await admin(tenantA).setRoutingPolicy({ defaultModelId: f1, fallbackModelIds: [d], firstTokenTimeoutMs: 500 });
    expect(second).toMatchObject({ id: first.id, defaultModelId: f1, fallbackModelIds: [d], firstTokenTimeoutMs: 500 });
    const rows = await store.run(claimsFor(tenantA), (em) => em.find(RoutingPolicy, {}));
    expect(rows).toHaveLength(1);

    const bModel = (await catalogs.read(claimsFor(tenantB)))!.models[0]!.id;
    const unknown = randomUUID();
    const refusals: Array<[Parameters<ReturnType<typeof admin>['setRoutingPolicy']>[0], Record<string, unknown>]> = [
      [{ defaultModelId: unknown }, { field: 'defaultModelId', id: unknown }],
      [{ defaultModelId: bModel }, { field: 'defaultModelId', id: bModel }],
      [{ defaultModelId: d, fallbackModelIds: [f1, unknown] }, { field: 'fallbackModelIds', id: unknown, index: 1 }],
      [{ defaultModelId: d, fallbackModelIds: [bModel] }, { field: 'fallbackModelIds', id: bModel }],
      [{ defaultModelId: d, fallbackModelIds: [f1, d] }, { field: 'fallbackModelIds', id: d }],
      [{ defaultModelId: d, fallbackModelIds: [f1, f2, f1] }, { field: 'fallbackModelIds', id: f1 }],
      [{ defaultModelId: d, fallbackModelIds: [f1, f2, f3, f4, f5, f6] }, { field: 'fallbackModelIds' }],
      [{ defaultModelId: d, firstTokenTimeoutMs: 99 }, { field: 'firstTokenTimeoutMs' }],
      [{ defaultModelId: d, firstTokenTimeoutMs: 120_001 }, { field: 'firstTokenTimeoutMs' }],
      [{ defaultModelId: 'not-an-id' }, { field: 'defaultModelId', id: 'not-an-id' }],
    ];
    for (const [input, extensions] of refusals) {
      await expect(admin(tenantA).setRoutingPolicy(input), JSON.stringify(input)).rejects.toMatchObject({ code: 'BAD_USER_INPUT', extensions });
    }
    const five = await admin(tenantA).setRoutingPolicy({ defaultModelId: d, fallbackModelIds: [f5, f4, f3, f2, f1], firstTokenTimeoutMs: 120_000 });
    expect(five.fallbackModelIds).toEqual([f5, f4, f3, f2, f1]);
    // The refused attempts left the policy as the last accepted one.
    const policy = (await catalogs.read(claimsFor(tenantA)))!.routingPolicy!;
    expect(policy).toMatchObject({ id: first.id, defaultModelId: d, fallbackModelIds: [f5, f4, f3, f2, f1] });
    await expect.poll(() => published.filter((e) => e.type === 'routing_policy.set').length).toBe(3);
  });

  it("refuses, in the store, a policy whose default is another tenant's model", async () => {
    const bModel = (await catalogs.read(claimsFor(tenantB)))!.models[0]!.id;
    await expect(
      store.run(claimsFor(tenantA), (em) =>
        em.execute('update routing_policies set default_model_id = ?', [bModel]),
      ),
    ).rejects.toThrow(/foreign key/);
  });
});
