import { describe, expect, it } from 'vitest';
import { LIMITS, baseUrlFor, cost, fallbackChain, intInRange, requireId, requireText } from '../src/services/modelsInput.ts';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const code = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return (error as { code?: string }).code;
  }
  return 'no error';
};

describe('models input rules', () => {
  it('trims names and bounds their length', () => {
    expect(requireText('name', '  OpenAI  ', 100)).toBe('OpenAI');
    expect(requireText('name', 'x'.repeat(100), 100)).toHaveLength(100);
    expect(code(() => requireText('name', '   ', 100))).toBe('BAD_USER_INPUT');
    expect(code(() => requireText('name', 'x'.repeat(101), 100))).toBe('BAD_USER_INPUT');
  });

  it('accepts http and https base URLs or nothing, and refuses the rest', () => {
    expect(baseUrlFor('OPENAI', null)).toBeNull();
    expect(baseUrlFor('OPENAI', undefined)).toBeNull();
    expect(baseUrlFor('OPENAI', '  ')).toBeNull();
    expect(baseUrlFor('OLLAMA', 'http://localhost:11434/v1')).toBe('http://localhost:11434/v1');
    expect(baseUrlFor('AZURE_OPENAI', 'HTTPS://Example.openai.azure.com/openai')).toBe('https://example.openai.azure.com/openai');
    for (const bad of ['ftp://example.com', 'javascript:alert(1)', 'file:///etc/passwd', 'example.com', 'https://user:secret@example.com/']) {
      expect(code(() => baseUrlFor('OPENAI', bad)), bad).toBe('BAD_USER_INPUT');
    }
    expect(code(() => baseUrlFor('OPENAI', `https://example.com/${'a'.repeat(LIMITS.baseUrl)}`))).toBe('BAD_USER_INPUT');
    expect(code(() => baseUrlFor('BUILTIN', 'https://example.com'))).toBe('BAD_USER_INPUT');
    expect(baseUrlFor('BUILTIN', null)).toBeNull();
  });

  it('bounds context windows and first-token timeouts, with defaults for null', () => {
    expect(intInRange('contextWindow', null, LIMITS.contextWindow)).toBe(128_000);
    expect(intInRange('contextWindow', 1, LIMITS.contextWindow)).toBe(1);
    expect(intInRange('contextWindow', 10_000_000, LIMITS.contextWindow)).toBe(10_000_000);
    expect(code(() => intInRange('contextWindow', 0, LIMITS.contextWindow))).toBe('BAD_USER_INPUT');
    expect(code(() => intInRange('contextWindow', 10_000_001, LIMITS.contextWindow))).toBe('BAD_USER_INPUT');
    expect(intInRange('firstTokenTimeoutMs', undefined, LIMITS.firstTokenTimeoutMs)).toBe(15_000);
    expect(code(() => intInRange('firstTokenTimeoutMs', 99, LIMITS.firstTokenTimeoutMs))).toBe('BAD_USER_INPUT');
    expect(code(() => intInRange('firstTokenTimeoutMs', 120_001, LIMITS.firstTokenTimeoutMs))).toBe('BAD_USER_INPUT');
    expect(code(() => intInRange('firstTokenTimeoutMs', 150.5, LIMITS.firstTokenTimeoutMs))).toBe('BAD_USER_INPUT');
  });

  it('takes costs that are finite and not negative', () => {
    expect(cost('inputCostPerMillion', null)).toBe(0);
    expect(cost('inputCostPerMillion', 2.5)).toBe(2.5);
    for (const bad of [-0.01, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(code(() => cost('inputCostPerMillion', bad)), String(bad)).toBe('BAD_USER_INPUT');
    }
  });

  it('refuses ids the store could not look up, naming them', () => {
    expect(requireId('providerId', id(1).toUpperCase())).toBe(id(1));
    try {
      requireId('providerId', 'not-a-uuid');
      expect.unreachable();
    } catch (error) {
      expect(error).toMatchObject({ code: 'BAD_USER_INPUT', extensions: { field: 'providerId', id: 'not-a-uuid' } });
    }
  });

  it('keeps fallback chains short, distinct and without the default', () => {
    expect(fallbackChain(id(0), null)).toEqual([]);
    expect(fallbackChain(id(0), [id(2), id(1)])).toEqual([id(2), id(1)]);
    expect(code(() => fallbackChain(id(0), [1, 2, 3, 4, 5, 6].map(id)))).toBe('BAD_USER_INPUT');
    expect(() => fallbackChain(id(0), [id(1), id(0)])).toThrow(id(0));
    expect(() => fallbackChain(id(0), [id(1), id(2), id(1)])).toThrow(/twice/);
    expect(code(() => fallbackChain(id(0), ['nope']))).toBe('BAD_USER_INPUT');
  });
});
