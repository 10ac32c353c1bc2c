import { createHash } from 'node:crypto';
import type { EnvReader } from '../../../kit/src/config.ts';
import { KEY_ID_PATTERN } from './createCredentialCipher.ts';
import type { CredentialKey } from './createCredentialCipher.ts';

export const ENCRYPTION_KEY = 'INTEGRATIONS_ENCRYPTION_KEY';
export const ENCRYPTION_KEY_ID = 'INTEGRATIONS_ENCRYPTION_KEY_ID';
export const PREVIOUS_KEYS = 'INTEGRATIONS_PREVIOUS_KEYS';

export interface EncryptionKeysConfig {
  /** The key new ciphertexts use; undefined when INTEGRATIONS_ENCRYPTION_KEY is unset. */
  current: CredentialKey | undefined;
  /** Older keys, only for reading ciphertexts made before a rotation. */
  previous: CredentialKey[];
  /** How many problems this reader recorded on `env` (0 when the configuration is usable). */
  problems: number;
}

const BASE64 = /^[A-Za-z0-9+/_-]+={0,2}$/;

/**
 * A default key id derived from the key itself, so that replacing the key without naming a new id
 * still gives new ciphertexts a new id (a fixed default like "default" would make every older
 * ciphertext look as if it belonged to the new key). 48 bits of a domain-separated SHA-256 say
 * nothing useful about a 256-bit random key.
 */
export function keyIdOf(key: Buffer): string {
  return `fp-${createHash('sha256').update('integrations-credential-key-id\0').update(key).digest('hex').slice(0, 12)}`;
}

/** Decodes base64 (or base64url) of exactly 32 bytes, or returns a reason. */
export function decodeKey(value: string): Buffer | string {
  if (!BASE64.test(value)) return 'is not base64';
  const key = Buffer.from(value, 'base64');
  if (key.length !== 32) return `must decode to 32 bytes, got ${key.length}`;
  return key;
}

/**
 * Reads the credential keys from configuration, recording every problem on `env` (never echoing
 * key material). Whether a missing key is an error depends on the environment: see
 * loadCredentialCipher.
 */
export function readEncryptionKeys(env: EnvReader): EncryptionKeysConfig {
  let problems = 0;
  const problem = (message: string) => {
    problems += 1;
    env.problem(message);
  };

  let current: CredentialKey | undefined;
  const rawKey = env.optional(ENCRYPTION_KEY);
  const rawId = env.optional(ENCRYPTION_KEY_ID);
  if (rawId !== undefined && !KEY_ID_PATTERN.test(rawId)) {
    problem(`${ENCRYPTION_KEY_ID} must be 1 to 64 letters, digits, dots, dashes or underscores`);
  }
  if (rawKey === undefined) {
    if (rawId !== undefined) problem(`${ENCRYPTION_KEY_ID} is set but ${ENCRYPTION_KEY} is not`);
  } else {
    const key = decodeKey(rawKey);
    if (typeof key === 'string') problem(`${ENCRYPTION_KEY} ${key} (expected base64 of 32 random bytes)`);
    else current = { id: rawId ?? keyIdOf(key), key };
  }

  const previous: CredentialKey[] = [];
  const rawPrevious = env.optional(PREVIOUS_KEYS);
  if (rawPrevious !== undefined) {
    rawPrevious.split(',').forEach((item, index) => {
      const entry = item.trim();
      const colon = entry.indexOf(':');
      const id = colon > 0 ? entry.slice(0, colon) : '';
      const where = `${PREVIOUS_KEYS} entry ${index + 1}`;
      if (!KEY_ID_PATTERN.test(id)) {
        problem(`${where} must be "id:base64" with an id of 1 to 64 letters, digits, dots, dashes or underscores`);
        return;
      }
      const key = decodeKey(entry.slice(colon + 1));
      if (typeof key === 'string') {
        problem(`${where} (${id}) ${key} (expected base64 of 32 bytes)`);
        return;
      }
      if (previous.some((p) => p.id === id) || current?.id === id) {
        problem(`${where} reuses the key id ${JSON.stringify(id)}`);
        return;
      }
      previous.push({ id, key });
    });
  }
  return { current, previous, problems };
}
