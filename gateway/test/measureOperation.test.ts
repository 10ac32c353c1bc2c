import { buildSchema, getOperationAST, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { checkOperationLimits, defaultOperationLimits, measureOperation } from '../src/limits/measureOperation.ts';

const schema = buildSchema(`
  type Query { tenant: Tenant, tenants(limit: Int): [Tenant!]!, node(id: ID!): Node, pages(first: Int = 50): [Tenant!]! }
  interface Node { id: ID! }
  type Tenant implements Node { id: ID!, name: String!, tags: [String!]!, users: [User!]!, conversations(first: Int, after: String): ConversationConnection! }
  type User implements Node { id: ID!, name: String!, tenant: Tenant! }
  type ConversationConnection { edges: [ConversationEdge!]!, totalCount: Int! }
  type ConversationEdge { node: Conversation!, cursor: String! }
  type Conversation implements Node { id: ID!, title: String!, messages(first: Int): MessageConnection! }
  type MessageConnection { edges: [MessageEdge!]! }
  type MessageEdge { node: Message! }
  type Message { id: ID!, content: String! }
`);

const measure = (query: string, variables: Record<string, unknown> = {}, listSize = 20) => {
  const document = parse(query);
  return measureOperation(schema, document, getOperationAST(document)!, variables, listSize);
};

describe('measureOperation', () => {
  it('counts depth through fragments and inline fragments, ignoring __typename and introspection', () => {
    expect(measure('{ tenant { id } }')).toMatchObject({ depth: 2 });
    expect(measure('{ tenant { users { tenant { users { id __typename } } } } }')).toMatchObject({ depth: 5 });
    expect(measure('{ tenant { ...T } } fragment T on Tenant { users { ... on User { tenant { id } } } }')).toMatchObject({ depth: 4 });
    expect(measure('{ __schema { types { fields { type { ofType { ofType { name } } } } } } }')).toEqual({ depth: 0, aliases: 0, cost: 0 });
  });

  it('counts aliases, each time their fragment is spread', () => {
    expect(measure('{ a: tenant { id } b: tenant { x: id } }').aliases).toBe(3);
    expect(measure('{ tenant { ...T } again: tenant { ...T } } fragment T on Tenant { n1: name n2: name }').aliases).toBe(5);
  });

  it("costs one per field, a selection times its field's page size (literal, variable, or the list default)", () => {
    expect(measure('{ tenant { id name } }').cost).toBe(3);
    // A list without a size argument: the default list size.
    expect(measure('{ tenant { users { id name } } }').cost).toBe(1 + (1 + 20 * 2));
    expect(measure('{ tenant { users { id name } } }', {}, 5).cost).toBe(1 + (1 + 5 * 2));
    // A list of scalars is one field.
    expect(measure('{ tenant { tags } }').cost).toBe(2);
    // `first` sizes the connection; its edges are counted once, not by the default again.
    const page = (n: number) => 1 + (1 + n * (1 + (1 + (1 + 1))));
    expect(measure('{ tenant { conversations(first: 5) { edges { node { id title } } } } }').cost).toBe(page(5));
    expect(measure('query ($n: Int) { tenant { conversations(first: $n) { edges { node { id title } } } } }', { n: 50 }).cost).toBe(page(50));
    // Nested pages multiply.
    const nested = measure('{ tenant { conversations(first: 10) { edges { node { messages(first: 10) { edges { node { content } } } } } } } }').cost;
    expect(nested).toBe(1 + (1 + 10 * (1 + (1 + (1 + 10 * (1 + (1 + 1)))))));
    expect(measure('{ tenants(limit: 3) { id } }').cost).toBe(1 + 3 * 1);
  });

  it('sums the fragments on the possible types of an abstract field (an upper bound)', () => {
    expect(measure('{ node(id: "1") { id ... on Tenant { name } ... on User { name tenant { id } } } }').cost).toBe(1 + (1 + 1 + (1 + (1 + 1))));
  });

  it('takes the size from the variable default, then the schema default, when the query gives none', () => {
    const page = (n: number) => 1 + (1 + n * (1 + (1 + (1 + 1))));
    const query = 'query ($n: Int = 40) { tenant { conversations(first: $n) { edges { node { id title } } } } }';
    expect(measure(query).cost).toBe(page(40));
    expect(measure(query, { n: 3 }).cost).toBe(page(3));
    // An explicit null falls to the next default (none in the schema here: the default list size).
    expect(measure(query, { n: null }).cost).toBe(page(20));
    expect(measure('{ tenant { conversations { edges { node { id title } } } } }').cost).toBe(page(20));
    expect(measure('{ pages { id } }').cost).toBe(1 + 50);
    expect(measure('{ pages(first: 2) { id } }').cost).toBe(1 + 2);
  });

  it('measures each fragment once however often it is spread (no exponential blow-up)', () => {
    const levels = 25;
    const fragments = Array.from({ length: levels }, (_, i) =>
      i === levels - 1 ? `fragment F${i} on Tenant { id }` : `fragment F${i} on Tenant { ...F${i + 1} ...F${i + 1} }`,
    ).join(' ');
    // 2^24 leaves: walked one by one this takes about a minute; each fragment measured once, an instant.
    expect(measure(`{ tenant { ...F0 } } ${fragments}`).cost).toBe(1 + 2 ** (levels - 1));
  });

  it('terminates on a fragment cycle (which validation reports on its own)', () => {
    expect(measure('{ tenant { ...A } } fragment A on Tenant { users { tenant { ...A } } }')).toMatchObject({ depth: 3 });
  });
});

describe('checkOperationLimits', () => {
  const limits = { ...defaultOperationLimits, maxDepth: 4, maxAliases: 2, maxCost: 100 };
  it('is null within every limit and names the first one exceeded, with its figures', () => {
    expect(checkOperationLimits({ depth: 4, aliases: 2, cost: 100 }, limits)).toBeNull();
    const deep = checkOperationLimits({ depth: 5, aliases: 0, cost: 1 }, limits)!;
    expect(deep.extensions).toMatchObject({ code: 'OPERATION_TOO_COMPLEX', limit: 'depth', max: 4, actual: 5, http: { status: 400 } });
    expect(deep.message).toMatch(/too deeply \(5\), more than the limit of 4/);
    expect(checkOperationLimits({ depth: 1, aliases: 3, cost: 1 }, limits)!.extensions).toMatchObject({ limit: 'aliases', max: 2, actual: 3 });
    expect(checkOperationLimits({ depth: 1, aliases: 0, cost: 101 }, limits)!.extensions).toMatchObject({ limit: 'cost', max: 100, actual: 101 });
  });
});
