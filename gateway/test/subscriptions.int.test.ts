import { randomUUID } from 'node:crypto';
import { generateKeyPair } from 'jose';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DIRECTORY_DOWN, startSubscriptionStack } from './subscriptionStack.ts';
import type { SubscriptionStack } from './subscriptionStack.ts';
import { errorCodes, openClient, rawSocket, subscribe } from './wsClients.ts';

const TICKS = /* GraphQL */ `
  subscription Ticks($count: Int, $intervalMs: Int) {
    ticks(count: $count, intervalMs: $intervalMs) {
      index
      tenantId
      owner { id name tenantId }
    }
  }
`;
const FOREVER = /* GraphQL */ `
  subscription Forever { ticks(intervalMs: 20) { index owner { name } } }
`;

describe('gateway subscriptions over graphql-ws (two kit subgraphs, real sockets)', () => {
  let stack: SubscriptionStack;
  const tenantId = randomUUID();
  const otherTenantId = randomUUID();
  const suspendedTenantId = randomUUID();
  const clients: Array<{ dispose(): void | Promise<void> }> = [];

  const connect = async (tenant = tenantId) => {
    const opened = openClient(stack.wsUrl, { authorization: `Bearer ${await stack.token(tenant)}` });
    clients.push(opened.client);
    return opened;
  };

  /** Nothing is held anywhere: gateway sessions and streams, upstream sockets and subscriptions, subgraph streams. */
  const expectAllFreed = async (options: { socketsOpen?: number } = {}) => {
    await vi.waitFor(
      () => {
        const gateway = stack.gateway.subscriptions.stats();
        expect({ ...gateway, droppedEvents: 0 }).toEqual({
          sockets: options.socketsOpen ?? 0,
          subscriptions: 0,
          upstreamConnections: 0,
          upstreamSubscriptions: 0,
          tenantsWithSubscriptions: 0,
          droppedEvents: 0,
        });
        expect(stack.ticker.subscriptions!.stats()).toEqual({ sockets: 0, subscriptions: 0 });
        expect(stack.tickersRunning()).toBe(0);
      },
      { timeout: 10_000, interval: 50 },
    );
  };

  beforeAll(async () => {
    stack = await startSubscriptionStack({
      limits: { maxSubscriptionsPerSocket: 3, maxSubscriptionsPerTenant: 4, connectionInitWaitTimeoutMs: 400 },
    });
    stack.tenants.set(tenantId, { plan: 'STANDARD', status: 'ACTIVE' });
    stack.tenants.set(otherTenantId, { plan: 'PROFESSIONAL', status: 'ACTIVE' });
    stack.tenants.set(suspendedTenantId, { plan: 'STANDARD', status: 'SUSPENDED' });
  });
  afterAll(async () => {
    for (const client of clients) await client.dispose();
    await stack?.close();
  });

  it('serves subscriptions only where the schema has them: ticker yes, owners no', () => {
    expect(stack.ticker.subscriptions).not.toBeNull();
    expect(stack.owners.subscriptions).toBeNull();
  });

  it('delivers events in order, with the field of the other subgraph filled under the caller\'s claims', async () => {
    const { client } = await connect();
    const lookupsBefore = stack.ownerLookups();
    const { events, error } = await subscribe(client, TICKS, { count: 5, intervalMs: 5 }).done;
    expect(error).toBeUndefined();
    expect(events).toEqual(
      [0, 1, 2, 3, 4].map((index) => ({
        data: { ticks: { index, tenantId, owner: { id: `owner-${index % 2}`, name: `Owner owner-${index % 2}`, tenantId } } },
      })),
    );
    // Each event's owner came from the owners subgraph (no cache in between).
    expect(stack.ownerLookups() - lookupsBefore).toBe(5);
    await client.dispose();
    await expectAllFreed();
  });

  it('shapes results like a query: aliases, fragments, __typename, variables', async () => {
    const { client } = await connect();
    const query = /* GraphQL */ `
      subscription Shaped($n: Int) {
        t: ticks(count: $n, intervalMs: 1) { ...TickFields owner { __typename who: name } }
      }
      fragment TickFields on Tick { i: index __typename }
    `;
    const { events, error } = await subscribe(client, query, { n: 2 }).done;
    expect(error).toBeUndefined();
    expect(events).toEqual([
      { data: { t: { i: 0, __typename: 'Tick', owner: { __typename: 'Owner', who: 'Owner owner-0' } } } },
      { data: { t: { i: 1, __typename: 'Tick', owner: { __typename: 'Owner', who: 'Owner owner-1' } } } },
    ]);
    await client.dispose();
  });

  describe('connection_init', () => {
    it('closes with 4401 without a token, and 4403 with a bad, foreign-signed or expired one', async () => {
      expect((await rawSocket(stack.wsUrl, {}).closed).code).toBe(4401);
      expect((await rawSocket(stack.wsUrl, { authorization: '' }).closed).code).toBe(4401);
      expect((await rawSocket(stack.wsUrl, { authorization: 'Bearer not-a-jwt' }).closed).code).toBe(4403);
      expect((await rawSocket(stack.wsUrl, { authorization: await stack.token(tenantId) }).closed).code).toBe(4403); // no "Bearer"
      const foreign = (await generateKeyPair('ES256')).privateKey;
      expect((await rawSocket(stack.wsUrl, { authorization: `Bearer ${await stack.token(tenantId, { key: foreign })}` }).closed).code).toBe(4403);
      const expired = await stack.token(tenantId, { expiresInSeconds: -60 });
      expect((await rawSocket(stack.wsUrl, { authorization: `Bearer ${expired}` }).closed).code).toBe(4403);
    });

    it('checks the tenant directory like HTTP: unknown and suspended tenants get 4403, an outage 1013', async () => {
      expect((await rawSocket(stack.wsUrl, { authorization: `Bearer ${await stack.token(randomUUID())}` }).closed).code).toBe(4403);
      expect((await rawSocket(stack.wsUrl, { authorization: `Bearer ${await stack.token(suspendedTenantId)}` }).closed).code).toBe(4403);
      expect((await rawSocket(stack.wsUrl, { authorization: `Bearer ${await stack.token(DIRECTORY_DOWN)}` }).closed).code).toBe(1013);
    });

    it('accepts the key in any case, and closes a silent socket with 4408', async () => {
      const socket = rawSocket(stack.wsUrl, { Authorization: `Bearer ${await stack.token(tenantId)}` });
      expect(await socket.acked).toBe(true);
      socket.socket.close(1000);
      expect((await rawSocket(stack.wsUrl, false).closed).code).toBe(4408);
      await expectAllFreed();
    });
  });

  it('closes the socket with 4403 when its token expires, ending its subscriptions upstream', async () => {
    // Long enough for connect, auth, the upstream socket and two events on a loaded machine; the
    // socket must then stay open until the token's `exp` and be closed (4403) soon after it.
    const token = await stack.token(tenantId, { expiresInSeconds: 8 });
    const { exp } = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()) as { exp: number };
    const { client, closed } = openClient(stack.wsUrl, { authorization: `Bearer ${token}` });
    clients.push(client);
    const sub = subscribe(client, FOREVER);
    await sub.received(2);
    expect(stack.ticker.subscriptions!.stats().subscriptions).toBe(1);
    const { code } = await closed;
    const closedAt = Date.now();
    expect(code).toBe(4403);
    // Not before the token expired (a timer never fires early; 50 ms for clock granularity).
    expect(closedAt).toBeGreaterThanOrEqual(exp * 1000 - 50);
    console.info(`socket closed ${closedAt - exp * 1000} ms after the token's exp`);
    await expectAllFreed();
  }, 60_000);

  it('frees everything on unsubscribe: the upstream subscription, then the upstream socket', async () => {
    const { client } = await connect();
    const first = subscribe(client, FOREVER);
    const second = subscribe(client, FOREVER);
    await first.received(2);
    await second.received(2);
    // One upstream connection per (client socket, subgraph), two subscriptions on it.
    expect(stack.ticker.subscriptions!.stats()).toEqual({ sockets: 1, subscriptions: 2 });
    expect(stack.gateway.subscriptions.stats()).toMatchObject({ sockets: 1, subscriptions: 2, upstreamConnections: 1, upstreamSubscriptions: 2 });
    first.unsubscribe();
    await vi.waitFor(() => expect(stack.ticker.subscriptions!.stats()).toEqual({ sockets: 1, subscriptions: 1 }), { timeout: 10_000 });
    expect(stack.gateway.subscriptions.stats()).toMatchObject({ subscriptions: 1, upstreamSubscriptions: 1 });
    second.unsubscribe();
    await expectAllFreed({ socketsOpen: 1 });
    await client.dispose();
    await expectAllFreed();
  });

  it('frees everything when the client just goes away', async () => {
    const { client } = await connect();
    const subs = [subscribe(client, FOREVER), subscribe(client, FOREVER)];
    for (const sub of subs) await sub.received(1);
    client.terminate();
    await expectAllFreed();
  });

  it('limits subscriptions per socket and per tenant with QUOTA_EXCEEDED, and gives the slots back', async () => {
    const a = (await connect()).client;
    const held = [subscribe(a, FOREVER), subscribe(a, FOREVER), subscribe(a, FOREVER)];
    for (const sub of held) await sub.received(1);
    const overSocket = await subscribe(a, FOREVER).done;
    expect(errorCodes(overSocket.error)).toEqual(['QUOTA_EXCEEDED']);
    expect((overSocket.error as Array<{ extensions: { scope: string } }>)[0]!.extensions.scope).toBe('connection');

    const b = (await connect()).client;
    const fourth = subscribe(b, FOREVER);
    await fourth.received(1);
    const overTenant = await subscribe(b, FOREVER).done;
    expect(errorCodes(overTenant.error)).toEqual(['QUOTA_EXCEEDED']);
    expect((overTenant.error as Array<{ extensions: { scope: string } }>)[0]!.extensions.scope).toBe('tenant');

    // Another tenant is not affected.
    const c = (await connect(otherTenantId)).client;
    const others = subscribe(c, TICKS, { count: 1 });
    expect((await others.done).events[0]!.data).toMatchObject({ ticks: { index: 0, tenantId: otherTenantId } });

    // A freed slot can be taken again.
    held[0]!.unsubscribe();
    await vi.waitFor(() => expect(stack.gateway.subscriptions.stats().subscriptions).toBe(3), { timeout: 10_000 });
    const again = subscribe(b, FOREVER);
    await again.received(1);

    for (const client of [a, b, c]) await client.dispose();
    await expectAllFreed();
  });

  it('answers mistakes with typed errors and masks internal ones', async () => {
    const { client } = await connect();
    const invalid = await subscribe(client, 'subscription { ticks { nope } }').done;
    expect(errorCodes(invalid.error)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    const unparsable = await subscribe(client, 'subscription {').done;
    expect(errorCodes(unparsable.error)).toEqual(['GRAPHQL_PARSE_FAILED']);

    // The subgraph refuses the stream with a catalog error: it reaches the client as it is.
    const refused = await subscribe(client, 'subscription { ticks(refuse: true) { index } }').done;
    expect(refused.error).toBeUndefined();
    expect(refused.events).toHaveLength(1);
    expect(refused.events[0]!.data ?? null).toBeNull();
    expect(refused.events[0]!.errors!.map((e) => e.extensions?.code)).toEqual(['NOT_FOUND']);

    // An unexpected failure inside the subgraph: masked, nothing of it reaches the client.
    const failed = await subscribe(client, 'subscription { ticks(count: 5, failAt: 2, intervalMs: 1) { index } }').done;
    expect(failed.events.map((e) => e.data)).toEqual([{ ticks: { index: 0 } }, { ticks: { index: 1 } }]);
    expect(failed.error).toEqual([{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }]);
    expect(JSON.stringify(failed)).not.toMatch(/secret|stack|127\.0\.0\.1/);

    // Queries over the socket run through the gateway's normal executor.
    const query = await subscribe(client, '{ tickerInfo owner(id: "o1") { name tenantId } }').done;
    expect(query.events).toEqual([{ data: { tickerInfo: 'ticking', owner: { name: 'Owner o1', tenantId } } }]);
    await client.dispose();
    await expectAllFreed();
  });
});

describe('gateway operation limits on both transports', () => {
  it('refuses what is too deep, too aliased or too long over graphql-ws as over HTTP, with the same codes', async () => {
    const stack = await startSubscriptionStack({ gateway: { operationLimits: { maxDepth: 2, maxAliases: 1, maxCost: 50, maxTokens: 60, defaultListSize: 20 } } });
    const tenantId = randomUUID();
    stack.tenants.set(tenantId, { plan: 'STANDARD', status: 'ACTIVE' });
    try {
      const authorization = `Bearer ${await stack.token(tenantId)}`;
      const { client } = openClient(stack.wsUrl, { authorization });
      const codesOf = async (query: string) => {
        const { error, events } = await subscribe(client, query).done;
        return { codes: errorCodes(error), extensions: (error as Array<{ extensions?: Record<string, unknown> }> | undefined)?.[0]?.extensions, events };
      };
      // Within the limits: it runs.
      const ok = await codesOf('subscription { ticks(count: 1, intervalMs: 1) { index } }');
      expect(ok.codes).toEqual([]);
      expect(ok.events).toHaveLength(1);
      // Depth 3 (ticks → owner → name) against 2; two aliases against one; a document of more than 60 tokens.
      expect(await codesOf('subscription { ticks(count: 1) { owner { name } } }')).toMatchObject({
        codes: ['OPERATION_TOO_COMPLEX'],
        extensions: { limit: 'depth', max: 2, actual: 3 },
      });
      expect(await codesOf('subscription { t: ticks(count: 1) { i: index } }')).toMatchObject({ codes: ['OPERATION_TOO_COMPLEX'], extensions: { limit: 'aliases' } });
      const long = `subscription { ticks(count: 1) { ${'index '.repeat(60)}} }`;
      expect((await codesOf(long)).codes).toEqual(['GRAPHQL_PARSE_FAILED']);
      // Nothing of the refused ones reached the subgraph.
      expect(stack.tickSubscriptions()).toBe(1);

      // The same over HTTP.
      const post = async (query: string) => {
        const response = await fetch(stack.http.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization }, body: JSON.stringify({ query }) });
        return { status: response.status, body: (await response.json()) as { errors?: Array<{ extensions: Record<string, unknown> }> } };
      };
      expect(await post('{ o: owner(id: "1") { n: name } }')).toMatchObject({ status: 400, body: { errors: [{ extensions: { code: 'OPERATION_TOO_COMPLEX', limit: 'aliases' } }] } });
      expect(await post(`{ tickerInfo ${'tickerInfo '.repeat(60)}}`)).toMatchObject({ status: 400, body: { errors: [{ extensions: { code: 'GRAPHQL_PARSE_FAILED' } }] } });
      expect((await post('{ tickerInfo }')).body.errors).toBeUndefined();
      await client.dispose();
    } finally {
      await stack.close().catch(() => undefined);
    }
  });
});

describe('gateway rate limits per tenant', () => {
  it("counts HTTP requests and socket operations against the plan's operations per minute", async () => {
    // The limiter's clock held in the middle of a minute: all of this falls in one window.
    const stack = await startSubscriptionStack({ gateway: { now: () => 1_800_000_030_000 } });
    const tenantId = randomUUID();
    stack.tenants.set(tenantId, { plan: 'TRIAL', status: 'ACTIVE' });
    try {
      const authorization = `Bearer ${await stack.token(tenantId)}`;
      const post = () =>
        fetch(stack.http.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization }, body: JSON.stringify({ query: '{ tickerInfo }' }) });
      // 299 over HTTP and one over the socket: the TRIAL plan's 300 a minute.
      for (let i = 0; i < 299; i += 1) expect((await post()).status).toBe(200);
      const { client } = openClient(stack.wsUrl, { authorization });
      expect((await subscribe(client, 'subscription { ticks(count: 1, intervalMs: 1) { index } }').done).events).toHaveLength(1);
      const refused = await post();
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      const body = (await refused.json()) as { errors: Array<{ extensions: Record<string, unknown> }> };
      expect(body.errors[0]!.extensions).toMatchObject({ code: 'RATE_LIMITED', limit: 300 });
      const overSocket = await subscribe(client, 'subscription { ticks(count: 1, intervalMs: 1) { index } }').done;
      expect(errorCodes(overSocket.error)).toEqual(['RATE_LIMITED']);
      expect((overSocket.error as Array<{ extensions: Record<string, unknown> }>)[0]!.extensions).toEqual({ code: 'RATE_LIMITED', limit: 300, retryAfterSeconds: 30 });
      // Another tenant is not held back.
      const other = randomUUID();
      stack.tenants.set(other, { plan: 'TRIAL', status: 'ACTIVE' });
      const response = await fetch(stack.http.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${await stack.token(other)}` },
        body: JSON.stringify({ query: '{ tickerInfo }' }),
      });
      expect(response.status).toBe(200);
      await client.dispose();
    } finally {
      await stack.close().catch(() => undefined);
    }
  });
});

describe('gateway subscriptions when things go away', () => {
  it("closes a socket (4403) when its tenant is suspended or deleted while it is open, and keeps the others'", async () => {
    const stack = await startSubscriptionStack({ limits: { recheckAccessEveryMs: 100 } });
    const [suspended, deleted, kept] = [randomUUID(), randomUUID(), randomUUID()];
    for (const id of [suspended, deleted, kept]) stack.tenants.set(id, { plan: 'STANDARD', status: 'ACTIVE' });
    try {
      const open = async (id: string) => {
        const opened = openClient(stack.wsUrl, { authorization: `Bearer ${await stack.token(id)}` });
        const sub = subscribe(opened.client, FOREVER);
        await sub.received(1);
        return { ...opened, sub };
      };
      const [a, b, c] = [await open(suspended), await open(deleted), await open(kept)];
      // Checked again and again while the tenants are active: nothing closes.
      await new Promise((resolve) => setTimeout(resolve, 400));
      expect(stack.gateway.subscriptions.stats()).toMatchObject({ sockets: 3, subscriptions: 3 });

      stack.tenants.set(suspended, { plan: 'STANDARD', status: 'SUSPENDED' });
      stack.tenants.delete(deleted);
      expect((await a.closed).code).toBe(4403);
      expect((await b.closed).code).toBe(4403);
      await vi.waitFor(() => expect(stack.gateway.subscriptions.stats()).toMatchObject({ sockets: 1, subscriptions: 1 }), { timeout: 10_000 });
      // The other tenant's stream goes on.
      const before = c.sub.events.length;
      expect((await c.sub.received(before + 1)).length).toBeGreaterThan(before);
      await Promise.all([a, b, c].map(({ client }) => client.dispose()));
    } finally {
      await stack.close().catch(() => undefined);
    }
  });

  it('ends a subscription with SERVICE_UNAVAILABLE when its subgraph goes away, and closes sockets (1001) on shutdown', async () => {
    const stack = await startSubscriptionStack();
    const tenantId = randomUUID();
    stack.tenants.set(tenantId, { plan: 'STANDARD', status: 'ACTIVE' });
    try {
      const { client, closed } = openClient(stack.wsUrl, { authorization: `Bearer ${await stack.token(tenantId)}` });
      const sub = subscribe(client, FOREVER);
      await sub.received(1);
      await stack.ticker.close();
      const { error } = await sub.done;
      expect(errorCodes(error)).toEqual(['SERVICE_UNAVAILABLE']);
      expect(stack.gateway.subscriptions.stats()).toMatchObject({ sockets: 1, subscriptions: 0, upstreamSubscriptions: 0, tenantsWithSubscriptions: 0 });
      await stack.websocket.dispose();
      expect((await closed).code).toBe(1001);
      await vi.waitFor(() => expect(stack.gateway.subscriptions.stats().sockets).toBe(0), { timeout: 10_000 });
      await client.dispose();
    } finally {
      await stack.close().catch(() => undefined);
    }
  });
});
