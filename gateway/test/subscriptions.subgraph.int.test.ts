import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CONTEXT_HEADER, createContextSigner } from '../../subgraphs/kit/src/auth/contextToken.ts';
import type { ContextSigner } from '../../subgraphs/kit/src/auth/contextToken.ts';
import { generateDevKeys } from '../../subgraphs/kit/src/auth/devKeys.ts';
import type { DevKeys } from '../../subgraphs/kit/src/auth/devKeys.ts';
import type { RunningSubgraph } from '../../subgraphs/kit/src/bootSubgraph.ts';
import { createContextFactory, createSubgraphServer, subgraphSchemaOf } from '../../subgraphs/kit/src/createSubgraphServer.ts';
import type { SubgraphContext } from '../../subgraphs/kit/src/createSubgraphServer.ts';
import { createGraphQLHandler } from '../../subgraphs/kit/src/http/createGraphQLHandler.ts';
import { listen } from '../../subgraphs/kit/src/http/listen.ts';
import { serveSubscriptions } from '../../subgraphs/kit/src/http/serveSubscriptions.ts';
import { createContextVerifier } from '../../subgraphs/kit/src/auth/contextToken.ts';
import { createLogger, silentLogger } from '../../subgraphs/kit/src/log.ts';
import { claimsFor } from '../../subgraphs/kit/src/testing/testEnvironment.ts';
import { serveTiny, tickerResolvers, tickerSdl } from './subscriptionStack.ts';
import { errorCodes, openClient, rawSocket, subscribe } from './wsClients.ts';

// The subgraph side of federated subscriptions: graphql-ws on the subgraph's own /graphql, open
// only to the gateway (its signed context in connection_init), with HTTP's context and masking.
describe('kit: a subgraph serves its subscriptions over graphql-ws', () => {
  let keys: DevKeys;
  let signer: ContextSigner;
  let ticker: RunningSubgraph;
  const counter = { running: 0 };
  const claims = claimsFor(randomUUID());
  let wsUrl: string;
  // The ticker's warnings, as its log lines.
  const warnings: Array<Record<string, unknown>> = [];
  const log = createLogger({ level: 'warn', write: (line) => warnings.push(JSON.parse(line) as Record<string, unknown>) });

  const gatewayParams = async (audience = 'ticker', by = signer) => ({ [CONTEXT_HEADER]: await by.sign(claims, audience, randomUUID()) });

  beforeAll(async () => {
    keys = await generateDevKeys();
    signer = await createContextSigner(keys.context.privateJwk);
    ticker = await serveTiny('ticker', tickerSdl, keys, log, tickerResolvers(counter));
    wsUrl = ticker.url.replace(/^http/, 'ws');
  });
  afterAll(async () => {
    await ticker?.close();
  });

  it('refuses sockets without a valid gateway context with 4403', async () => {
    const stranger = await createContextSigner((await generateDevKeys()).context.privateJwk);
    expect((await rawSocket(wsUrl, {}).closed).code).toBe(4403);
    expect((await rawSocket(wsUrl, { [CONTEXT_HEADER]: 'forged' }).closed).code).toBe(4403);
    // A token the gateway signed for another subgraph, and one signed by someone else.
    expect((await rawSocket(wsUrl, await gatewayParams('owners')).closed).code).toBe(4403);
    expect((await rawSocket(wsUrl, await gatewayParams('ticker', stranger)).closed).code).toBe(4403);
    expect(ticker.subscriptions!.stats()).toEqual({ sockets: 0, subscriptions: 0 });
  });

  it('runs subscriptions with the same request context as HTTP (claims from the token)', async () => {
    const { client } = openClient(wsUrl, await gatewayParams());
    const { events, error } = await subscribe(client, 'subscription { ticks(count: 2, intervalMs: 1) { index tenantId owner { id } } }').done;
    expect(error).toBeUndefined();
    expect(events).toEqual([
      { data: { ticks: { index: 0, tenantId: claims.tenantId, owner: { id: 'owner-0' } } } },
      { data: { ticks: { index: 1, tenantId: claims.tenantId, owner: { id: 'owner-1' } } } },
    ]);
    expect(ticker.subscriptions!.stats()).toEqual({ sockets: 1, subscriptions: 0 });
    await client.dispose();
    await vi.waitFor(() => expect(ticker.subscriptions!.stats()).toEqual({ sockets: 0, subscriptions: 0 }), { timeout: 10_000 });
  });

  it('masks errors like HTTP: catalog codes pass, internal failures do not leak', async () => {
    const { client } = openClient(wsUrl, await gatewayParams());
    const refused = await subscribe(client, 'subscription { ticks(refuse: true) { index } }').done;
    expect(refused.events.map((e) => e.errors?.map((x) => x.extensions?.code))).toEqual([['NOT_FOUND']]);
    const failed = await subscribe(client, 'subscription { ticks(count: 3, failAt: 1, intervalMs: 1) { index } }').done;
    expect(failed.events).toEqual([{ data: { ticks: { index: 0 } } }]);
    expect(failed.error).toEqual([{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }]);
    const invalid = await subscribe(client, 'subscription { ticks { nope } }').done;
    expect(errorCodes(invalid.error)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    await client.dispose();
    await vi.waitFor(() => expect(counter.running).toBe(0), { timeout: 10_000 });
  });

  it('closes a socket that sends more than 64 KiB in one message (1009)', async () => {
    const socket = rawSocket(wsUrl, await gatewayParams());
    expect(await socket.acked).toBe(true);
    socket.socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: `subscription { ticks { index } } # ${'x'.repeat(70 * 1024)}` } }));
    expect((await socket.closed).code).toBe(1009);
    // A client's mistake, logged as a warning of the service's (not printed as an internal error).
    await vi.waitFor(() => expect(warnings).toContainEqual(expect.objectContaining({ level: 'warn', msg: 'websocket error', error: expect.stringMatching(/max payload/i) })), { timeout: 10_000 });
  });

  it('caps operations per socket with QUOTA_EXCEEDED', async () => {
    // A subgraph server of its own, to set a small cap.
    const server = createSubgraphServer<SubgraphContext>({ name: 'ticker', typeDefs: tickerSdl, resolvers: tickerResolvers(counter), log: silentLogger });
    await server.start();
    const verifier = await createContextVerifier(keys.context.publicJwk, 'ticker');
    const createContext = createContextFactory<SubgraphContext>({ verifier, log: silentLogger, build: (base) => base });
    const http = await listen(createGraphQLHandler({ server, context: createContext, log: silentLogger }), 0, '127.0.0.1');
    const served = serveSubscriptions({ server: http.server, schema: subgraphSchemaOf(server)!, createContext, verifier, log: silentLogger, maxOperationsPerSocket: 2 });
    try {
      const { client } = openClient(http.url.replace(/^http/, 'ws'), await gatewayParams());
      const held = [subscribe(client, 'subscription { ticks { index } }'), subscribe(client, 'subscription { ticks { index } }')];
      for (const sub of held) await sub.received(1);
      const third = await subscribe(client, 'subscription { ticks { index } }').done;
      expect(errorCodes(third.error)).toEqual(['QUOTA_EXCEEDED']);
      await client.dispose();
      await vi.waitFor(() => expect(served.stats()).toEqual({ sockets: 0, subscriptions: 0 }), { timeout: 10_000 });
    } finally {
      await served.dispose();
      await http.close();
      await server.stop();
    }
  });

  it('closing the subgraph closes its sockets (1001) and ends their subscriptions', async () => {
    const own = { running: 0 };
    const running = await serveTiny('ticker', tickerSdl, keys, silentLogger, tickerResolvers(own));
    const { client, closed } = openClient(running.url.replace(/^http/, 'ws'), await gatewayParams());
    const sub = subscribe(client, 'subscription { ticks { index } }');
    await sub.received(1);
    expect(own.running).toBe(1);
    await running.close();
    expect((await closed).code).toBe(1001);
    await vi.waitFor(() => expect(own.running).toBe(0), { timeout: 10_000 });
    expect(running.subscriptions!.stats()).toEqual({ sockets: 0, subscriptions: 0 });
    await client.dispose();
  });
});
