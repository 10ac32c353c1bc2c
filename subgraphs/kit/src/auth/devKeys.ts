import { generateKeyPair, exportJWK } from 'jose';
import type { JWK } from 'jose';
import { mkdir, readFile, writeFile, link, unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/**
 * Development-only key material, made on first use under a git-ignored folder so that
 * `npm start`, `npm run token` and every service of a local stack agree without configuration.
 * Production configuration must supply its own keys (and a JWKS URL for user tokens).
 */
export interface DevKeys {
  /** Ed25519 pair the gateway signs forwarded contexts with. */
  context: { privateJwk: JWK; publicJwk: JWK };
  /** ES256 pair standing in for an identity provider when no JWKS URL is configured. */
  jwt: { privateJwk: JWK; publicJwk: JWK };
}

async function pair(alg: 'EdDSA' | 'ES256', kid: string) {
  const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true, crv: alg === 'EdDSA' ? 'Ed25519' : undefined });
  const privateJwk = { ...(await exportJWK(privateKey)), alg, kid };
  const publicJwk = { ...(await exportJWK(publicKey)), alg, kid };
  return { privateJwk, publicJwk };
}

export async function generateDevKeys(): Promise<DevKeys> {
  return { context: await pair('EdDSA', 'dev-context'), jwt: await pair('ES256', 'dev-jwt') };
}

export async function loadOrCreateDevKeys(dataDir: string): Promise<DevKeys> {
  const file = join(dataDir, 'keys', 'dev-keys.json');
  try {
    return JSON.parse(await readFile(file, 'utf8')) as DevKeys;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const keys = await generateDevKeys();
  await mkdir(dirname(file), { recursive: true, mode: 0o700 });
  // Write aside, then link into place: link fails if another process won the race, and then
  // both use the winner's keys; nobody ever reads half a file.
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, JSON.stringify(keys, null, 2), { mode: 0o600 });
  try {
    await link(tmp, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    await unlink(tmp);
  }
  return JSON.parse(await readFile(file, 'utf8')) as DevKeys;
}
