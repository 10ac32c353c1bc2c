import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { print } from 'graphql';
import { createContextSigner } from '../subgraphs/kit/src/auth/contextToken.ts';
import { startStack } from '../e2e/harness/startStack.ts';
import { freePort } from '../e2e/harness/freePort.ts';
import { bearer } from '../e2e/harness/graphqlClient.ts';
import { TenantOverviewDocument } from '../e2e/generated/graphql.ts';
import { seedBenchTenant } from './seedBenchTenant.ts';
import { alternateLoad, loadTest } from './loadTest.ts';

/**
 * TenantOverview through our gateway (JWT verification and per-subgraph signed claims on) beside
 * plain @apollo/gateway on the same subgraph processes, in the same run. The ratio is the figure.
 */
export async function benchGatewayOverhead(options: { durationMs: number; concurrency: number }) {
  const root = join(import.meta.dirname, '..');
  const stack = await startStack();
  let plain: ReturnType<typeof spawn> | undefined;
  try {
    const { tenantId, token } = await seedBenchTenant(stack);
    // The baseline forwards one long-lived context per subgraph, signed once up front.
    const signer = await createContextSigner(stack.keys.context.privateJwk, 300);
    const claims = { tenantId, userId: 'bench', roles: ['ADMIN'], scopes: [], plan: 'ENTERPRISE' as const, clientName: 'bench', platformAdmin: false };
    const headers: Record<string, string> = {};
    for (const name of Object.keys(stack.subgraphUrls)) headers[name] = await signer.sign(claims, name, 'bench');
    const port = await freePort();
    plain = spawn(process.execPath, ['bench/plainGateway.ts'], {
      cwd: root,
      env: { ...process.env, PORT: String(port), BENCH_SUBGRAPH_URLS: JSON.stringify(stack.subgraphUrls), BENCH_SUBGRAPH_HEADERS: JSON.stringify(headers) },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    await new Promise<void>((resolve, reject) => {
      plain!.stdout!.on('data', (d: Buffer) => d.toString().includes('ready') && resolve());
      plain!.once('exit', (code) => reject(new Error(`plain gateway exited ${code}`)));
    });
    const plainUrl = `http://127.0.0.1:${port}/`;
    const body = JSON.stringify({ query: print(TenantOverviewDocument) });
    const check = (status: number, text: string) => status === 200 && !text.includes('"errors"');
    const run = (url: string, h: Record<string, string>) => (durationMs: number) => loadTest({ url, body, headers: h, concurrency: options.concurrency, durationMs, check });
    const oursRun = run(stack.gatewayUrl, bearer(token));
    const plainRun = run(plainUrl, {});
    // Warm both paths (query plans, pools, JIT) before measuring, then alternate rounds.
    await oursRun(options.durationMs / 2);
    await plainRun(options.durationMs / 2);
    const { a: ours, b: baseline, roundsA, roundsB } = await alternateLoad(oursRun, plainRun, { durationMs: options.durationMs });
    return { ours, baseline, ratio: ours.rps / baseline.rps, rounds: { ours: roundsA, baseline: roundsB } };
  } finally {
    plain?.kill('SIGTERM');
    await stack.stop();
  }
}
