import type { JWK } from 'jose';
import { readEnv } from './config.ts';
import type { Env, EnvReader } from './config.ts';
import type { LogLevel } from './log.ts';
import { subgraphCatalog } from '../../catalog.ts';

/** What every subgraph reads from its environment; a subgraph reads its own extras with `env`. */
export interface SubgraphConfig {
  readonly name: string;
  readonly port: number;
  readonly host: string;
  readonly production: boolean;
  readonly logLevel: LogLevel;
  /** Owner URL of this subgraph's own database (migrations run as it). */
  readonly databaseUrl: string | undefined;
  /** Serving-role URL; when unset a role `<database>_app` is derived. */
  readonly appDatabaseUrl: string | undefined;
  readonly appDatabasePassword: string | null;
  readonly mongodbUrl: string | undefined;
  readonly natsUrl: string | undefined;
  readonly natsStream: string;
  readonly natsSubjectPrefix: string;
  /** Days the event stream keeps events (its max age); consumers keep their dedup ids a day longer. */
  readonly eventRetentionDays: number;
  readonly redisUrl: string | undefined;
  readonly redisPrefix: string;
  readonly contextPublicJwk: JWK | undefined;
  readonly dataDir: string;
}

const isJwk = (value: unknown): value is JWK => typeof value === 'object' && value !== null && 'kty' in value;

/**
 * DATABASE_URL names the PostgreSQL server; each subgraph uses its own database on it,
 * `<DATABASE_NAME_PREFIX><name>` (default `platform_<name>`), unless DATABASE_NAME names one.
 */
export function loadSubgraphConfig(name: string, env: Env, root: string): { config: SubgraphConfig; env: EnvReader } {
  const entry = subgraphCatalog.find((s) => s.name === name);
  if (!entry) throw new Error(`unknown subgraph ${name}`);
  const e = readEnv(env);
  const production = e.oneOf('NODE_ENV', ['development', 'production', 'test'], 'development') === 'production';
  const serverUrl = e.url('DATABASE_URL');
  const prefix = e.string('DATABASE_NAME_PREFIX', 'platform_');
  const dbName = e.string('DATABASE_NAME', `${prefix}${name}`);
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(dbName)) e.problem(`database name ${JSON.stringify(dbName)} must be lowercase snake_case`);
  let databaseUrl: string | undefined;
  if (serverUrl) {
    const u = new URL(serverUrl);
    u.pathname = `/${dbName}`;
    databaseUrl = u.toString();
  }
  // Replica-set URLs list several hosts, which WHATWG URL parsing refuses: check the scheme only.
  const mongodbUrl = e.optional('MONGODB_URL');
  if (mongodbUrl && !/^mongodb(\+srv)?:\/\/\S+$/.test(mongodbUrl)) e.problem('MONGODB_URL must be a mongodb:// or mongodb+srv:// URL');
  const contextPublicJwk = e.json('CONTEXT_PUBLIC_KEY', isJwk, 'a JWK as JSON (with "kty")');
  if (production && !contextPublicJwk) e.problem('CONTEXT_PUBLIC_KEY is required in production');
  const config: SubgraphConfig = Object.freeze({
    name,
    port: e.int('PORT', entry.port, { min: 0, max: 65535 }),
    host: e.string('HOST', '0.0.0.0'),
    production,
    logLevel: e.oneOf('LOG_LEVEL', ['debug', 'info', 'warn', 'error', 'silent'], 'info'),
    databaseUrl,
    appDatabaseUrl: e.url('APP_DATABASE_URL'),
    appDatabasePassword: e.optional('APP_DATABASE_PASSWORD') ?? null,
    mongodbUrl,
    natsUrl: e.optional('NATS_URL'),
    natsStream: e.string('NATS_STREAM', 'PLATFORM_EVENTS'),
    natsSubjectPrefix: e.string('NATS_SUBJECT_PREFIX', 'events'),
    eventRetentionDays: e.int('EVENT_RETENTION_DAYS', 7, { min: 1, max: 3650 }),
    redisUrl: e.url('REDIS_URL'),
    redisPrefix: e.string('REDIS_PREFIX', 'platform:'),
    contextPublicJwk,
    dataDir: e.string('DATA_DIR', `${root}/.data`),
  });
  return { config, env: e };
}
