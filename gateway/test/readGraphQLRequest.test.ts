import { describe, expect, it } from 'vitest';
import { HeaderMap } from '@apollo/server';
import { normalizeDocumentId } from '../src/persisted/documentIds.ts';
import { isIntrospectionOnly } from '../src/persisted/loadSafelist.ts';
import { readGraphQLRequest, withQuery } from '../src/persisted/readGraphQLRequest.ts';

const hash = 'a'.repeat(64);
const post = (body: unknown) => ({ method: 'POST', headers: new HeaderMap(), search: '', body });

describe('reading persisted-document requests before Apollo', () => {
  it('takes documentId first, else the APQ hash, from POST bodies and GET parameters', () => {
    expect(readGraphQLRequest(post({ documentId: `sha256:${hash}`, extensions: { persistedQuery: { sha256Hash: 'b' } } }))?.documentId).toBe(`sha256:${hash}`);
    expect(readGraphQLRequest(post({ extensions: { persistedQuery: { version: 1, sha256Hash: hash } } }))?.documentId).toBe(hash);
    const get = { method: 'GET', headers: new HeaderMap(), search: `?extensions=${encodeURIComponent(JSON.stringify({ persistedQuery: { sha256Hash: hash } }))}&variables=%7B%22a%22%3A1%7D`, body: undefined };
    expect(readGraphQLRequest(get)).toEqual({ query: undefined, documentId: hash, operationName: undefined, variables: { a: 1 } });
    expect(readGraphQLRequest(post('not json'))).toBeNull();
  });

  it('rewrites to the stored text without extensions (so APQ registers nothing)', () => {
    const request = post({ documentId: hash, variables: { a: 1 }, extensions: { persistedQuery: { sha256Hash: hash } } });
    const fields = readGraphQLRequest(request)!;
    expect(withQuery(request, fields, '{ x }').body).toEqual({ query: '{ x }', variables: { a: 1 } });
  });

  it('normalizes ids and recognizes introspection-only documents', () => {
    expect(normalizeDocumentId(`SHA256:${hash.toUpperCase()}`)).toBe(hash);
    expect(isIntrospectionOnly('{ __schema { types { name } } __typename }')).toBe(true);
    expect(isIntrospectionOnly('{ __typename }')).toBe(false);
    expect(isIntrospectionOnly('{ __schema { types { name } } tenant { id } }')).toBe(false);
    expect(isIntrospectionOnly('mutation { __typename }')).toBe(false);
  });
});
