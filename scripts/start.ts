import { join } from 'node:path';
import { createLogger } from '../subgraphs/kit/src/log.ts';
import type { Logger } from '../subgraphs/kit/src/log.ts';
import { runMain } from '../subgraphs/kit/src/runMain.ts';
import { devTokenSigner } from './token.ts';
import { mintDevToken } from './devToken.ts';
import { createGatewayClient } from './gatewayClient.ts';
import { seedDemo } from './seedDemo.ts';
import type { DemoTenant } from './seedDemo.ts';
import { loadStackConfig } from './stackConfig.ts';
import type { StackConfig } from './stackConfig.ts';
import { startSupergraph } from './startSupergraph.ts';
import type { RunningSupergraph } from './startSupergraph.ts';
import { subgraphStarters } from './subgraphStarters.ts';

/**
 * `npm start`: the whole supergraph in this one process (embedded PostgreSQL, in-process bus and
 * cache unless DATABASE_URL, NATS_URL, REDIS_URL are set), a demo tenant seeded through the
 * gateway, then a banner with the URL, a token and a curl line. Ctrl-C closes everything in
 * reverse order.
 */
const root = join(import.meta.dirname, '..');
const TOKEN_TTL_SECONDS = 12 * 3600;

const TENANT_OVERVIEW = `query TenantOverview { tenant { id slug name plan
  conversations(first: 5) { edges { node { id title messages(first: 3) { edges { node { role content } } } model { id name } } } }
  models { id name provider } integrations { id name kind } usage { messagesTotal simulationsTotal }
  simulations(first: 5) { edges { node { id status } } } } }`;

async function main(config: StackConfig, log: Logger) {
  const stack = await startSupergraph({ env: process.env, config, log, starters: subgraphStarters });
  try {
    const { signer, warning } = await devTokenSigner(process.env, root);
    if (!config.seedDemo || warning) {
      if (warning) log.warn(`no demo data and no token: ${warning}`);
      process.stdout.write(banner(stack, null, null));
      return stack.close;
    }
    const client = createGatewayClient(stack.gatewayUrl);
    const demo = await seedDemo({ client, signer, log: log.child({ service: 'seed' }) });
    log.info(demo.created.length > 0 ? 'demo tenant seeded' : 'demo tenant already seeded', { tenantId: demo.id, created: demo.created });
    const token = await mintDevToken(signer, { tenantId: demo.id, roles: ['ADMIN'], plan: demo.plan, ttlSeconds: TOKEN_TTL_SECONDS });
    process.stdout.write(banner(stack, demo, token));
    return stack.close;
  } catch (error) {
    await stack.close().catch(() => undefined);
    throw error;
  }
}

function banner(stack: RunningSupergraph, demo: DemoTenant | null, token: string | null): string {
  const lines = [
    '',
    `Supergraph ready: ${stack.gatewayUrl}`,
    `  ${stack.subgraphs.map((s) => `${s.name} :${s.port}`).join(', ')}`,
    `  ${stack.parts.postgres}; ${stack.parts.bus}; ${stack.parts.live}; ${stack.parts.cache}; ${stack.parts.mongodb}`,
  ];
  if (demo && token) {
    const body = JSON.stringify({ query: TENANT_OVERVIEW.replace(/\s+/g, ' ') });
    lines.push(
      '',
      `Demo tenant "${demo.slug}" (${demo.id}, ${demo.plan}). Tenant-admin token, valid 12 hours:`,
      '',
      `TOKEN='${token}'`,
      '',
      'Try TenantOverview:',
      '',
      `curl -s ${stack.gatewayUrl} -H 'content-type: application/json' -H "authorization: Bearer $TOKEN" \\`,
      `  --data '${body}'`,
      '',
      'Other tokens: npm run -s token -- --tenant demo [--role admin] [--ttl 1h]   |   npm run -s token -- --platform-admin',
    );
  }
  lines.push('Press Ctrl-C to stop.', '');
  return lines.join('\n');
}

function fail(error: unknown): void {
  // A plain line for the person at the terminal (runMain adds the structured log and exits 1).
  process.stderr.write(`\nnpm start failed: ${error instanceof Error ? error.message : String(error)}\n\n`);
}

let config: StackConfig;
try {
  config = loadStackConfig(process.env, root);
} catch (error) {
  fail(error);
  process.exit(1);
}
const log = createLogger({ level: config.logLevel });
runMain(log, () =>
  main(config, log).catch((error: unknown) => {
    fail(error);
    throw error;
  }),
);
