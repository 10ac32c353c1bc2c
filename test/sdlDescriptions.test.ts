import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Kind, parse } from 'graphql';
import type { DefinitionNode, StringValueNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { subgraphCatalog } from '../subgraphs/catalog.ts';

/**
 * Every subgraph SDL documents itself: each type (root types included), field, argument, enum
 * value, input field and directive definition carries a non-empty description, because the
 * descriptions are the API reference clients read through introspection.
 */
const root = join(import.meta.dirname, '..');

function undocumented(definitions: readonly DefinitionNode[]): string[] {
  const missing: string[] = [];
  const check = (coordinate: string, description: StringValueNode | undefined) => {
    if (!description?.value.trim()) missing.push(coordinate);
  };
  for (const def of definitions) {
    // `extend schema @link(...)` has nothing to describe; extensions of types are reported below.
    if (def.kind === Kind.SCHEMA_DEFINITION || def.kind === Kind.SCHEMA_EXTENSION) continue;
    if (!('name' in def) || !def.name) continue;
    const name = def.kind === Kind.DIRECTIVE_DEFINITION ? `@${def.name.value}` : def.name.value;
    // Type extensions cannot carry a description: write the type as a definition instead.
    check(name, 'description' in def ? def.description : undefined);
    if (def.kind === Kind.DIRECTIVE_DEFINITION) {
      for (const arg of def.arguments ?? []) check(`${name}(${arg.name.value}:)`, arg.description);
    }
    if ('fields' in def) {
      for (const field of def.fields ?? []) {
        check(`${name}.${field.name.value}`, field.description);
        if ('arguments' in field) {
          for (const arg of field.arguments ?? []) check(`${name}.${field.name.value}(${arg.name.value}:)`, arg.description);
        }
      }
    }
    if ('values' in def) for (const value of def.values ?? []) check(`${name}.${value.name.value}`, value.description);
  }
  return missing;
}

describe('subgraph SDL descriptions', () => {
  it('reports what it cannot find', () => {
    const document = parse('type Query { "Documented." a(x: Int): Int } enum E { "Documented." A B } extend type T { b: Int }');
    expect(undocumented(document.definitions)).toEqual(['Query', 'Query.a(x:)', 'E', 'E.B', 'T', 'T.b']);
  });

  it.each(subgraphCatalog.map((entry) => entry.name))('schema/%s.graphql documents every element', (name) => {
    const document = parse(readFileSync(join(root, 'schema', `${name}.graphql`), 'utf8'));
    expect(undocumented(document.definitions)).toEqual([]);
  });
});
