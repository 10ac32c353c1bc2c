import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Supergraph } from '@apollo/federation-internals';
import type { GraphQLSchema } from 'graphql';

const SUPERGRAPH_PATH = join(import.meta.dirname, '..', '..', '..', '..', 'schema', 'supergraph.graphql');

let cached: { digest: string; schema: GraphQLSchema } | null = null;

/**
 * The public API schema of the current supergraph (without @inaccessible elements), which
 * partners' documents are validated against. Rebuilt only when the supergraph file changes.
 */
export function loadApiSchema(path = SUPERGRAPH_PATH): GraphQLSchema {
  const sdl = readFileSync(path, 'utf8');
  const digest = createHash('sha256').update(sdl).digest('hex');
  if (cached?.digest !== digest) {
    cached = { digest, schema: Supergraph.build(sdl).apiSchema().toGraphQLJSSchema() };
  }
  return cached.schema;
}
