import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { SignJWT, importJWK } from 'jose';
import type { CryptoKey } from 'jose';
import { connect } from '@nats-io/transport-node';
import { jetstreamManager } from '@nats-io/jetstream';
import { Redis } from 'ioredis';
import { generateDevKeys } from '../../subgraphs/kit/src/auth/devKeys.ts';
import type { DevKeys } from '../../subgraphs/kit/src/auth/devKeys.ts';
import { dropDatabase } from '../../subgraphs/kit/src/store/pgAdmin.ts';
import { subgraphCatalog } from '../../subgraphs/catalog.ts';
import { TEST_NATS_URL, TEST_PG_SERVER, TEST_REDIS_URL, uniqueSuffix } from '../../subgraphs/kit/src/testing/testEnvironment.ts';
import { freePort } from './freePort.ts';

const root = join(import.meta.dirname, '..', '..');
const node = process.execPath;
const ISSUER = 'https://auth.e2e.test/';
const AUDIENCE = 'platform-api';

export interface StackOptions {
  /**
   * Scale out: a second replica of each named subgraph and a second gateway that talks to those
   * replicas (and to the single instance of the others). Both share the databases and NATS.
   */
  replicas?: readonly string[];
  /** Extra environment for every child process (for example a provider's base URL), over the defaults. */
  env?: Readonly<Record<string, string>>;
}

export interface Stack {
  gatewayUrl: string;
  /** The second gateway, when replicas were asked for. */
  secondGatewayUrl: string | null;
  subgraphUrls: Record<string, string>;
  /** The subgraphs the second gateway talks to: the replicas asked for, the first instances of the others. */
  replicaUrls: Record<string, string>;
  keys: DevKeys;
  /** A user token as an identity provider would issue it. */
  token(claims: Record<string, unknown>, options?: { expiresIn?: string | number; key?: CryptoKey; issuer?: string }): Promise<string>;
  logs(): string;
  processes: Map<string, ChildProcess>;
  stop(): Promise<void>;
}

async function waitHealthy(url: string, child: ChildProcess, name: string, output: () => string, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode} before it was healthy:\n${output()}`);
    try {
      const response = await fetch(new URL('/health', url), { signal: AbortSignal.timeout(1_000) });
      await response.body?.cancel();
      if (response.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${name} was not healthy within ${timeoutMs} ms:\n${output()}`);
}

/**
 * Live subscriptions a subgraph process holds on NATS, from its /health. A stream is listening
 * once it is counted: the client's subscription went through the gateway to this subgraph, which
 * checked it and subscribed to the live subject. Live payloads published before that are lost.
 */
export async function liveSubscriptions(subgraphUrl: string): Promise<number> {
  const response = await fetch(new URL('/health', subgraphUrl), { signal: AbortSignal.timeout(5_000) });
  const body = (await response.json()) as { liveSubscriptions?: unknown };
  if (typeof body.liveSubscriptions !== 'number') throw new Error(`${subgraphUrl} /health has no liveSubscriptions: ${JSON.stringify(body)}`);
  return body.liveSubscriptions;
}

/**
 * Starts the stack as production runs it: six subgraph processes and the gateway process, on
 * the machine's real PostgreSQL, NATS and Redis, with their own databases, stream and key prefix.
 */
export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const suffix = uniqueSuffix();
  const keys = await generateDevKeys();
  const databasePrefix = `e2e_${suffix}_`;
  const stream = `E2E_${suffix.toUpperCase()}`;
  const redisPrefix = `e2e:${suffix}:`;
  const processes = new Map<string, ChildProcess>();
  const output = new Map<string, string[]>();
  const logs = () => [...output].map(([name, lines]) => `--- ${name}\n${lines.join('').slice(-4000)}`).join('\n');

  const common = {
    PATH: process.env.PATH ?? '',
    NODE_ENV: 'production',
    LOG_LEVEL: process.env.E2E_LOG_LEVEL ?? 'warn',
    DATABASE_URL: TEST_PG_SERVER,
    DATABASE_NAME_PREFIX: databasePrefix,
    NATS_URL: TEST_NATS_URL,
    NATS_STREAM: stream,
    NATS_SUBJECT_PREFIX: `e2e_${suffix}`,
    REDIS_URL: TEST_REDIS_URL,
    REDIS_PREFIX: redisPrefix,
    CONTEXT_PUBLIC_KEY: JSON.stringify(keys.context.publicJwk),
    DATA_DIR: join(root, '.data', `e2e-${suffix}`),
    HOST: '127.0.0.1',
    INTEGRATIONS_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    ...options.env,
  };

  const launch = (name: string, script: string, env: Record<string, string>) => {
    // E2E_NODE_ARGS (for example --cpu-prof) goes to every child, for profiling a stack under load.
    const nodeArgs = process.env.E2E_NODE_ARGS ? process.env.E2E_NODE_ARGS.split(' ') : [];
    const child = spawn(node, [...nodeArgs, script], { cwd: root, env: { ...common, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    const lines: string[] = [];
    output.set(name, lines);
    child.stdout?.on('data', (d: Buffer) => lines.push(d.toString()));
    child.stderr?.on('data', (d: Buffer) => lines.push(d.toString()));
    processes.set(name, child);
    return child;
  };

  const stopAll = async () => {
    await Promise.all(
      [...processes.values()].map(
        (child) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null || child.signalCode !== null) return resolve();
            const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
            child.once('exit', () => {
              clearTimeout(timer);
              resolve();
            });
            child.kill('SIGTERM');
          }),
      ),
    );
    for (const entry of subgraphCatalog) {
      const u = new URL(TEST_PG_SERVER);
      u.pathname = `/${databasePrefix}${entry.name}`;
      await dropDatabase(u.toString(), `${databasePrefix}${entry.name}_app`).catch(() => undefined);
    }
    const nc = await connect({ servers: TEST_NATS_URL });
    const jsm = await jetstreamManager(nc);
    await jsm.streams.delete(stream).catch(() => undefined);
    await nc.drain();
    const redis = new Redis(TEST_REDIS_URL);
    const found = await redis.keys(`${redisPrefix}*`);
    if (found.length > 0) await redis.del(...found);
    await redis.quit();
  };

  /**
   * Starts a service on a free port and waits until it is healthy; returns its URL. The port is
   * free when picked, but another process may bind it before the child does: then the child
   * exits with EADDRINUSE and is started again on another port.
   */
  const serve = async (name: string, script: string, env: Record<string, string> = {}): Promise<string> => {
    for (let attempt = 1; ; attempt += 1) {
      const port = await freePort();
      const url = `http://127.0.0.1:${port}/graphql`;
      try {
        await waitHealthy(url, launch(name, script, { ...env, PORT: String(port) }), name, logs);
        return url;
      } catch (error) {
        const taken = (output.get(name) ?? []).join('').includes('EADDRINUSE');
        if (!taken || attempt >= 3) throw error;
      }
    }
  };

  try {
    const subgraphUrls: Record<string, string> = {};
    await Promise.all(
      subgraphCatalog.map(async (entry) => {
        subgraphUrls[entry.name] = await serve(entry.name, `subgraphs/${entry.name}/src/main.ts`);
      }),
    );
    // Replicas start after the first instances, which have migrated the databases.
    const replicaUrls: Record<string, string> = { ...subgraphUrls };
    await Promise.all(
      (options.replicas ?? []).map(async (name) => {
        replicaUrls[name] = await serve(`${name}#2`, `subgraphs/${name}/src/main.ts`);
      }),
    );
    const startGateway = async (label: string, urls: Record<string, string>) => {
      const env: Record<string, string> = {
        JWT_ISSUER: ISSUER,
        JWT_AUDIENCE: AUDIENCE,
        JWT_PUBLIC_KEY: JSON.stringify(keys.jwt.publicJwk),
        CONTEXT_PRIVATE_KEY: JSON.stringify(keys.context.privateJwk),
      };
      for (const [name, url] of Object.entries(urls)) env[`SUBGRAPH_${name.toUpperCase()}_URL`] = url;
      return serve(label, 'gateway/src/main.ts', env);
    };
    const gatewayUrl = await startGateway('gateway', subgraphUrls);
    const secondGatewayUrl = options.replicas?.length ? await startGateway('gateway#2', replicaUrls) : null;

    const jwtKey = (await importJWK(keys.jwt.privateJwk, 'ES256')) as CryptoKey;
    return {
      gatewayUrl,
      secondGatewayUrl,
      subgraphUrls,
      replicaUrls,
      keys,
      processes,
      logs,
      token(claims, options = {}) {
        return new SignJWT(claims)
          .setProtectedHeader({ alg: 'ES256', kid: keys.jwt.privateJwk.kid })
          .setIssuer(options.issuer ?? ISSUER)
          .setAudience(AUDIENCE)
          .setSubject(typeof claims.sub === 'string' ? claims.sub : 'e2e-user')
          .setIssuedAt()
          .setExpirationTime(options.expiresIn ?? '10m')
          .sign(options.key ?? jwtKey);
      },
      stop: stopAll,
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
