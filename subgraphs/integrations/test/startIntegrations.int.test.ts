import { randomBytes, randomUUID } from 'node:crypto';
import { chmod, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { serveSubgraph } from '../../kit/src/bootSubgraph.ts';
import type { SharedDeps } from '../../kit/src/bootSubgraph.ts';
import { createMemoryBus } from '../../kit/src/bus/createMemoryBus.ts';
import { createMemoryCache } from '../../kit/src/cache/createMemoryCache.ts';
import { createMemoryLiveBus } from '../../kit/src/live/createMemoryLiveBus.ts';
import { ConfigError } from '../../kit/src/config.ts';
import { silentLogger } from '../../kit/src/log.ts';
import { loadSubgraphConfig } from '../../kit/src/subgraphConfig.ts';
import { claimsFor, postGraphQL, TEST_PG_SERVER, testDatabase, testKeys, verifierFor } from '../../kit/src/testing/testEnvironment.ts';
import type { ContextSigner } from '../../kit/src/auth/contextToken.ts';
import { createCredentialCipher } from '../src/crypto/createCredentialCipher.ts';
import { credentialAad } from '../src/crypto/credentialAad.ts';
import { devEncryptionKeyPath } from '../src/crypto/loadOrCreateDevEncryptionKey.ts';
import { keyIdOf } from '../src/crypto/readEncryptionKeys.ts';
import { startIntegrations } from '../src/start.ts';

describe('startIntegrations: credential keys from configuration', () => {
  const db = testDatabase('integrations_start');
  const claims = claimsFor(randomUUID());
  let dataDir: string;
  let deps: SharedDeps;
  let signer: ContextSigner;
  let contextPublicKey: string;

  const envFor = (extra: Record<string, string>) => ({
    DATABASE_URL: TEST_PG_SERVER,
    DATABASE_NAME: db.name,
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
    CONTEXT_PUBLIC_KEY: contextPublicKey,
    DATA_DIR: dataDir,
    ...extra,
  });
  const serve = (extra: Record<string, string>) => {
    const { config, env } = loadSubgraphConfig('integrations', envFor(extra), dataDir);
    return serveSubgraph(config, env, deps, startIntegrations);
  };
  const sealedRow = async (id: string) => {
    const owner = new pg.Client({ connectionString: db.adminUrl });
    await owner.connect();
    try {
      const { rows } = await owner.query('select credentials_key_id, credentials_iv, credentials_tag, credentials_ciphertext from integrations where id = $1', [id]);
      const row = rows[0] as { credentials_key_id: string; credentials_iv: Buffer; credentials_tag: Buffer; credentials_ciphertext: Buffer };
      return { keyId: row.credentials_key_id, iv: row.credentials_iv, tag: row.credentials_tag, ciphertext: row.credentials_ciphertext };
    } finally {
      await owner.end();
    }
  };
  const createVia = async (url: string, credentials: Record<string, string>) => {
    const res = await postGraphQL<{ createIntegration: { id: string } }>(
      url,
      'mutation($c: JSON) { createIntegration(input: { name: "Conf", kind: REST, credentials: $c }) { id } }',
      { c: credentials },
      { signer, audience: 'integrations', claims },
    );
    expect(res.body.errors).toBeUndefined();
    return res.body.data!.createIntegration.id;
  };

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'integrations-start-'));
    const { keys, signer: s } = await testKeys();
    signer = s;
    contextPublicKey = JSON.stringify(keys.context.publicJwk);
    deps = { log: silentLogger, bus: createMemoryBus({ log: silentLogger }), live: createMemoryLiveBus(), cache: createMemoryCache(), verifier: await verifierFor(keys, 'integrations') };
  });
  afterAll(async () => {
    await deps?.bus.close();
    await deps?.cache.close();
    await db.drop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('refuses to start in production without a key, before touching the database', async () => {
    const failure = serve({ NODE_ENV: 'production' });
    await expect(failure).rejects.toBeInstanceOf(ConfigError);
    await expect(failure).rejects.toThrow(/INTEGRATIONS_ENCRYPTION_KEY is required in production/);
    await expect(serve({ NODE_ENV: 'production', INTEGRATIONS_ENCRYPTION_KEY: 'c2hvcnQ=' })).rejects.toThrow(/must decode to 32 bytes, got 5/);
    const admin = new pg.Client({ connectionString: TEST_PG_SERVER });
    await admin.connect();
    try {
      expect((await admin.query('select 1 from pg_database where datname = $1', [db.name])).rowCount).toBe(0);
    } finally {
      await admin.end();
    }
    await expect(stat(devEncryptionKeyPath(dataDir))).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('uses the configured key and key id in production (previous keys listed beside it)', async () => {
    const key = randomBytes(32);
    const old = randomBytes(32);
    const running = await serve({
      NODE_ENV: 'production',
      INTEGRATIONS_ENCRYPTION_KEY: key.toString('base64'),
      INTEGRATIONS_ENCRYPTION_KEY_ID: 'k-2026',
      INTEGRATIONS_PREVIOUS_KEYS: `k-old:${old.toString('base64')}`,
    });
    try {
      const id = await createVia(running.url, { apiKey: 'configured-secret' });
      const sealed = await sealedRow(id);
      expect(sealed.keyId).toBe('k-2026');
      expect(createCredentialCipher({ current: { id: 'k-2026', key } }).decrypt(sealed, credentialAad(claims.tenantId!, id))).toBe(
        JSON.stringify({ apiKey: 'configured-secret' }),
      );
    } finally {
      await running.close();
    }
    await expect(stat(devEncryptionKeyPath(dataDir))).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('in development without a key, makes one under the data folder (0600) and keeps using it', async () => {
    const path = devEncryptionKeyPath(dataDir);
    const first = await serve({ NODE_ENV: 'development' });
    let id: string;
    try {
      id = await createVia(first.url, { token: 'dev-secret' });
    } finally {
      await first.close();
    }
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect((await stat(dirname(path))).mode & 0o077).toBe(0);
    const fileKey = Buffer.from((await readFile(path, 'utf8')).trim(), 'base64');
    expect(fileKey).toHaveLength(32);
    const sealed = await sealedRow(id);
    expect(sealed.keyId).toBe(keyIdOf(fileKey));
    expect(createCredentialCipher({ current: { id: sealed.keyId, key: fileKey } }).decrypt(sealed, credentialAad(claims.tenantId!, id))).toBe(
      JSON.stringify({ token: 'dev-secret' }),
    );

    const second = await serve({ NODE_ENV: 'development' });
    try {
      const again = await createVia(second.url, { token: 'dev-secret-2' });
      expect((await sealedRow(again)).keyId).toBe(keyIdOf(fileKey));
    } finally {
      await second.close();
    }
    expect(Buffer.from((await readFile(path, 'utf8')).trim(), 'base64').equals(fileKey)).toBe(true);
  });

  it('refuses a development key file that is unreadable as a key or open to other users', async () => {
    const otherDir = await mkdtemp(join(tmpdir(), 'integrations-badkey-'));
    const path = devEncryptionKeyPath(otherDir);
    try {
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, 'not a key\n', { mode: 0o600 });
      const serveWith = () => {
        const { config, env } = loadSubgraphConfig('integrations', { ...envFor({}), DATA_DIR: otherDir }, otherDir);
        return serveSubgraph(config, env, deps, startIntegrations);
      };
      await expect(serveWith()).rejects.toThrow(/does not hold a credential key/);
      await writeFile(path, `${randomBytes(32).toString('base64')}\n`);
      await chmod(path, 0o644);
      await expect(serveWith()).rejects.toThrow(/readable by other users/);
    } finally {
      await rm(otherDir, { recursive: true, force: true });
    }
  });
});
