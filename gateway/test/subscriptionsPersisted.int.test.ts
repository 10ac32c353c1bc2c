import { createHash, randomUUID } from 'node:crypto';
import type { Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PartnerDirectory } from '../src/auth/createPartnerDirectory.ts';
import { startSubscriptionStack } from './subscriptionStack.ts';
import type { SubscriptionStack } from './subscriptionStack.ts';
import { errorCodes, openClient, rawSocket } from './wsClients.ts';
import type { Result } from './wsClients.ts';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

const TICKS = 'subscription Ticks { ticks(count: 3, intervalMs: 5) { index tenantId owner { name } } }';
const UNREGISTERED = 'subscription Other { ticks(count: 2, intervalMs: 5) { index } }';
const expectedTicks = (tenantId: string) =>
  [0, 1, 2].map((index) => ({ data: { ticks: { index, tenantId, owner: { name: `Owner owner-${index % 2}` } } } }));

/** Subscribes with a raw payload (graphql-ws requires `query` to be a string: '' when naming a document by id). */
function run(client: Client, payload: Record<string, unknown>): Promise<{ events: Result[]; error?: unknown }> {
  const events: Result[] = [];
  return new Promise((resolve) => {
    client.subscribe<Record<string, unknown>, unknown>({ query: '', ...payload } as { query: string }, {
      next: (value) => events.push(value),
      error: (error) => resolve({ events, error }),
      complete: () => resolve({ events }),
    });
  });
}

describe('persisted subscriptions over graphql-ws: APQ hashes, partner keys and documents', () => {
  let stack: SubscriptionStack;
  const tenantId = randomUUID();
  const clients: Client[] = [];
  const documentLookups: string[] = [];

  // A fixed partner directory (the HTTP lookups are covered in e2e/partners): key 'good-key' of
  // client c1 has TICKS registered; 'revoked-key' is unknown, as a revoked key is.
  const partners: PartnerDirectory = {
    access: async (keyHash) =>
      keyHash === sha256('good-key') ? { clientId: 'c1', clientName: 'acme', tenantId, documentIds: [`sha256:${sha256(TICKS)}`] } : null,
    document: async (clientId, documentId) => {
      documentLookups.push(documentId);
      return clientId === 'c1' && documentId === sha256(TICKS) ? TICKS : null;
    },
  };

  const connect = (params: Record<string, unknown>) => {
    const { client } = openClient(stack.wsUrl, params);
    clients.push(client);
    return client;
  };

  beforeAll(async () => {
    stack = await startSubscriptionStack({ gateway: { partners } });
    stack.tenants.set(tenantId, { plan: 'STANDARD', status: 'ACTIVE' });
  });
  afterAll(async () => {
    for (const client of clients) await client.dispose();
    await stack?.close();
  });

  it('bearer socket: a hash registered over HTTP (APQ) subscribes by hash alone; an unknown hash gets PERSISTED_QUERY_NOT_FOUND', async () => {
    const authorization = `Bearer ${await stack.token(tenantId)}`;
    const client = connect({ authorization });
    const hash = sha256(TICKS);
    const before = await run(client, { extensions: { persistedQuery: { version: 1, sha256Hash: hash } } });
    expect(errorCodes(before.error)).toEqual(['PERSISTED_QUERY_NOT_FOUND']);

    // Registration over HTTP: Apollo stores the validated text under its hash (whatever HTTP then says of a subscription).
    await fetch(stack.http.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization },
      body: JSON.stringify({ query: TICKS, extensions: { persistedQuery: { version: 1, sha256Hash: hash } } }),
    });
    const started = stack.tickSubscriptions();
    const byHash = await run(client, { extensions: { persistedQuery: { version: 1, sha256Hash: hash } } });
    expect(byHash.error).toBeUndefined();
    expect(byHash.events).toEqual(expectedTicks(tenantId));
    expect(stack.tickSubscriptions() - started).toBe(1);
  });

  describe('partner sockets (x-api-key in connection_init)', () => {
    it('accepts a known key in any case; closes 4403 for an unknown or revoked key and 4401 with neither key nor token', async () => {
      const ok = rawSocket(stack.wsUrl, { 'X-Api-Key': 'good-key' });
      expect(await ok.acked).toBe(true);
      ok.socket.close(1000);
      expect((await rawSocket(stack.wsUrl, { 'x-api-key': 'revoked-key' }).closed).code).toBe(4403);
      expect((await rawSocket(stack.wsUrl, { 'x-api-key': '' }).closed).code).toBe(4401);
      expect((await rawSocket(stack.wsUrl, {}).closed).code).toBe(4401);
    });

    it('runs a registered subscription named by documentId (top level, in extensions, or as the APQ hash) with the partner tenant', async () => {
      const client = connect({ 'x-api-key': 'good-key' });
      for (const payload of [
        { documentId: `sha256:${sha256(TICKS)}` },
        { extensions: { documentId: sha256(TICKS) } },
        { extensions: { persistedQuery: { version: 1, sha256Hash: sha256(TICKS) } } },
        { query: TICKS }, // full text whose hash is registered
      ]) {
        const started = stack.tickSubscriptions();
        const result = await run(client, payload);
        expect(result.error).toBeUndefined();
        expect(result.events).toEqual(expectedTicks(tenantId));
        expect(stack.tickSubscriptions() - started).toBe(1);
      }
    });

    it('refuses unregistered text or ids with PERSISTED_QUERY_NOT_ALLOWED and opens nothing upstream', async () => {
      const client = connect({ 'x-api-key': 'good-key' });
      const started = stack.tickSubscriptions();
      documentLookups.length = 0;
      for (const payload of [
        { query: UNREGISTERED },
        { documentId: sha256(UNREGISTERED) },
        { extensions: { persistedQuery: { version: 1, sha256Hash: sha256(UNREGISTERED) } } },
        { query: UNREGISTERED, documentId: sha256(TICKS) }, // a registered id does not cover other text
        {}, // neither text nor id
      ]) {
        const result = await run(client, payload);
        expect(result.events).toEqual([]);
        expect(errorCodes(result.error)).toEqual(['PERSISTED_QUERY_NOT_ALLOWED']);
      }
      expect(stack.tickSubscriptions()).toBe(started);
      expect(stack.ticker.subscriptions!.stats().subscriptions).toBe(0);
      // Unregistered ids are refused from the client's list, before any document lookup.
      expect(documentLookups).toEqual([]);
    });
  });
});

describe('safelist mode over graphql-ws covers subscriptions', () => {
  let stack: SubscriptionStack;
  const tenantId = randomUUID();
  const clients: Client[] = [];

  beforeAll(async () => {
    stack = await startSubscriptionStack({ gateway: { safelist: new Map([[sha256(TICKS), TICKS]]) } });
    stack.tenants.set(tenantId, { plan: 'STANDARD', status: 'ACTIVE' });
  });
  afterAll(async () => {
    for (const client of clients) await client.dispose();
    await stack?.close();
  });

  it('runs a listed subscription by id or text, and refuses an unlisted one without opening it upstream', async () => {
    const { client } = openClient(stack.wsUrl, { authorization: `Bearer ${await stack.token(tenantId)}` });
    clients.push(client);
    const byId = await run(client, { documentId: sha256(TICKS) });
    expect(byId.error).toBeUndefined();
    expect(byId.events).toEqual(expectedTicks(tenantId));
    // Listed text, formatted differently from the manifest: it prints the same.
    const byText = await run(client, { query: TICKS.replace('{ index', '{\n  index') });
    expect(byText.events).toEqual(expectedTicks(tenantId));

    const started = stack.tickSubscriptions();
    for (const payload of [{ query: UNREGISTERED }, { documentId: sha256(UNREGISTERED) }, { extensions: { persistedQuery: { version: 1, sha256Hash: sha256(UNREGISTERED) } } }]) {
      const refused = await run(client, payload);
      expect(refused.events).toEqual([]);
      expect(errorCodes(refused.error)).toEqual(['PERSISTED_QUERY_NOT_ALLOWED']);
    }
    expect(stack.tickSubscriptions()).toBe(started);
  });

  it('refuses an unlisted query over the socket as well', async () => {
    const { client } = openClient(stack.wsUrl, { authorization: `Bearer ${await stack.token(tenantId)}` });
    clients.push(client);
    const refused = await run(client, { query: '{ tickerInfo }' });
    expect(errorCodes(refused.error)).toEqual(['PERSISTED_QUERY_NOT_ALLOWED']);
  });
});
