import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ConfigError, readEnv } from '../../kit/src/config.ts';
import { keyIdOf, readEncryptionKeys } from '../src/crypto/readEncryptionKeys.ts';

const b64 = (bytes = randomBytes(32)) => bytes.toString('base64');

function problemsOf(env: Record<string, string>): string[] {
  const reader = readEnv(env);
  readEncryptionKeys(reader);
  try {
    reader.done();
    return [];
  } catch (error) {
    return (error as ConfigError).problems;
  }
}

describe('readEncryptionKeys', () => {
  it('reads the current key with its id and the previous keys', () => {
    const current = randomBytes(32);
    const old = randomBytes(32);
    const result = readEncryptionKeys(
      readEnv({
        INTEGRATIONS_ENCRYPTION_KEY: b64(current),
        INTEGRATIONS_ENCRYPTION_KEY_ID: '2026-02',
        INTEGRATIONS_PREVIOUS_KEYS: `2025-11:${b64(old)}, 2025-05:${randomBytes(32).toString('base64url')}`,
      }),
    );
    expect(result.problems).toBe(0);
    expect(result.current).toEqual({ id: '2026-02', key: current });
    expect(result.previous.map((k) => k.id)).toEqual(['2025-11', '2025-05']);
    expect(result.previous[0]!.key.equals(old)).toBe(true);
  });

  it('derives a stable id from the key when none is named, different for another key', () => {
    const key = randomBytes(32);
    const result = readEncryptionKeys(readEnv({ INTEGRATIONS_ENCRYPTION_KEY: b64(key) }));
    expect(result.current!.id).toBe(keyIdOf(key));
    expect(keyIdOf(key)).toMatch(/^fp-[0-9a-f]{12}$/);
    expect(keyIdOf(randomBytes(32))).not.toBe(keyIdOf(key));
  });

  it('leaves the key unset when the variable is unset (the caller decides what that means)', () => {
    expect(readEncryptionKeys(readEnv({}))).toEqual({ current: undefined, previous: [], problems: 0 });
  });

  it('reports every problem at once and never echoes key material', () => {
    const wrongSize = randomBytes(16).toString('base64');
    const problems = problemsOf({
      INTEGRATIONS_ENCRYPTION_KEY: wrongSize,
      INTEGRATIONS_ENCRYPTION_KEY_ID: 'bad id',
      INTEGRATIONS_PREVIOUS_KEYS: `nokey,old:***,dup:${b64()},dup:${b64()}`,
    });
    expect(problems).toEqual([
      'INTEGRATIONS_ENCRYPTION_KEY_ID must be 1 to 64 letters, digits, dots, dashes or underscores',
      'INTEGRATIONS_ENCRYPTION_KEY must decode to 32 bytes, got 16 (expected base64 of 32 random bytes)',
      'INTEGRATIONS_PREVIOUS_KEYS entry 1 must be "id:base64" with an id of 1 to 64 letters, digits, dots, dashes or underscores',
      'INTEGRATIONS_PREVIOUS_KEYS entry 2 (old) is not base64 (expected base64 of 32 bytes)',
      'INTEGRATIONS_PREVIOUS_KEYS entry 4 reuses the key id "dup"',
    ]);
    expect(problems.join('\n')).not.toContain(wrongSize);
  });

  it('refuses a key id without a key, and a previous key reusing the current id', () => {
    expect(problemsOf({ INTEGRATIONS_ENCRYPTION_KEY_ID: 'k1' })).toEqual(['INTEGRATIONS_ENCRYPTION_KEY_ID is set but INTEGRATIONS_ENCRYPTION_KEY is not']);
    expect(
      problemsOf({ INTEGRATIONS_ENCRYPTION_KEY: b64(), INTEGRATIONS_ENCRYPTION_KEY_ID: 'k1', INTEGRATIONS_PREVIOUS_KEYS: `k1:${b64()}` }),
    ).toEqual(['INTEGRATIONS_PREVIOUS_KEYS entry 1 reuses the key id "k1"']);
  });
});
