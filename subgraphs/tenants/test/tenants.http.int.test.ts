import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TenantClaims } from '../../kit/src/auth/claims.ts';
import { createGraphQLHandler } from '../../kit/src/http/createGraphQLHandler.ts';
import { listen } from '../../kit/src/http/listen.ts';
import type { Listening } from '../../kit/src/http/listen.ts';
import { silentLogger } from '../../kit/src/log.ts';
import { encodeCursor } from '../../kit/src/pagination.ts';
import { createPgStore } from '../../kit/src/store/createPgStore.ts';
import type { PgStore } from '../../kit/src/store/createPgStore.ts';
import { claimsFor, platformAdminClaims, postGraphQL, testDatabase, testKeys, verifierFor } from '../../kit/src/testing/testEnvironment.ts';
import type { GraphQLResponse } from '../../kit/src/testing/testEnvironment.ts';
import { ApiKey } from '../src/entities/ApiKey.ts';
import { Tenant } from '../src/entities/Tenant.ts';
import type { TenantEntity } from '../src/entities/Tenant.ts';
import { User } from '../src/entities/User.ts';
import { migrations } from '../src/migrations.ts';
import { createTenantsSubgraph } from '../src/server.ts';
import { createTenantService } from '../src/services/createTenantService.ts';

// The tenants subgraph served over HTTP with gateway-signed contexts: ids that are not UUIDs,
// and the statements a request costs.
type Data = Record<string, any>;
const OWN = `query($first: Int, $after: String) { tenant { id apiKeys { id name } users(first: $first, after: $after) {
  totalCount pageInfo { hasNextPage endCursor } edges { node { id email } } } } }`;
const ENTITIES = `query($r: [_Any!]!) { _entities(representations: $r) { __typename
  ... on Tenant { id slug apiKeys { id } users(first: 5) { totalCount edges { node { id } } } } ... on User { id email } } }`;

describe('tenants subgraph over HTTP', () => {
  const db = testDatabase('tenants_http');
  let store: PgStore;
  let http: Listening;
  let signer: Awaited<ReturnType<typeof testKeys>>['signer'];
  let small: TenantEntity;
  let large: TenantEntity;
  const many: TenantEntity[] = [];
  const service = (claims: TenantClaims = platformAdminClaims) => createTenantService({ store, log: silentLogger, claims });
  const call = (claims: TenantClaims, query: string, variables: Record<string, unknown> = {}) =>
    postGraphQL<Data>(http.url, query, variables, { signer, audience: 'tenants', claims });
  const statementsOf = async (response: Promise<GraphQLResponse<Data>>) => {
    const before = store.statementCount();
    const res = await response;
    expect(res.body.errors).toBeUndefined();
    return { res, statements: store.statementCount() - before };
  };

  beforeAll(async () => {
    const keys = await testKeys();
    signer = keys.signer;
    store = await createPgStore({ adminUrl: db.adminUrl, entities: [Tenant, User, ApiKey], tenantScoped: [User, ApiKey], migrations, log: silentLogger });
    const { server, createContext } = createTenantsSubgraph({ store, verifier: await verifierFor(keys.keys, 'tenants'), log: silentLogger });
    await server.start();
    http = await listen(createGraphQLHandler({ server, context: createContext, log: silentLogger }), 0, '127.0.0.1');

    small = await service().create({ slug: 'small-co', name: 'Small' });
    await service(claimsFor(small.id)).createApiKey({ name: 'only key' });
    await service(claimsFor(small.id)).createUser({ email: 'one@small.test', name: 'One' });
    large = await service().create({ slug: 'large-co', name: 'Large' });
    for (let i = 0; i < 20; i++) {
      await service(claimsFor(large.id)).createApiKey({ name: `key ${i}` });
      await service(claimsFor(large.id)).createUser({ email: `user${i}@large.test`, name: `User ${i}` });
    }
    for (let i = 0; i < 20; i++) many.push(await service().create({ slug: `many-${i}`, name: `Many ${i}` }));
  });
  afterAll(async () => {
    await http?.close();
    await store?.close();
    await db.drop();
  });

  it('answers ids that are not UUIDs as not found or null, never as an internal error', async () => {
    const admin = claimsFor(small.id);
    const revoke = await call(admin, 'mutation { revokeApiKey(id: "nope") { id } }');
    expect(revoke.body.errors?.[0]?.extensions).toEqual({ code: 'NOT_FOUND', id: 'nope' });

    // Identity providers issue subjects like "auth0|abc": such a caller is no user of this subgraph.
    const external = claimsFor(small.id, { userId: 'auth0|abc' });
    const me = await call(external, '{ me { id } }');
    expect(me.body).toEqual({ data: { me: null } });

    const entities = await call(external, ENTITIES, {
      r: [{ __typename: 'User', id: 'nope' }, { __typename: 'User' }, { __typename: 'User', id: 'auth0|abc' }, { __typename: 'Tenant', id: 'nope' }, { __typename: 'Tenant' }],
    });
    expect(entities.body.errors).toBeUndefined();
    expect(entities.body.data!._entities).toEqual([null, null, null, null, null]);

    const forged = Buffer.from(JSON.stringify([new Date().toISOString(), 'nope'])).toString('base64url');
    const page = await call(admin, OWN, { first: 1, after: forged });
    expect(page.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'after' });
  });

  it('still resolves a user with a UUID subject, by `me` and by reference', async () => {
    const user = await service(claimsFor(small.id)).createUser({ email: 'me@small.test', name: 'Me' });
    const claims = claimsFor(small.id, { userId: user.id });
    expect((await call(claims, '{ me { id email } }')).body).toEqual({ data: { me: { id: user.id, email: 'me@small.test' } } });
    const entities = await call(claims, ENTITIES, { r: [{ __typename: 'User', id: user.id }, { __typename: 'User', id: randomUUID() }] });
    expect(entities.body.data!._entities).toEqual([{ __typename: 'User', id: user.id, email: 'me@small.test' }, null]);
  });

  it('costs the same statements for tenant { apiKeys users } with 1 key and user as with 20', async () => {
    const one = await statementsOf(call(claimsFor(small.id), OWN, { first: 20 }));
    const twenty = await statementsOf(call(claimsFor(large.id), OWN, { first: 20 }));
    expect(one.statements).toBeGreaterThan(0);
    expect(twenty.statements).toBe(one.statements);
    expect(twenty.res.body.data!.tenant.apiKeys).toHaveLength(20);
    expect(twenty.res.body.data!.tenant.users).toMatchObject({ totalCount: 20, pageInfo: { hasNextPage: false } });
    expect(twenty.res.body.data!.tenant.users.edges).toHaveLength(20);
    // The next page costs the same too, and pages by the keyset.
    const firstPage = (await call(claimsFor(large.id), OWN, { first: 15 })).body.data!.tenant.users;
    const next = await statementsOf(call(claimsFor(large.id), OWN, { first: 15, after: firstPage.pageInfo.endCursor }));
    expect(next.statements).toBe(one.statements);
    expect(next.res.body.data!.tenant.users.edges).toHaveLength(5);
  });

  it('reads one page once when the same (first, after) is asked twice, and one transaction for several pages', async () => {
    const single = await statementsOf(call(claimsFor(large.id), '{ tenant { users(first: 2) { totalCount } } }'));
    const twice = await statementsOf(call(claimsFor(large.id), '{ tenant { a: users(first: 2) { totalCount } b: users(first: 2) { totalCount } } }'));
    expect(twice.statements).toBe(single.statements);
    const two = await statementsOf(call(claimsFor(large.id), '{ tenant { a: users(first: 2) { edges { node { id } } } b: users(first: 3) { edges { node { id } } } } }'));
    // One more page query, in the same transaction: no second BEGIN, tenant setting or count.
    expect(two.statements).toBe(single.statements + 1);
    expect(two.res.body.data!.tenant.a.edges).toHaveLength(2);
    expect(two.res.body.data!.tenant.b.edges).toHaveLength(3);
  });

  it('costs operators the same statements for references to 1 tenant as to 20, and shows them records only', async () => {
    const one = await statementsOf(call(platformAdminClaims, ENTITIES, { r: [{ __typename: 'Tenant', id: many[0]!.id }] }));
    const twenty = await statementsOf(call(platformAdminClaims, ENTITIES, { r: many.map((t) => ({ __typename: 'Tenant', id: t.id })) }));
    expect(one.statements).toBeGreaterThan(0);
    expect(twenty.statements).toBe(one.statements);
    expect(twenty.res.body.data!._entities.map((t: { slug: string }) => t.slug)).toEqual(many.map((t) => t.slug));
    // Users are the tenant's own business: an operator's page is empty, read from nowhere.
    expect(twenty.res.body.data!._entities[0].users).toEqual({ totalCount: 0, edges: [] });
  });

  it("gives a tenant no other tenant's record, keys or users by reference", async () => {
    const res = await call(claimsFor(small.id), ENTITIES, { r: [{ __typename: 'Tenant', id: large.id }, { __typename: 'Tenant', id: small.id }] });
    expect(res.body.errors).toBeUndefined();
    const [other, own] = res.body.data!._entities;
    expect(other).toBeNull();
    expect(own).toMatchObject({ id: small.id, apiKeys: [{ id: expect.any(String) }] });
    // A cursor of another tenant's user pages nothing of theirs.
    const foreign = encodeCursor({ createdAt: new Date(), id: randomUUID() });
    const page = await call(claimsFor(small.id), OWN, { first: 5, after: foreign });
    expect(page.body.data!.tenant.users.edges.every((e: { node: { email: string } }) => e.node.email.endsWith('@small.test'))).toBe(true);
  });
});
