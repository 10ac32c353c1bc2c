import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createCredentialCipher, CredentialDecryptionError } from '../src/crypto/createCredentialCipher.ts';
import type { SealedSecret } from '../src/crypto/createCredentialCipher.ts';
import { credentialAad } from '../src/crypto/credentialAad.ts';

const tenantA = '3f0c2a9e-6b1d-4c55-9a57-0b6a0f6d1a01';
const tenantB = '7d2e4c11-8a3f-4b6e-b1c2-5e9f0a7d3b02';
const integrationId = 'c1a2b3c4-d5e6-4f70-8192-a3b4c5d6e7f8';
const secret = JSON.stringify({ apiKey: 'sk_live_0123456789abcdef', user: 'svc' });
const aad = credentialAad(tenantA, integrationId);
const key = (id: string) => ({ id, key: randomBytes(32) });

function flipBit(bytes: Uint8Array, index = 0): Buffer {
  const copy = Buffer.from(bytes);
  copy[index] = copy[index]! ^ 0x01;
  return copy;
}

describe('createCredentialCipher (AES-256-GCM)', () => {
  const current = key('k2');
  const cipher = createCredentialCipher({ current });

  it('round-trips, with a fresh 12-byte IV and a 16-byte tag every time', () => {
    const first = cipher.encrypt(secret, aad);
    const second = cipher.encrypt(secret, aad);
    expect(cipher.decrypt(first, aad)).toBe(secret);
    expect(first.keyId).toBe('k2');
    expect(first.iv).toHaveLength(12);
    expect(first.tag).toHaveLength(16);
    expect(Buffer.from(first.iv).equals(Buffer.from(second.iv))).toBe(false);
    expect(Buffer.from(first.ciphertext).equals(Buffer.from(second.ciphertext))).toBe(false);
    expect(Buffer.from(first.ciphertext).toString('latin1')).not.toContain('sk_live');
  });

  it('detects tampering with the ciphertext, the tag or the IV', () => {
    const sealed = cipher.encrypt(secret, aad);
    const tampered: SealedSecret[] = [
      { ...sealed, ciphertext: flipBit(sealed.ciphertext, 3) },
      { ...sealed, tag: flipBit(sealed.tag, 15) },
      { ...sealed, iv: flipBit(sealed.iv, 11) },
    ];
    for (const value of tampered) expect(() => cipher.decrypt(value, aad)).toThrow(CredentialDecryptionError);
  });

  it('refuses a truncated tag instead of accepting weaker authentication', () => {
    const sealed = cipher.encrypt(secret, aad);
    expect(() => cipher.decrypt({ ...sealed, tag: sealed.tag.subarray(0, 12) }, aad)).toThrow(/malformed IV or tag/);
  });

  it('fails with the wrong associated data (another tenant, another integration)', () => {
    const sealed = cipher.encrypt(secret, aad);
    expect(() => cipher.decrypt(sealed, credentialAad(tenantB, integrationId))).toThrow(CredentialDecryptionError);
    expect(() => cipher.decrypt(sealed, credentialAad(tenantA, 'c1a2b3c4-d5e6-4f70-8192-a3b4c5d6e7f9'))).toThrow(CredentialDecryptionError);
  });

  it('fails with the wrong key, and names an unknown key id', () => {
    const sealed = cipher.encrypt(secret, aad);
    const impostor = createCredentialCipher({ current: { id: 'k2', key: randomBytes(32) } });
    expect(() => impostor.decrypt(sealed, aad)).toThrow(/failed authentication/);
    const stranger = createCredentialCipher({ current: key('other') });
    expect(() => stranger.decrypt(sealed, aad)).toThrow(/no credential key with id "k2"/);
  });

  it('rotates: new values use the current key, older ones open with a previous key', () => {
    const old = key('k1');
    const before = createCredentialCipher({ current: old });
    const sealedBefore = before.encrypt(secret, aad);
    const after = createCredentialCipher({ current: key('k3'), previous: [old] });
    expect(after.decrypt(sealedBefore, aad)).toBe(secret);
    const sealedAfter = after.encrypt(secret, aad);
    expect(sealedAfter.keyId).toBe('k3');
    // A process that has not learned the new key cannot read the new values.
    expect(() => before.decrypt(sealedAfter, aad)).toThrow(CredentialDecryptionError);
  });

  it('refuses keys of the wrong size, bad ids and one id naming two keys', () => {
    expect(() => createCredentialCipher({ current: { id: 'short', key: randomBytes(16) } })).toThrow(/32 bytes/);
    expect(() => createCredentialCipher({ current: { id: 'bad id!', key: randomBytes(32) } })).toThrow(/key id/);
    expect(() => createCredentialCipher({ current: key('same'), previous: [key('same')] })).toThrow(/two different keys/);
    const shared = key('same');
    expect(() => createCredentialCipher({ current: shared, previous: [shared] })).not.toThrow();
  });
});
