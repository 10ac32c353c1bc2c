import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { subgraphCatalog, defaultSubgraphUrl } from '../subgraphs/catalog.ts';

export class CompositionError extends Error {}

/** Composes the SDL files under schema/ into the supergraph SDL, or throws the composer's messages. */
export async function composeSupergraph(root: string): Promise<string> {
  const services = await Promise.all(
    subgraphCatalog.map(async (entry) => ({
      name: entry.name,
      url: defaultSubgraphUrl(entry),
      typeDefs: parse(await readFile(join(root, 'schema', `${entry.name}.graphql`), 'utf8')),
    })),
  );
  const result = composeServices(services);
  if (result.errors) {
    throw new CompositionError(
      `Composition failed:\n${result.errors.map((e) => `  - ${e.message}`).join('\n')}`,
    );
  }
  return result.supergraphSdl;
}
