import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { createMemoryBus } from '../../kit/src/bus/createMemoryBus.ts';
import type { PlatformEvent } from '../../kit/src/bus/PlatformEvent.ts';
import { silentLogger } from '../../kit/src/log.ts';
import { createPgStore } from '../../kit/src/store/createPgStore.ts';
import type { PgStore } from '../../kit/src/store/createPgStore.ts';
import { claimsFor, platformAdminClaims, testDatabase } from '../../kit/src/testing/testEnvironment.ts';
import { ApiKey } from '../src/entities/ApiKey.ts';
import { Tenant } from '../src/entities/Tenant.ts';
import { User } from '../src/entities/User.ts';
import { migrations } from '../src/migrations.ts';
import { createTenantService } from '../src/services/createTenantService.ts';

describe('tenants store on PostgreSQL', () => {
  const db = testDatabase('tenants');
  let store: PgStore;
  const bus = createMemoryBus({ log: silentLogger });
  const published: PlatformEvent[] = [];
  const service = (claims = platformAdminClaims) => createTenantService({ store, log: silentLogger, claims });

  beforeAll(async () => {
    store = await createPgStore({
      adminUrl: db.adminUrl,
      entities: [Tenant, User, ApiKey],
      tenantScoped: [User, ApiKey],
      migrations,
      log: silentLogger,
      bus,
    });
    await bus.consume({ durable: 'test', types: ['tenant.created'], handler: async (e) => void published.push(e) });
  });
  afterAll(async () => {
    await store?.close();
    await bus.close();
    await db.drop();
  });

  it('serves as a role that neither owns the tables nor bypasses RLS', async () => {
    const rows = await store.orm.em.fork().execute<{ owner: string; me: string; forced: boolean }[]>(
      "select tableowner as owner, current_user as me, relforcerowsecurity as forced from pg_tables join pg_class on relname = tablename where tablename = 'users'",
    );
    expect(rows[0]!.me).toBe(store.appRole);
    expect(rows[0]!.owner).not.toBe(store.appRole);
    expect(rows[0]!.forced).toBe(true);
  });

  it('lets only platform operators create tenants, and publishes tenant.created through the outbox', async () => {
    const acme = await service().create({ slug: 'acme', name: 'Acme', plan: 'PROFESSIONAL' });
    expect(acme.slug).toBe('acme');
    await expect(service(claimsFor(acme.id)).create({ slug: 'evil', name: 'Evil' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(service().create({ slug: 'acme', name: 'Again' })).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(service().create({ slug: 'A!', name: 'Bad' })).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    await expect.poll(() => published.map((e) => e.tenantId)).toContain(acme.id);
    // The refused and conflicting creates rolled back their events with their rows.
    expect(published.map((e) => e.data.slug)).toEqual(['acme']);
    expect(published[0]).toMatchObject({ type: 'tenant.created', source: 'tenants', data: { plan: 'PROFESSIONAL' } });
    // Published rows leave the outbox (operators see every tenant's rows).
    await expect.poll(() => store.run(platformAdminClaims, (em) => em.execute('select id from outbox_events'))).toEqual([]);
  });

  it('keeps tenants apart in the store even when the code forgets the filter', async () => {
    const a = await service().create({ slug: 'tenant-a', name: 'A' });
    const b = await service().create({ slug: 'tenant-b', name: 'B' });
    await service(claimsFor(a.id)).createUser({ email: 'ann@a.test', name: 'Ann' });
    await service(claimsFor(b.id)).createUser({ email: 'bob@b.test', name: 'Bob' });

    // Raw SQL with no tenant condition at all, as tenant A: RLS still returns only A's rows.
    const raw = await store.run(claimsFor(a.id), (em) => em.execute<{ email: string }[]>('select email from users'));
    expect(raw.map((r) => r.email)).toEqual(['ann@a.test']);
    // The MikroORM filter switched off: still only A's rows.
    const unfiltered = await store.run(claimsFor(a.id), (em) => em.find(User, {}, { filters: false }));
    expect(unfiltered.map((u) => u.email)).toEqual(['ann@a.test']);
    // Tenant rows: A sees itself only.
    const tenants = await store.run(claimsFor(a.id), (em) => em.execute<{ slug: string }[]>('select slug from tenants'));
    expect(tenants.map((t) => t.slug)).toEqual(['tenant-a']);
    // Writing a row for B while acting as A is refused by WITH CHECK.
    await expect(
      store.run(claimsFor(a.id), (em) =>
        em.execute("insert into users (id, tenant_id, email, name) values (gen_random_uuid(), ?, 'x@b.test', 'X')", [b.id]),
      ),
    ).rejects.toThrow(/row-level security/);
    // Updating B's users as A changes nothing.
    const updated = await store.run(claimsFor(a.id), (em) => em.execute<{ affectedRows: number }>("update users set name = 'pwned'", [], 'run'));
    expect(updated.affectedRows).toBe(1);
    const bob = await store.run(claimsFor(b.id), (em) => em.findOneOrFail(User, { email: 'bob@b.test' }));
    expect(bob.name).toBe('Bob');
  });

  it('does not leak the tenant setting to the next user of a pooled connection', async () => {
    const a = await service().create({ slug: 'pool-a', name: 'Pool A' });
    await store.run(claimsFor(a.id), async () => undefined);
    const leftover = await store.orm.em.fork().execute<{ v: string | null }[]>("select current_setting('app.tenant_id', true) as v");
    expect(leftover[0]!.v ?? '').toBe('');
    const direct = await store.orm.em.fork().execute<{ n: string }[]>('select count(*) as n from users');
    expect(Number(direct[0]!.n)).toBe(0);
  });

  it('pages tenants with stable cursors for operators', async () => {
    const first = await service().list({ first: 2 });
    expect(first.edges).toHaveLength(2);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = await service().list({ first: 2, after: first.pageInfo.endCursor });
    expect(second.edges[0]!.node.id).not.toBe(first.edges[1]!.node.id);
    await expect(service().list({ first: 1000 })).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    await expect(service().list({ after: 'garbage' })).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
  });

  it('stores API keys hashed and shows the secret once', async () => {
    const t = await service().create({ slug: 'keys-co', name: 'Keys' });
    const { apiKey, secret } = await service(claimsFor(t.id)).createApiKey({ name: 'ci' });
    expect(secret.startsWith(apiKey.prefix)).toBe(true);
    const stored = await new pg.Client({ connectionString: db.adminUrl });
    await stored.connect();
    try {
      const rows = await stored.query('select secret_hash from api_keys where id = $1', [apiKey.id]);
      expect(rows.rows[0].secret_hash).not.toContain(secret);
      expect(rows.rows[0].secret_hash).toMatch(/^[0-9a-f]{64}$/);
    } finally {
      await stored.end();
    }
  });
});
