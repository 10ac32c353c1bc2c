import { isAbsolute, join } from 'node:path';
import { readEnv } from '../subgraphs/kit/src/config.ts';
import type { Env } from '../subgraphs/kit/src/config.ts';
import type { LogLevel } from '../subgraphs/kit/src/log.ts';
import { subgraphCatalog } from '../subgraphs/catalog.ts';

/**
 * What `npm start` itself reads (each service still reads its own settings from the same
 * environment). Every URL that is set switches that part to the real server.
 */
export interface StackConfig {
  readonly root: string;
  readonly dataDir: string;
  readonly logLevel: LogLevel;
  /** A PostgreSQL server URL; unset means the embedded one. */
  readonly databaseUrl: string | undefined;
  readonly embeddedPg: { readonly dir: string; readonly port: number };
  readonly natsUrl: string | undefined;
  readonly natsStream: string;
  readonly natsSubjectPrefix: string;
  /** Days the event stream keeps events (EVENT_RETENTION_DAYS, default 7). */
  readonly eventRetentionDays: number;
  readonly redisUrl: string | undefined;
  readonly redisPrefix: string;
  readonly mongodbUrl: string | undefined;
  /** Subgraph name → port (SUBGRAPH_<NAME>_PORT, else the catalog's). */
  readonly subgraphPorts: Readonly<Record<string, number>>;
  /** Seed the demo tenant after start-up (SEED_DEMO, default true). */
  readonly seedDemo: boolean;
}

export function loadStackConfig(env: Env, root: string): StackConfig {
  const e = readEnv(env);
  const dataDir = e.string('DATA_DIR', join(root, '.data'));
  const pgDir = e.string('EMBEDDED_PG_DIR', join(dataDir, 'postgres'));
  const subgraphPorts: Record<string, number> = {};
  for (const entry of subgraphCatalog) {
    subgraphPorts[entry.name] = e.int(`SUBGRAPH_${entry.name.toUpperCase()}_PORT`, entry.port, { min: 0, max: 65535 });
  }
  const config: StackConfig = {
    root,
    dataDir,
    logLevel: e.oneOf('LOG_LEVEL', ['debug', 'info', 'warn', 'error', 'silent'], 'info'),
    databaseUrl: e.url('DATABASE_URL'),
    embeddedPg: { dir: isAbsolute(pgDir) ? pgDir : join(root, pgDir), port: e.int('EMBEDDED_PG_PORT', 54329, { min: 1, max: 65535 }) },
    natsUrl: e.optional('NATS_URL'),
    natsStream: e.string('NATS_STREAM', 'PLATFORM_EVENTS'),
    natsSubjectPrefix: e.string('NATS_SUBJECT_PREFIX', 'events'),
    eventRetentionDays: e.int('EVENT_RETENTION_DAYS', 7, { min: 1, max: 3650 }),
    redisUrl: e.url('REDIS_URL'),
    redisPrefix: e.string('REDIS_PREFIX', 'platform:'),
    mongodbUrl: e.url('MONGODB_URL'),
    subgraphPorts,
    seedDemo: e.bool('SEED_DEMO', true),
  };
  e.done();
  return Object.freeze(config);
}
