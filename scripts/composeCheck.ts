import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { composeSupergraph } from './composeSupergraph.ts';

// `npm run compose:check`: fails when schema/supergraph.graphql is not what the SDL files compose to.
const root = join(import.meta.dirname, '..');
try {
  const expected = await composeSupergraph(root);
  const committed = await readFile(join(root, 'schema', 'supergraph.graphql'), 'utf8').catch(() => '');
  if (committed !== expected) {
    console.error('schema/supergraph.graphql is stale: run `npm run compose` and commit the result');
    process.exitCode = 1;
  } else {
    console.log('schema/supergraph.graphql is up to date');
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
