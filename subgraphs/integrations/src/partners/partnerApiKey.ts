import { createHash, randomBytes } from 'node:crypto';

export const API_KEY_PREFIX = 'ptk_';
/** Characters of the key kept in clear to recognise it ("ptk_" and 8 of the random part). */
const SHOWN_CHARS = API_KEY_PREFIX.length + 8;

/** Hex SHA-256 of an API key: what is stored, and what the gateway looks a key up by. */
export function hashApiKey(apiKey: string): string {
  return createHash('sha256').update(apiKey, 'utf8').digest('hex');
}

/** A new key (`ptk_` + base64url of 32 random bytes), its hash and its displayable prefix. */
export function generateApiKey(): { apiKey: string; keyHash: string; prefix: string } {
  const apiKey = `${API_KEY_PREFIX}${randomBytes(32).toString('base64url')}`;
  return { apiKey, keyHash: hashApiKey(apiKey), prefix: apiKey.slice(0, SHOWN_CHARS) };
}
