import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A subgraph's SDL, from schema/<name>.graphql: the one file composition and the server share. */
export function subgraphTypeDefs(name: string): string {
  return readFileSync(join(import.meta.dirname, '..', '..', '..', 'schema', `${name}.graphql`), 'utf8');
}
