import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTEXT_HEADER } from '../src/auth/contextToken.ts';
import { createContextFactory, createSubgraphServer } from '../src/createSubgraphServer.ts';
import type { SubgraphContext } from '../src/createSubgraphServer.ts';
import { createGraphQLHandler } from '../src/http/createGraphQLHandler.ts';
import { listen } from '../src/http/listen.ts';
import type { Listening } from '../src/http/listen.ts';
import { createLogger } from '../src/log.ts';
import { claimsFor, postGraphQL, testKeys, verifierFor } from '../src/testing/testEnvironment.ts';
import type { GraphQLResponse } from '../src/testing/testEnvironment.ts';

// What createSubgraphServer gives every subgraph, over real HTTP: NUL refused before execution,
// and unexpected errors masked for the client but logged with the request's id and tenant.
const typeDefs = /* GraphQL */ `
  input NoteInput {
    title: String!
    tags: [String!]
    meta: Meta
  }
  scalar Meta
  type Note {
    title: String!
  }
  type Query {
    echo(text: String!): String!
    explode: String
  }
  type Mutation {
    createNote(input: NoteInput!): Note!
  }
`;

describe('createSubgraphServer over HTTP', () => {
  const lines: Array<Record<string, unknown>> = [];
  const log = createLogger({ level: 'debug', write: (line) => lines.push(JSON.parse(line) as Record<string, unknown>) });
  const executed: string[] = [];
  let http: Listening;
  let signer: Awaited<ReturnType<typeof testKeys>>['signer'];
  const claims = claimsFor(randomUUID());

  const post = async (query: string, variables: Record<string, unknown> = {}, requestId: string = randomUUID()) => {
    const response = await fetch(http.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [CONTEXT_HEADER]: await signer.sign(claims, 'notes', requestId) },
      body: JSON.stringify({ query, variables }),
    });
    return { status: response.status, body: (await response.json()) as GraphQLResponse['body'] };
  };

  beforeAll(async () => {
    const keys = await testKeys();
    signer = keys.signer;
    const server = createSubgraphServer<SubgraphContext>({
      name: 'notes',
      typeDefs,
      resolvers: {
        Query: {
          echo: (_: unknown, { text }: { text: string }) => text,
          // Not an Error: a plain object, as some libraries throw.
          explode: () => {
            throw { reason: 'pool exhausted', secret: 'hunter2', attempts: 3 };
          },
        },
        Mutation: {
          createNote: (_: unknown, { input }: { input: { title: string } }) => {
            executed.push(input.title);
            return { title: input.title };
          },
        },
      },
      log,
    });
    await server.start();
    const context = createContextFactory<SubgraphContext>({ verifier: await verifierFor(keys.keys, 'notes'), log, build: (base) => base });
    http = await listen(createGraphQLHandler({ server, context, log }), 0, '127.0.0.1');
  });
  afterAll(async () => {
    await http?.close();
  });

  it('refuses a NUL in any variable, naming its path, before anything executes', async () => {
    const create = 'mutation($input: NoteInput!) { createNote(input: $input) { title } }';
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ input: { title: 'a\u0000b' } }, 'input.title'],
      [{ input: { title: 'ok', tags: ['fine', 'x\u0000'] } }, 'input.tags[1]'],
      [{ input: { title: 'ok', meta: { deep: [{ note: '\u0000' }] } } }, 'input.meta.deep[0].note'],
      [{ input: { title: 'ok', meta: { 'k\u0000': 'v' } } }, 'input.meta["k\\u0000"]'],
    ];
    for (const [variables, path] of cases) {
      const res = await post(create, variables);
      expect(res.status, path).toBe(200);
      expect(res.body.data ?? null).toBeNull();
      expect(res.body.errors, path).toEqual([
        {
          message: `Variable \`$${path}\` contains a NUL character (U+0000), which text cannot hold`,
          extensions: { code: 'BAD_USER_INPUT', variable: path },
        },
      ]);
    }
    expect(executed).toEqual([]);
  });

  it('refuses a NUL in a string literal (inline or block), naming the argument and field', async () => {
    const literal = await post('mutation { createNote(input: { title: "a\\u0000b" }) { title } }');
    expect(literal.body.errors).toEqual([
      {
        message: 'Argument `input.title` of `createNote` contains a NUL character (U+0000), which text cannot hold',
        extensions: { code: 'BAD_USER_INPUT', argument: 'input.title', field: 'createNote' },
      },
    ]);
    const fallback = await post('query($t: String = "\\u0000") { echo(text: $t) }');
    expect(fallback.body.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', argument: '$t', field: null } });
    expect(executed).toEqual([]);
  });

  it('keeps other control characters, and keeps serving after a refusal', async () => {
    const text = 'line one\nline two\ttabbed\r\n\u0007bell';
    const res = await post('query($t: String!) { echo(text: $t) }', { t: text });
    expect(res.body).toEqual({ data: { echo: text } });
    const created = await post('mutation($input: NoteInput!) { createNote(input: $input) { title } }', { input: { title: 'fine' } });
    expect(created.body).toEqual({ data: { createNote: { title: 'fine' } } });
  });

  it("logs a masked error once, with the request's logger (request id, tenant), and what was thrown", async () => {
    const requestId = `req-${randomUUID()}`;
    const before = lines.length;
    const res = await post('{ explode }', {}, requestId);
    expect(res.body.errors).toEqual([{ message: 'Internal server error', path: ['explode'], locations: expect.any(Array), extensions: { code: 'INTERNAL_SERVER_ERROR' } }]);
    expect(JSON.stringify(res.body)).not.toContain('hunter2');
    const logged = lines.slice(before).filter((line) => line.level === 'error');
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ msg: 'unexpected error', requestId, tenantId: claims.tenantId, path: 'explode' });
    // graphql-js wraps a thrown non-Error in an Error that quotes it: the log still says what it was.
    expect((logged[0]!.error as { message: string }).message).toMatch(/reason: "pool exhausted".*attempts: 3/);
  });

  it('logs neither client mistakes nor refused callers as errors', async () => {
    const before = lines.length;
    await post('{ echo }');
    await post('mutation { createNote(input: { title: "\\u0000" }) { title } }');
    const unsigned = await postGraphQL(http.url, '{ echo(text: "x") }');
    expect(unsigned.status).toBe(401);
    expect(lines.slice(before).filter((line) => line.level === 'error')).toEqual([]);
  });
});
