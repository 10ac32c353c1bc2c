import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createContextSigner } from '../../subgraphs/kit/src/auth/contextToken.ts';
import { loadOrCreateDevKeys } from '../../subgraphs/kit/src/auth/devKeys.ts';
import { attachGraphQLWs } from '../../subgraphs/kit/src/http/attachGraphQLWs.ts';
import { listen } from '../../subgraphs/kit/src/http/listen.ts';
import { createLogger } from '../../subgraphs/kit/src/log.ts';
import { runMain, createDisposer } from '../../subgraphs/kit/src/runMain.ts';
import { createJwtVerifier } from './auth/createJwtVerifier.ts';
import { loadGatewayConfig } from './config.ts';
import { createGateway } from './createGateway.ts';
import { createSubgraphHealth } from './health/createSubgraphHealth.ts';
import { createTenantDirectory } from './claims/createTenantDirectory.ts';
import { createMemoryCache } from '../../subgraphs/kit/src/cache/createMemoryCache.ts';
import { createRedisCache } from '../../subgraphs/kit/src/cache/createRedisCache.ts';
import { createPartnerDirectory } from './auth/createPartnerDirectory.ts';
import { loadSafelist } from './persisted/loadSafelist.ts';

export async function startGateway(env: NodeJS.ProcessEnv, root: string) {
  const config = loadGatewayConfig(env, root);
  const log = createLogger({ level: config.logLevel, fields: { service: 'gateway' } });
  // Development keys fill whatever is not configured (production configuration refuses to start without them).
  const needsDevKeys = (!config.jwt.jwksUrl && !config.jwt.publicJwk) || !config.contextPrivateJwk;
  const devKeys = needsDevKeys ? await loadOrCreateDevKeys(config.dataDir) : undefined;
  const jwtVerifier = await createJwtVerifier({
    ...config.jwt,
    publicJwk: config.jwt.jwksUrl ? undefined : (config.jwt.publicJwk ?? devKeys?.jwt.publicJwk),
  });
  const contextKey = config.contextPrivateJwk ?? devKeys?.context.privateJwk;
  if (!contextKey) throw new Error('no context signing key');
  const signer = await createContextSigner(contextKey, config.contextTokenTtlSeconds);
  const tenantsUrl = config.subgraphUrls.tenants;
  if (!tenantsUrl) throw new Error('no URL for the tenants subgraph');
  const integrationsUrl = config.subgraphUrls.integrations;
  if (!integrationsUrl) throw new Error('no URL for the integrations subgraph');
  // Loaded and validated against this supergraph before serving: a stale manifest stops the start.
  const safelist =
    config.safelist.mode === 'enforce' && config.safelist.manifestPath
      ? await loadSafelist(config.safelist.manifestPath, config.supergraphPath)
      : undefined;
  const disposer = createDisposer();
  // Persisted queries in Redis so every replica shares them; in-process on the embedded default.
  const apqCache = config.redisUrl
    ? await createRedisCache({ url: config.redisUrl, prefix: config.redisPrefix, log })
    : createMemoryCache({ maxEntries: config.apq.maxEntries });
  disposer.add('apq cache', () => apqCache.close());
  const gateway = createGateway({
    tenantDirectory: createTenantDirectory({ tenantsUrl, signer }),
    supergraphSdl: await readFile(config.supergraphPath, 'utf8'),
    subgraphUrls: config.subgraphUrls,
    jwtVerifier,
    signer,
    contextTokenTtlSeconds: config.contextTokenTtlSeconds,
    log,
    introspection: config.introspection,
    production: config.production,
    maxBodyBytes: config.maxBodyBytes,
    operationLimits: config.operationLimits,
    rateLimits: config.rateLimits,
    // Shared through Redis when there is one; otherwise the gateway keeps its own counters.
    ...(config.redisUrl ? { rateLimitCache: apqCache } : {}),
    health: createSubgraphHealth({ subgraphUrls: config.subgraphUrls }),
    partners: createPartnerDirectory({ integrationsUrl, signer, ttlMs: config.partnerCacheTtlSeconds * 1000 }),
    ...(safelist ? { safelist } : {}),
    apq: { cache: apqCache, ttlSeconds: config.apq.ttlSeconds, maxDocumentBytes: config.apq.maxDocumentBytes },
  });
  try {
    await gateway.start();
  } catch (error) {
    // Not started: close what is open (the Redis connection) so a failed start leaves nothing behind.
    await disposer.dispose(log).catch(() => undefined);
    throw error;
  }
  disposer.add('apollo', () => gateway.stop());
  const http = await listen(gateway.handler, config.port, config.host);
  disposer.add('http', () => http.close());
  // graphql-ws on the same port and path; disposed first: its sockets close (1001) before HTTP drains.
  const websocket = attachGraphQLWs(http.server, gateway.subscriptions.options, { path: '/graphql', maxPayloadBytes: 64 * 1024, log });
  disposer.add('websocket', () => websocket.dispose());
  log.info('gateway ready', { url: http.url, subscriptions: http.url.replace(/^http/, 'ws'), supergraph: config.supergraphPath });
  return { url: http.url, port: http.port, close: () => disposer.dispose(log) };
}

if (import.meta.main) {
  const root = join(import.meta.dirname, '..', '..');
  const log = createLogger({ fields: { service: 'gateway' } });
  runMain(log, async () => (await startGateway(process.env, root)).close);
}
