import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { composeSupergraph } from './composeSupergraph.ts';

// `npm run compose`: writes schema/supergraph.graphql; fails with the composer's message.
const root = join(import.meta.dirname, '..');
try {
  const sdl = await composeSupergraph(root);
  await writeFile(join(root, 'schema', 'supergraph.graphql'), sdl);
  console.log('composed schema/supergraph.graphql');
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
