import { createHash } from 'node:crypto';
import { buildSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { PlatformError } from '../../kit/src/errors.ts';
import { MAX_DOCUMENT_BYTES, MAX_DOCUMENTS_PER_MANIFEST, parseManifest } from '../src/partners/parseManifest.ts';

const schema = buildSchema(`
  type Query { hello(name: String): String, item(id: ID!): Item }
  type Item { id: ID!, name: String }
  type Mutation { rename(id: ID!, name: String!): Item }
`);
const sha = (body: string) => createHash('sha256').update(body).digest('hex');
const refused = (manifest: unknown) => {
  try {
    parseManifest(manifest, schema);
  } catch (error) {
    expect(error).toBeInstanceOf(PlatformError);
    const e = error as PlatformError;
    expect(e.extensions.code).toBe('BAD_USER_INPUT');
    return { message: e.message, problems: e.extensions.problems as { documentId: string | null; message: string }[] };
  }
  throw new Error('the manifest was accepted');
};

describe('parseManifest', () => {
  const q = 'query Hello { hello(name: "x") }';
  const m = 'mutation Rename($id: ID!) { rename(id: $id, name: "n") { id name } }';

  it("reads graphql-codegen's persisted documents", () => {
    const docs = parseManifest({ [sha(q)]: q, [`sha256:${sha(m)}`]: m }, schema);
    expect(docs).toEqual([
      { documentId: sha(q), body: q, operationName: 'Hello', operationType: 'query' },
      { documentId: `sha256:${sha(m)}`, body: m, operationName: 'Rename', operationType: 'mutation' },
    ]);
  });

  it("reads Apollo's persisted query manifest and checks name and type", () => {
    const manifest = { format: 'apollo-persisted-query-manifest', version: 1, operations: [{ id: sha(q), name: 'Hello', type: 'query', body: q }] };
    expect(parseManifest(manifest, schema)).toHaveLength(1);
    const wrongType = refused({ ...manifest, operations: [{ id: sha(q), name: 'Hello', type: 'mutation', body: q }] });
    expect(wrongType.problems).toEqual([{ documentId: sha(q), message: '`type` "mutation" does not match the operation (query)' }]);
    expect(refused({ ...manifest, version: 2 }).message).toContain('version 1');
  });

  it('refuses the whole manifest, listing every problem with its document id', () => {
    const unknownField = 'query Bad { nope }';
    const syntax = 'query {';
    const { problems, message } = refused({ [sha(q)]: q, [sha(unknownField)]: unknownField, [sha(syntax)]: syntax, deadbeef: q });
    expect(problems.map((p) => p.documentId)).toEqual([sha(unknownField), sha(syntax), 'deadbeef']);
    expect(problems[0]!.message).toBe('Cannot query field "nope" on type "Query".');
    expect(problems[1]!.message).toMatch(/^syntax error/);
    expect(problems[2]!.message).toMatch(/not the SHA-256 of the body/);
    expect(message).toContain('3 problems');
  });

  it('enforces one operation per document and the size limits', () => {
    const two = 'query A { hello } query B { hello }';
    expect(refused({ [sha(two)]: two }).problems[0]!.message).toBe('a document must hold exactly one operation, found 2');
    const big = `query Big { hello(name: "${'x'.repeat(MAX_DOCUMENT_BYTES)}") }`;
    expect(refused({ [sha(big)]: big }).problems[0]!.message).toMatch(/larger than 65536 bytes/);
    const many = Object.fromEntries(
      Array.from({ length: MAX_DOCUMENTS_PER_MANIFEST + 1 }, (_, i) => {
        const body = `query Q${i} { hello }`;
        return [sha(body), body];
      }),
    );
    expect(refused(many).message).toContain('at most 1000 documents');
    expect(refused([]).message).toContain('must be a JSON object');
    expect(refused({}).message).toContain('no documents');
  });
});
