import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../kit/src/log.ts';
import { createPgStore } from '../../kit/src/store/createPgStore.ts';
import type { PgStore } from '../../kit/src/store/createPgStore.ts';
import { testDatabase } from '../../kit/src/testing/testEnvironment.ts';
import { ProcessedEvent } from '../src/entities/ProcessedEvent.ts';
import { UsageDaily } from '../src/entities/UsageDaily.ts';
import { migrations } from '../src/migrations.ts';
import { createProcessedEventsPruner } from '../src/services/createProcessedEventsPruner.ts';
import { consumerClaims } from '../src/services/createUsageRecorder.ts';

// The dedup ids of the usage consumer, pruned past the stream's retention on real PostgreSQL.
describe('processed event ids are pruned once no copy of their event can come back', () => {
  const db = testDatabase('analytics_prune');
  let store: PgStore;
  const tenants = [randomUUID(), randomUUID()];

  /** Ids of `tenant`, processed `daysAgo` days ago (as the consumer writes them, under RLS). */
  async function processed(tenant: string, daysAgo: number, count: number): Promise<string[]> {
    const ids = Array.from({ length: count }, () => randomUUID());
    await store.run(consumerClaims(tenant), async (em) => {
      for (const id of ids) {
        await em.execute(`insert into processed_events (event_id, tenant_id, type, processed_at) values (?, ?, 'message.created', now() - ? * interval '1 day')`, [
          id,
          tenant,
          daysAgo,
        ]);
      }
    });
    return ids;
  }
  const remaining = async (tenant: string) =>
    (await store.run(consumerClaims(tenant), (em) => em.execute<Array<{ event_id: string }>>('select event_id from processed_events order by event_id'))).map((r) => r.event_id).sort();

  beforeAll(async () => {
    store = await createPgStore({ adminUrl: db.adminUrl, entities: [UsageDaily, ProcessedEvent], tenantScoped: [UsageDaily, ProcessedEvent], migrations, log: silentLogger });
  });
  afterAll(async () => {
    await store?.close();
    await db.drop();
  });

  it('deletes every tenant’s ids older than retention + 1 day, in batches, and keeps the rest', async () => {
    await processed(tenants[0]!, 10, 7);
    await processed(tenants[1]!, 9, 5);
    const kept = [await processed(tenants[0]!, 2, 3), await processed(tenants[1]!, 7.5, 2)];
    // Retention 7 days: ids older than 8 days go.
    const pruner = createProcessedEventsPruner({ store, log: silentLogger, retentionMs: async () => 7 * 86_400_000, batchSize: 4, everyMs: 3_600_000 });
    try {
      // The round the pruner runs at start may have done it already; a second finds nothing more.
      await pruner.prune();
      expect(await pruner.prune()).toBe(0);
      expect(await remaining(tenants[0]!)).toEqual([...kept[0]!].sort());
      expect(await remaining(tenants[1]!)).toEqual([...kept[1]!].sort());
    } finally {
      await pruner.stop();
    }
  });

  it('prunes nothing while the stream keeps events without limit, whatever its own configuration says', async () => {
    const ids = await processed(tenants[1]!, 400, 3);
    const pruner = createProcessedEventsPruner({ store, log: silentLogger, retentionMs: async () => null, everyMs: 3_600_000 });
    try {
      expect(await pruner.prune()).toBe(0);
      expect(await remaining(tenants[1]!)).toEqual(expect.arrayContaining(ids));
    } finally {
      await pruner.stop();
    }
    // And a stream kept longer than the ids are old keeps them too.
    const longer = createProcessedEventsPruner({ store, log: silentLogger, retentionMs: async () => 500 * 86_400_000, everyMs: 3_600_000 });
    try {
      expect(await longer.prune()).toBe(0);
    } finally {
      await longer.stop();
    }
    // With a 7-day stream they go (and leave the next test a clean table).
    const week = createProcessedEventsPruner({ store, log: silentLogger, retentionMs: async () => 7 * 86_400_000, everyMs: 3_600_000 });
    try {
      await week.prune();
      expect(await remaining(tenants[1]!)).not.toEqual(expect.arrayContaining(ids));
    } finally {
      await week.stop();
    }
  });

  it('counts what it deleted in one round', async () => {
    await processed(tenants[0]!, 30, 6);
    const pruner = createProcessedEventsPruner({ store, log: silentLogger, retentionMs: async () => 7 * 86_400_000, batchSize: 4, everyMs: 3_600_000 });
    try {
      // Concurrent calls share the round in progress (the one started at creation).
      const [a, b] = await Promise.all([pruner.prune(), pruner.prune()]);
      expect(a).toBe(6);
      expect(b).toBe(6);
    } finally {
      await pruner.stop();
    }
  });

  it('needs its own flag: a tenant, or a transaction without the flag, deletes no other tenant’s ids, and none younger than a day', async () => {
    const ofB = await processed(tenants[1]!, 20, 2);
    const young = await processed(tenants[1]!, 0, 1);
    // As tenant A, with no filter: RLS hides B's rows from the delete.
    await store.run(consumerClaims(tenants[0]!), (em) => em.execute('delete from processed_events'));
    expect(await remaining(tenants[1]!)).toEqual(expect.arrayContaining([...ofB, ...young]));
    // The prune flag with no age filter still cannot delete an id younger than a day.
    await store.run({ ...consumerClaims(tenants[0]!), tenantId: null }, async (em) => {
      await em.execute(`select set_config('app.processed_events_prune', 'on', true)`);
      await em.execute('delete from processed_events');
    });
    expect(await remaining(tenants[1]!)).toEqual(expect.arrayContaining(young));
    expect(await remaining(tenants[1]!)).not.toEqual(expect.arrayContaining(ofB));
  });
});
