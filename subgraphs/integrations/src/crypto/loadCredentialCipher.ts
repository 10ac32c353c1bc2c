import type { EnvReader } from '../../../kit/src/config.ts';
import type { Logger } from '../../../kit/src/log.ts';
import type { SubgraphConfig } from '../../../kit/src/subgraphConfig.ts';
import { createCredentialCipher } from './createCredentialCipher.ts';
import type { CredentialCipher } from './createCredentialCipher.ts';
import { loadOrCreateDevEncryptionKey } from './loadOrCreateDevEncryptionKey.ts';
import { ENCRYPTION_KEY, keyIdOf, readEncryptionKeys } from './readEncryptionKeys.ts';

/**
 * The credential cipher from configuration. Production must name its key; development without one
 * uses a key kept under the data folder. Returns null when the configuration has problems (they
 * are recorded on `env`, and the caller's `env.done()` reports them all at once).
 */
export async function loadCredentialCipher(config: SubgraphConfig, env: EnvReader, log: Logger): Promise<CredentialCipher | null> {
  const { current, previous, problems } = readEncryptionKeys(env);
  if (problems > 0) return null;
  if (current) return createCredentialCipher({ current, previous });
  if (config.production) {
    env.problem(`${ENCRYPTION_KEY} is required in production (base64 of 32 random bytes, for example: openssl rand -base64 32)`);
    return null;
  }
  const dev = await loadOrCreateDevEncryptionKey(config.dataDir);
  log.warn(`${ENCRYPTION_KEY} is not set: using the development key file`, { path: dev.path, created: dev.created });
  return createCredentialCipher({ current: { id: keyIdOf(dev.key), key: dev.key }, previous });
}
