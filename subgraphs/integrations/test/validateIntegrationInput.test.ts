import { describe, expect, it } from 'vitest';
import {
  isUuid,
  validateCredentials,
  validateEndpoint,
  validateIntegrationName,
} from '../src/services/validateIntegrationInput.ts';

function badInput(fn: () => unknown): { message: string; extensions: Record<string, unknown> } {
  try {
    fn();
  } catch (error) {
    const e = error as { message: string; extensions: Record<string, unknown> };
    expect(e.extensions.code).toBe('BAD_USER_INPUT');
    return e;
  }
  throw new Error('expected BAD_USER_INPUT, nothing was thrown');
}

describe('validateCredentials', () => {
  it('accepts an object of strings, sorts the field names and serialises it', () => {
    const valid = validateCredentials({ token: 't0k', apiKey: 'k', Region_2: '' });
    expect(valid.fields).toEqual(['Region_2', 'apiKey', 'token']);
    expect(JSON.parse(valid.plaintext)).toEqual({ token: 't0k', apiKey: 'k', Region_2: '' });
    expect(validateCredentials({}).fields).toEqual([]);
  });

  it('refuses what is not a plain object', () => {
    for (const value of [null, 'secret', 42, ['a'], new Map()]) {
      expect(badInput(() => validateCredentials(value)).message).toMatch(/`credentials` must be a (plain )?JSON object/);
    }
  });

  it('refuses values that are not strings, naming the field but never echoing a value', () => {
    const e = badInput(() => validateCredentials({ apiKey: 'secret-value', port: 5432 }));
    expect(e.message).toBe('credential field "port" must be a string, got a number');
    expect(e.extensions.credentialField).toBe('port');
    expect(badInput(() => validateCredentials({ nested: { a: 'b' } })).message).toMatch(/"nested" must be a string, got an object/);
    expect(badInput(() => validateCredentials({ list: ['x'] })).message).toMatch(/got an array/);
    expect(badInput(() => validateCredentials({ nothing: null })).message).toMatch(/got null/);
  });

  it('refuses field names outside /^[A-Za-z][A-Za-z0-9_]{0,63}$/', () => {
    for (const name of ['1st', '_private', 'with-dash', 'has space', '', 'a'.repeat(65), '__proto__', 'ключ']) {
      expect(badInput(() => validateCredentials(JSON.parse(JSON.stringify({ [name]: 'x' })))).message).toMatch(/credential field name/);
    }
    expect(validateCredentials({ ['a'.repeat(64)]: 'x' }).fields).toHaveLength(1);
  });

  it('allows 32 fields and refuses 33', () => {
    const fields = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`f${i}`, 'v']));
    expect(validateCredentials(fields(32)).fields).toHaveLength(32);
    expect(badInput(() => validateCredentials(fields(33))).message).toBe('`credentials` may have at most 32 fields, got 33');
  });

  it('allows 8 KiB serialised and refuses one byte more (counting UTF-8 bytes)', () => {
    const overhead = JSON.stringify({ k: '' }).length;
    expect(validateCredentials({ k: 'x'.repeat(8192 - overhead) }).plaintext).toHaveLength(8192);
    expect(badInput(() => validateCredentials({ k: 'x'.repeat(8193 - overhead) })).message).toMatch(/at most 8192 bytes.*got 8193/);
    // 2-byte characters: half as many fit.
    expect(badInput(() => validateCredentials({ k: 'é'.repeat(4096) })).message).toMatch(/8 KiB/);
  });
});

describe('validateIntegrationName', () => {
  it('trims and accepts 1 to 100 characters', () => {
    expect(validateIntegrationName('  Billing API ')).toBe('Billing API');
    expect(validateIntegrationName('é'.repeat(100))).toHaveLength(100);
  });
  it('refuses empty, too long or control characters', () => {
    expect(badInput(() => validateIntegrationName('   ')).message).toMatch(/1 to 100 characters, got 0/);
    expect(badInput(() => validateIntegrationName('x'.repeat(101))).message).toMatch(/got 101/);
    expect(badInput(() => validateIntegrationName('a\u0000b')).message).toMatch(/control characters/);
  });
});

describe('validateEndpoint', () => {
  it('accepts http and https URLs, and null', () => {
    expect(validateEndpoint('https://api.example.com/v1')).toBe('https://api.example.com/v1');
    expect(validateEndpoint(' http://localhost:8080/hook ')).toBe('http://localhost:8080/hook');
    expect(validateEndpoint(null)).toBeNull();
    expect(validateEndpoint(undefined)).toBeNull();
  });
  it('refuses other schemes, non-URLs, empty strings and embedded credentials', () => {
    expect(badInput(() => validateEndpoint('ftp://files.example.com')).message).toMatch(/http or https, got ftp/);
    expect(badInput(() => validateEndpoint('javascript:alert(1)')).message).toMatch(/got javascript/);
    expect(badInput(() => validateEndpoint('not a url')).message).toMatch(/not a valid URL/);
    expect(badInput(() => validateEndpoint('')).message).toMatch(/empty string/);
    expect(badInput(() => validateEndpoint('https://user:pass@example.com')).message).toMatch(/user name or password/);
    expect(badInput(() => validateEndpoint(`https://example.com/${'a'.repeat(2100)}`)).message).toMatch(/at most 2048/);
  });
});

describe('isUuid', () => {
  it('tells UUIDs from other strings', () => {
    expect(isUuid('3f0c2a9e-6b1d-4c55-9a57-0b6a0f6d1a01')).toBe(true);
    expect(isUuid('1')).toBe(false);
    expect(isUuid("x' or 1=1 --")).toBe(false);
  });
});
