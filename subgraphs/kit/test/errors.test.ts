import { describe, expect, it } from 'vitest';
import { GraphQLError } from 'graphql';
import { createErrorMasker, badInput, describeError, isClientSafe, MAX_DESCRIBED_CHARS, PlatformError } from '../src/errors.ts';
import { createLogger } from '../src/log.ts';

describe('createErrorMasker', () => {
  const lines: string[] = [];
  const mask = createErrorMasker(createLogger({ write: (l) => lines.push(l) }));

  it('passes catalog errors with their code and details, without stack traces or service names', () => {
    const error = badInput('`first` is too large', { argument: 'first' });
    const out = mask({ message: error.message, extensions: { ...error.extensions, stacktrace: ['at x'], serviceName: 'models' } }, error);
    expect(out).toEqual({ message: '`first` is too large', extensions: { code: 'BAD_USER_INPUT', argument: 'first' }, locations: undefined, path: undefined });
  });

  it('hides unknown errors behind INTERNAL_SERVER_ERROR and logs the original', () => {
    const cause = new Error('password=hunter2 connection refused');
    const out = mask({ message: cause.message, path: ['tenant'], extensions: { code: 'INTERNAL_SERVER_ERROR' } }, new GraphQLError(cause.message, { originalError: cause }));
    expect(out).toEqual({ message: 'Internal server error', path: ['tenant'], locations: undefined, extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    expect(lines.at(-1)).toContain('hunter2');
  });

  it('hides a forwarded subgraph response body even when its code looks public', () => {
    const out = mask({ message: '400: Bad Request', extensions: { code: 'BAD_REQUEST', response: { body: 'secret internals' } } }, new Error('x'));
    expect(out.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    expect(JSON.stringify(out)).not.toContain('secret');
  });

  it('gives PlatformError an HTTP status only when asked', () => {
    expect(new PlatformError('UNAUTHENTICATED', 'x', { httpStatus: true }).extensions.http).toEqual({ status: 401 });
    expect(new PlatformError('UNAUTHENTICATED', 'x').extensions.http).toBeUndefined();
  });
});

describe('describeError', () => {
  it('describes a thrown plain object as its JSON, not as [object Object]', () => {
    expect(describeError({ code: 'ECONNRESET', attempts: 2 })).toEqual({ value: '{"code":"ECONNRESET","attempts":2}' });
    expect(describeError('plain text')).toEqual({ value: 'plain text' });
    expect(describeError(undefined)).toEqual({ value: 'undefined' });
  });

  it('bounds what it describes, and survives values JSON cannot hold', () => {
    const { value } = describeError({ blob: 'x'.repeat(10_000) }) as { value: string };
    expect(value.length).toBeLessThan(MAX_DESCRIBED_CHARS + 40);
    expect(value).toMatch(/… \(10011 characters\)$/);
    const cyclic: Record<string, unknown> = { name: 'loop' };
    cyclic.self = cyclic;
    expect(describeError(cyclic)).toEqual({ value: '[object Object]' });
    expect(describeError(Object.create(null))).toEqual({ value: '{}' });
  });

  it('describes the original error behind a GraphQLError', () => {
    const cause = new TypeError('boom');
    expect(describeError(new GraphQLError('wrapped', { originalError: cause }))).toMatchObject({ name: 'TypeError', message: 'boom' });
  });
});

describe('isClientSafe', () => {
  it('lets catalog codes through, but not INTERNAL_SERVER_ERROR, unknown codes or forwarded bodies', () => {
    expect(isClientSafe({ code: 'NOT_FOUND' })).toBe(true);
    expect(isClientSafe({ code: 'GRAPHQL_VALIDATION_FAILED' })).toBe(true);
    expect(isClientSafe({ code: 'INTERNAL_SERVER_ERROR' })).toBe(false);
    expect(isClientSafe({ code: 'ECONNREFUSED' })).toBe(false);
    expect(isClientSafe({ code: 'BAD_REQUEST', response: { body: 'x' } })).toBe(false);
    expect(isClientSafe(undefined)).toBe(false);
  });
});
