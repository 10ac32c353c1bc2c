import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import type { TenantClaims } from '../../kit/src/auth/claims.ts';
import { createMemoryBus } from '../../kit/src/bus/createMemoryBus.ts';
import type { PlatformEvent } from '../../kit/src/bus/PlatformEvent.ts';
import { silentLogger } from '../../kit/src/log.ts';
import { createPgStore } from '../../kit/src/store/createPgStore.ts';
import type { PgStore } from '../../kit/src/store/createPgStore.ts';
import { claimsFor, testDatabase } from '../../kit/src/testing/testEnvironment.ts';
import { createCredentialCipher } from '../src/crypto/createCredentialCipher.ts';
import type { CredentialCipher } from '../src/crypto/createCredentialCipher.ts';
import { Integration } from '../src/entities/Integration.ts';
import { migrations } from '../src/migrations.ts';
import { createIntegrationService } from '../src/services/createIntegrationService.ts';

const SECRET = `sk_live_${randomBytes(12).toString('hex')}`;

/** Every way a secret could sit in a column: as text, or as bytes read as UTF-8, Latin-1, hex or base64. */
function renderings(value: unknown): string[] {
  if (value === null || value === undefined) return [];
  if (Buffer.isBuffer(value)) return ['utf8', 'latin1', 'hex', 'base64'].map((encoding) => value.toString(encoding as BufferEncoding));
  if (value instanceof Date) return [value.toISOString()];
  return [typeof value === 'string' ? value : JSON.stringify(value)];
}

describe('integrations store on PostgreSQL', () => {
  const db = testDatabase('integrations');
  let store: PgStore;
  let owner: pg.Client;
  const bus = createMemoryBus({ log: silentLogger });
  const published: PlatformEvent[] = [];
  const keyV1 = { id: 'v1', key: randomBytes(32) };
  let cipher: CredentialCipher = createCredentialCipher({ current: keyV1 });
  const service = (claims: TenantClaims, withCipher = cipher) =>
    createIntegrationService({ store, log: silentLogger, claims, cipher: withCipher });
  const tenantA = claimsFor(randomUUID());
  const tenantB = claimsFor(randomUUID());

  beforeAll(async () => {
    store = await createPgStore({ adminUrl: db.adminUrl, entities: [Integration], tenantScoped: [Integration], migrations, log: silentLogger, bus });
    owner = new pg.Client({ connectionString: db.adminUrl });
    await owner.connect();
    await bus.consume({ durable: 'test', types: ['integration.created', 'integration.credentials_set', 'integration.status_changed'], handler: async (e) => void published.push(e) });
  });
  afterAll(async () => {
    await owner?.end();
    await store?.close();
    await bus.close();
    await db.drop();
  });

  it('serves as a role that neither owns the table nor bypasses RLS, and RLS is forced', async () => {
    const rows = await store.orm.em.fork().execute<{ owner: string; me: string; forced: boolean; enabled: boolean }[]>(
      "select tableowner as owner, current_user as me, relforcerowsecurity as forced, relrowsecurity as enabled from pg_tables join pg_class on relname = tablename where tablename = 'integrations'",
    );
    expect(rows[0]).toMatchObject({ me: store.appRole, forced: true, enabled: true });
    expect(rows[0]!.owner).not.toBe(store.appRole);
  });

  it('stores credentials sealed: the raw row holds no trace of the secret value', async () => {
    const created = await service(tenantA).create({
      name: 'Billing API',
      kind: 'REST',
      endpoint: 'https://billing.example.com/v2',
      credentials: { apiKey: SECRET, accountId: 'acct-42' },
    });
    expect(created.credentialFields).toEqual(['accountId', 'apiKey']);
    expect(created.credentialsUpdatedAt).toBeInstanceOf(Date);

    const { rows } = await owner.query('select * from integrations where id = $1', [created.id]);
    const row = rows[0] as Record<string, unknown>;
    expect(row.credentials_key_id).toBe('v1');
    expect((row.credentials_iv as Buffer).length).toBe(12);
    expect((row.credentials_tag as Buffer).length).toBe(16);
    const everything = Object.values(row).flatMap(renderings).join('\n');
    expect(everything).toContain('Billing API'); // the check can see the row's text at all
    expect(everything).not.toContain(SECRET);
    expect(everything).not.toContain(Buffer.from(SECRET).toString('hex'));
    expect(everything).not.toContain(Buffer.from(SECRET).toString('base64'));
    expect(everything).not.toContain('acct-42');

    // The reads that serve the graph do not even fetch the sealed columns.
    const loaded = await store.run(tenantA, (em) => em.findOneOrFail(Integration, { id: created.id }));
    expect(loaded.credentialsCiphertext).toBeUndefined();
    // The platform's own read opens them.
    expect(await service(tenantA).credentialsFor(created.id)).toEqual({ apiKey: SECRET, accountId: 'acct-42' });
    await expect.poll(() => published.find((e) => e.type === 'integration.created')?.data).toMatchObject({ integrationId: created.id });
    expect(JSON.stringify(published)).not.toContain(SECRET);
  });

  it('binds a ciphertext to its tenant and integration: copied to another row it does not open', async () => {
    const a = await service(tenantA).create({ name: 'A secret', kind: 'SLACK', credentials: { token: SECRET } });
    const b = await service(tenantB).create({ name: 'B slot', kind: 'SLACK', credentials: { token: 'b-own-token' } });
    const a2 = await service(tenantA).create({ name: 'A other', kind: 'REST' });
    const copy = `update integrations t set credentials_key_id = s.credentials_key_id, credentials_iv = s.credentials_iv,
      credentials_tag = s.credentials_tag, credentials_ciphertext = s.credentials_ciphertext, credential_fields = s.credential_fields
      from integrations s where s.id = $1 and t.id = $2`;
    await owner.query(copy, [a.id, b.id]);
    await owner.query(copy, [a.id, a2.id]);
    await expect(service(tenantB).credentialsFor(b.id)).rejects.toThrow(/failed authentication/);
    await expect(service(tenantA).credentialsFor(a2.id)).rejects.toThrow(/failed authentication/);
    expect(await service(tenantA).credentialsFor(a.id)).toEqual({ token: SECRET });
  });

  it('keeps tenants apart in the store even when the code forgets the filter', async () => {
    const b = await service(tenantB).create({ name: 'B only', kind: 'WEBHOOK', endpoint: 'https://b.example.com/hook' });
    const raw = await store.run(tenantA, (em) => em.execute<{ tenant_id: string }[]>('select tenant_id from integrations'));
    expect(raw.length).toBeGreaterThan(0);
    expect(new Set(raw.map((r) => r.tenant_id))).toEqual(new Set([tenantA.tenantId]));
    const unfiltered = await store.run(tenantA, (em) => em.find(Integration, {}, { filters: false }));
    expect(unfiltered.every((i) => i.tenantId === tenantA.tenantId)).toBe(true);
    // Writing a row for B while acting as A is refused by WITH CHECK.
    await expect(
      store.run(tenantA, (em) =>
        em.execute("insert into integrations (id, tenant_id, name, kind) values (gen_random_uuid(), ?, 'x', 'REST')", [tenantB.tenantId]),
      ),
    ).rejects.toThrow(/row-level security/);
    // A blanket update as A leaves B's rows alone; the service refuses B's id as not found.
    await store.run(tenantA, (em) => em.execute("update integrations set name = 'pwned'", [], 'run'));
    await expect(service(tenantA).setStatus(b.id, 'DISABLED')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(service(tenantA).setCredentials(b.id, { token: 'x' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(service(tenantA).credentialsFor(b.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const { rows } = await owner.query('select name, status from integrations where id = $1', [b.id]);
    expect(rows[0]).toEqual({ name: 'B only', status: 'ACTIVE' });
  });

  it('replaces and clears credentials, and refuses bad input with BAD_USER_INPUT', async () => {
    const created = await service(tenantB).create({ name: 'Rotating', kind: 'GRAPHQL' });
    expect(created.credentialFields).toEqual([]);
    expect(created.credentialsUpdatedAt).toBeNull();
    const set = await service(tenantB).setCredentials(created.id, { clientId: 'id-1', clientSecret: SECRET });
    expect(set.credentialFields).toEqual(['clientId', 'clientSecret']);
    expect(await service(tenantB).credentialsFor(created.id)).toEqual({ clientId: 'id-1', clientSecret: SECRET });
    const cleared = await service(tenantB).setCredentials(created.id, {});
    expect(cleared.credentialFields).toEqual([]);
    const { rows } = await owner.query('select credentials_key_id, credentials_ciphertext, credential_fields from integrations where id = $1', [created.id]);
    expect(rows[0]).toEqual({ credentials_key_id: null, credentials_ciphertext: null, credential_fields: [] });
    expect(await service(tenantB).credentialsFor(created.id)).toEqual({});

    await expect(service(tenantB).setCredentials(created.id, { port: 5432 })).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    await expect(service(tenantB).create({ name: '', kind: 'REST' })).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    await expect(service(tenantB).create({ name: 'x', kind: 'REST', endpoint: 'ftp://x' })).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    await expect(service(tenantB).setCredentials('not-a-uuid', {})).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('lets only tenant admins change integrations', async () => {
    const member = { ...tenantA, roles: ['MEMBER'] };
    await expect(service(member).create({ name: 'Nope', kind: 'REST' })).rejects.toMatchObject({ code: 'FORBIDDEN', message: 'Tenant admins only' });
    const created = await service(tenantA).create({ name: 'Admin made', kind: 'REST' });
    await expect(service(member).setStatus(created.id, 'DISABLED')).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(service(member).setCredentials(created.id, {})).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const disabled = await service(tenantA).setStatus(created.id, 'DISABLED');
    expect(disabled.status).toBe('DISABLED');
    await expect.poll(() => published.some((e) => e.type === 'integration.status_changed' && e.data.integrationId === created.id)).toBe(true);
  });

  it('limits integrations per tenant by plan, even when creates race', async () => {
    const trial = claimsFor(randomUUID(), { plan: 'TRIAL' });
    const results = await Promise.allSettled(
      Array.from({ length: 5 }, (_, i) => service(trial).create({ name: `Trial ${i}`, kind: 'REST' })),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(2);
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(refused).toHaveLength(3);
    for (const r of refused) expect(r.reason).toMatchObject({ code: 'QUOTA_EXCEEDED', extensions: { limit: 2, plan: 'TRIAL' } });
    // A refused create rolled back its event with its row: one event per stored integration.
    const createdFor = (tenantId: string | null) => published.filter((e) => e.type === 'integration.created' && e.tenantId === tenantId).length;
    await expect.poll(() => createdFor(trial.tenantId)).toBe(2);

    // No plan in the claims: the smallest allowance applies.
    const planless = claimsFor(randomUUID(), { plan: null });
    await service(planless).create({ name: 'One', kind: 'REST' });
    await service(planless).create({ name: 'Two', kind: 'REST' });
    await expect(service(planless).create({ name: 'Three', kind: 'REST' })).rejects.toMatchObject({ code: 'QUOTA_EXCEEDED' });

    const standard = claimsFor(randomUUID(), { plan: 'STANDARD' });
    for (let i = 0; i < 10; i += 1) await service(standard).create({ name: `Std ${i}`, kind: 'REST' });
    await expect(service(standard).create({ name: 'Eleven', kind: 'REST' })).rejects.toMatchObject({ code: 'QUOTA_EXCEEDED', extensions: { limit: 10 } });
    await expect.poll(() => createdFor(standard.tenantId)).toBe(10);
    expect(createdFor(trial.tenantId)).toBe(2);
  });

  it('rotates keys: values sealed under a previous key still open, and are re-sealed under the current one', async () => {
    const created = await service(tenantB).create({ name: 'Before rotation', kind: 'SALESFORCE', credentials: { password: SECRET } });
    const keyV2 = { id: 'v2', key: randomBytes(32) };
    cipher = createCredentialCipher({ current: keyV2, previous: [keyV1] });
    expect(await service(tenantB).credentialsFor(created.id)).toEqual({ password: SECRET });
    const { rows } = await owner.query('select credentials_key_id from integrations where id = $1', [created.id]);
    expect(rows[0].credentials_key_id).toBe('v2');
    // Once re-sealed, the retired key is no longer needed.
    const v2Only = createCredentialCipher({ current: keyV2 });
    expect(await service(tenantB, v2Only).credentialsFor(created.id)).toEqual({ password: SECRET });
    // Without the previous key, an old value cannot be opened.
    const old = await service(tenantB, createCredentialCipher({ current: keyV1 })).create({ name: 'Old', kind: 'REST', credentials: { k: 'v' } });
    await expect(service(tenantB, v2Only).credentialsFor(old.id)).rejects.toThrow(/no credential key with id "v1"/);
  });
});
