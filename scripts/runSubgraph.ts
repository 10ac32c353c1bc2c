import { join } from 'node:path';
import { createLogger } from '../subgraphs/kit/src/log.ts';
import { runMain } from '../subgraphs/kit/src/runMain.ts';
import { subgraphCatalog } from '../subgraphs/catalog.ts';

// `npm run subgraph -- <name>`: one subgraph as its own process, exactly as subgraphs/<name>/src/main.ts runs it.
const name = process.argv[2];
const names = subgraphCatalog.map((s) => s.name);
if (!name || process.argv.length > 3 || !names.includes(name)) {
  process.stderr.write(`Usage: npm run subgraph -- <name>\n  where <name> is one of ${names.join(', ')}\n`);
  process.exit(2);
}
const root = join(import.meta.dirname, '..');
runMain(createLogger({ fields: { service: name } }), async () => {
  // Loaded after the argument check, so a typo gets the usage line rather than a stack trace.
  const { starterFor } = await import('./subgraphStarters.ts');
  return starterFor(name).boot(process.env, root);
});
