import { createHash } from 'node:crypto';
import { print } from 'graphql';
import { startStack } from '../e2e/harness/startStack.ts';
import { bearer } from '../e2e/harness/graphqlClient.ts';
import { TenantOverviewDocument } from '../e2e/generated/graphql.ts';
import { alternateLoad, loadTest } from './loadTest.ts';
import { seedBenchTenant } from './seedBenchTenant.ts';

/**
 * TenantOverview through the gateway sent by its APQ hash (Apollo's protocol, the document read
 * from the gateway's Redis store) beside the same query sent in full, same stack, same run.
 */
export async function benchPersisted(options: { durationMs: number; concurrency: number }) {
  const stack = await startStack();
  try {
    const { token } = await seedBenchTenant(stack);
    const query = print(TenantOverviewDocument);
    const persistedQuery = { version: 1, sha256Hash: createHash('sha256').update(query, 'utf8').digest('hex') };
    const headers = bearer(token);
    // Register the hash once (the second leg of the PERSISTED_QUERY_NOT_FOUND round trip).
    const registered = await fetch(stack.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query, extensions: { persistedQuery } }),
    });
    const registeredText = await registered.text();
    if (registered.status !== 200 || registeredText.includes('"errors"')) throw new Error(`APQ registration failed: ${registeredText.slice(0, 500)}`);

    const check = (status: number, text: string) => status === 200 && !text.includes('"errors"');
    const run = (body: string) => (durationMs: number) => loadTest({ url: stack.gatewayUrl, body, headers, concurrency: options.concurrency, durationMs, check });
    const byHash = JSON.stringify({ extensions: { persistedQuery } });
    const full = JSON.stringify({ query });
    // Warm both paths (query plans, pools, JIT) before measuring, then alternate rounds.
    await run(byHash)(options.durationMs / 2);
    await run(full)(options.durationMs / 2);
    const { a: persisted, b: inFull, roundsA, roundsB } = await alternateLoad(run(byHash), run(full), { durationMs: options.durationMs });
    return {
      persisted,
      full: inFull,
      requestBytes: { persisted: Buffer.byteLength(byHash), full: Buffer.byteLength(full) },
      ratio: persisted.rps / inFull.rps,
      rounds: { persisted: roundsA, full: roundsB },
    };
  } finally {
    await stack.stop();
  }
}
