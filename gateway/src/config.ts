import type { JWK } from 'jose';
import { readEnv } from '../../subgraphs/kit/src/config.ts';
import type { Env } from '../../subgraphs/kit/src/config.ts';
import type { LogLevel } from '../../subgraphs/kit/src/log.ts';
import { subgraphCatalog, defaultSubgraphUrl, GATEWAY_PORT } from '../../subgraphs/catalog.ts';
import { defaultOperationLimits } from './limits/measureOperation.ts';
import type { OperationLimits } from './limits/measureOperation.ts';

export interface GatewayConfig {
  readonly port: number;
  readonly host: string;
  readonly production: boolean;
  readonly logLevel: LogLevel;
  readonly supergraphPath: string;
  readonly dataDir: string;
  /** Subgraph name → URL, overriding the URLs composed into the supergraph. */
  readonly subgraphUrls: Readonly<Record<string, string>>;
  readonly jwt: {
    readonly issuer: string;
    readonly audience: string;
    readonly algorithms: readonly string[];
    /** Production: keys from the identity provider's JWKS. */
    readonly jwksUrl: string | undefined;
    /** Development: one public key (JWK JSON); when neither is set, the local dev key is used. */
    readonly publicJwk: JWK | undefined;
  };
  /** Ed25519 private key (JWK JSON) the gateway signs forwarded contexts with; dev key when unset. */
  readonly contextPrivateJwk: JWK | undefined;
  readonly contextTokenTtlSeconds: number;
  readonly introspection: boolean;
  readonly maxBodyBytes: number;
  /** Depth, aliases, cost and tokens one operation may have (HTTP and graphql-ws alike). */
  readonly operationLimits: OperationLimits;
  /** Operations per minute per tenant by plan (RATE_LIMITS, default on). */
  readonly rateLimits: boolean;
  /** Redis for state every replica shares (automatic persisted queries); in-process when unset. */
  readonly redisUrl: string | undefined;
  readonly redisPrefix: string;
  readonly apq: {
    readonly ttlSeconds: number;
    /** Larger documents execute but are not stored (the client keeps sending them in full). */
    readonly maxDocumentBytes: number;
    /** Bound of the in-process cache (Redis is bounded by the TTL and its own maxmemory policy). */
    readonly maxEntries: number;
  };
  /** How long partner keys and documents (answers and refusals) are cached: revocation applies within it. */
  readonly partnerCacheTtlSeconds: number;
  /** Safelist mode: `enforce` runs only the manifest's documents for bearer callers. */
  readonly safelist: { readonly mode: 'off' | 'enforce'; readonly manifestPath: string | undefined };
}

const isJwk = (value: unknown): value is JWK => typeof value === 'object' && value !== null && 'kty' in value;

export function loadGatewayConfig(env: Env, root: string): GatewayConfig {
  const e = readEnv(env);
  const production = e.oneOf('NODE_ENV', ['development', 'production', 'test'], 'development') === 'production';
  const jwksUrl = e.url('JWT_JWKS_URL');
  const publicJwk = e.json('JWT_PUBLIC_KEY', isJwk, 'a JWK as JSON (with "kty")');
  const contextPrivateJwk = e.json('CONTEXT_PRIVATE_KEY', isJwk, 'a JWK as JSON (with "kty")');
  if (production && !jwksUrl && !publicJwk) e.problem('JWT_JWKS_URL (or JWT_PUBLIC_KEY) is required in production');
  if (production && !contextPrivateJwk) e.problem('CONTEXT_PRIVATE_KEY is required in production');
  const subgraphUrls: Record<string, string> = {};
  for (const entry of subgraphCatalog) {
    const name = `SUBGRAPH_${entry.name.toUpperCase()}_URL`;
    subgraphUrls[entry.name] = e.url(name, defaultSubgraphUrl(entry)) ?? defaultSubgraphUrl(entry);
  }
  const config: GatewayConfig = {
    port: e.int('PORT', GATEWAY_PORT, { min: 0, max: 65535 }),
    host: e.string('HOST', '0.0.0.0'),
    production,
    logLevel: e.oneOf('LOG_LEVEL', ['debug', 'info', 'warn', 'error', 'silent'], 'info'),
    supergraphPath: e.string('SUPERGRAPH_PATH', `${root}/schema/supergraph.graphql`),
    dataDir: e.string('DATA_DIR', `${root}/.data`),
    subgraphUrls,
    jwt: {
      issuer: e.string('JWT_ISSUER', 'https://auth.platform.local/'),
      audience: e.string('JWT_AUDIENCE', 'platform-api'),
      algorithms: e.string('JWT_ALGORITHMS', 'ES256,RS256,EdDSA').split(',').map((a) => a.trim()).filter(Boolean),
      jwksUrl,
      publicJwk,
    },
    contextPrivateJwk,
    contextTokenTtlSeconds: e.int('CONTEXT_TOKEN_TTL_SECONDS', 60, { min: 5, max: 300 }),
    introspection: e.bool('INTROSPECTION', !production),
    maxBodyBytes: e.int('MAX_BODY_BYTES', 1024 * 1024, { min: 1024, max: 64 * 1024 * 1024 }),
    rateLimits: e.bool('RATE_LIMITS', true),
    operationLimits: Object.freeze({
      maxDepth: e.int('MAX_QUERY_DEPTH', defaultOperationLimits.maxDepth, { min: 1, max: 1_000 }),
      maxAliases: e.int('MAX_QUERY_ALIASES', defaultOperationLimits.maxAliases, { min: 0, max: 100_000 }),
      maxCost: e.int('MAX_QUERY_COST', defaultOperationLimits.maxCost, { min: 1, max: 100_000_000 }),
      maxTokens: e.int('MAX_QUERY_TOKENS', defaultOperationLimits.maxTokens, { min: 100, max: 1_000_000 }),
      defaultListSize: e.int('QUERY_DEFAULT_LIST_SIZE', defaultOperationLimits.defaultListSize, { min: 1, max: 10_000 }),
    }),
    redisUrl: e.url('REDIS_URL'),
    redisPrefix: e.string('REDIS_PREFIX', 'gateway:'),
    apq: {
      ttlSeconds: e.int('APQ_TTL_SECONDS', 24 * 3600, { min: 1, max: 30 * 24 * 3600 }),
      maxDocumentBytes: e.int('APQ_MAX_DOCUMENT_BYTES', 64 * 1024, { min: 0, max: 16 * 1024 * 1024 }),
      maxEntries: e.int('APQ_MAX_ENTRIES', 1_000, { min: 1, max: 1_000_000 }),
    },
    partnerCacheTtlSeconds: e.int('PARTNER_CACHE_TTL_SECONDS', 5, { min: 1, max: 60 }),
    safelist: {
      mode: e.oneOf('SAFELIST_MODE', ['off', 'enforce'], 'off'),
      manifestPath: e.string('SAFELIST_MANIFEST_PATH', '') || undefined,
    },
  };
  if (config.safelist.mode === 'enforce' && !config.safelist.manifestPath) e.problem('SAFELIST_MANIFEST_PATH is required when SAFELIST_MODE=enforce');
  e.done();
  return Object.freeze(config);
}
