import { createCipheriv, createDecipheriv, createSecretKey, randomBytes, timingSafeEqual } from 'node:crypto';
import type { KeyObject } from 'node:crypto';

/**
 * AES-256-GCM for secrets at rest. Every encryption draws a fresh 12-byte IV (GCM's security rests
 * on never reusing an IV under one key), keeps the 16-byte tag, and binds caller-given associated
 * data (for credentials: tenant and integration ids), so a ciphertext moved to another row fails
 * authentication. Each sealed value names the key that made it, so keys can rotate: new values use
 * the current key, older ones still open with the previous keys.
 */
export interface CredentialKey {
  /** Short label stored beside each ciphertext, for example `2026-01` or a fingerprint. */
  readonly id: string;
  /** 32 random bytes. */
  readonly key: Buffer;
}

export interface SealedSecret {
  readonly keyId: string;
  readonly iv: Uint8Array;
  readonly tag: Uint8Array;
  readonly ciphertext: Uint8Array;
}

export interface CredentialCipher {
  /** The key id new ciphertexts carry. */
  readonly currentKeyId: string;
  encrypt(plaintext: string, aad: Buffer): SealedSecret;
  /** Throws CredentialDecryptionError for an unknown key id or anything that fails authentication. */
  decrypt(sealed: SealedSecret, aad: Buffer): string;
}

export class CredentialDecryptionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CredentialDecryptionError';
  }
}

const ALGORITHM = 'aes-256-gcm';
const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
export const KEY_ID_PATTERN = /^[A-Za-z0-9._-]{1,64}$/;

export function createCredentialCipher(keys: { current: CredentialKey; previous?: readonly CredentialKey[] }): CredentialCipher {
  const byId = new Map<string, { material: Buffer; key: KeyObject }>();
  for (const entry of [keys.current, ...(keys.previous ?? [])]) {
    if (!KEY_ID_PATTERN.test(entry.id)) throw new Error(`credential key id ${JSON.stringify(entry.id)} must match ${KEY_ID_PATTERN}`);
    if (entry.key.length !== KEY_BYTES) throw new Error(`credential key ${JSON.stringify(entry.id)} must be ${KEY_BYTES} bytes, got ${entry.key.length}`);
    const known = byId.get(entry.id);
    if (known) {
      // The same key listed twice is harmless; one id naming two keys would make old ciphertexts unreadable.
      if (!timingSafeEqual(known.material, entry.key)) throw new Error(`credential key id ${JSON.stringify(entry.id)} names two different keys`);
      continue;
    }
    // A KeyObject, so the raw bytes are not kept around in an ordinary Buffer.
    byId.set(entry.id, { material: Buffer.from(entry.key), key: createSecretKey(Buffer.from(entry.key)) });
  }
  const currentKeyId = keys.current.id;
  const current = byId.get(currentKeyId)!.key;
  for (const entry of byId.values()) entry.material.fill(0);

  return {
    currentKeyId,
    encrypt(plaintext, aad) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv(ALGORITHM, current, iv, { authTagLength: TAG_BYTES });
      cipher.setAAD(aad);
      const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      return { keyId: currentKeyId, iv, tag: cipher.getAuthTag(), ciphertext };
    },
    decrypt(sealed, aad) {
      const entry = byId.get(sealed.keyId);
      if (!entry) throw new CredentialDecryptionError(`no credential key with id ${JSON.stringify(sealed.keyId)} is configured`);
      // GCM would accept a truncated tag (weaker authentication); insist on the full length.
      if (sealed.iv.length !== IV_BYTES || sealed.tag.length !== TAG_BYTES) {
        throw new CredentialDecryptionError('sealed credentials have a malformed IV or tag');
      }
      try {
        const decipher = createDecipheriv(ALGORITHM, entry.key, sealed.iv, { authTagLength: TAG_BYTES });
        decipher.setAAD(aad);
        decipher.setAuthTag(sealed.tag);
        return Buffer.concat([decipher.update(sealed.ciphertext), decipher.final()]).toString('utf8');
      } catch {
        throw new CredentialDecryptionError('sealed credentials failed authentication (tampered, wrong key, or bound to another record)');
      }
    },
  };
}
