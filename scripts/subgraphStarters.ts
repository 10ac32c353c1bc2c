import { bootSubgraph, serveSubgraph } from '../subgraphs/kit/src/bootSubgraph.ts';
import type { RunningSubgraph, SharedDeps, StartSubgraph } from '../subgraphs/kit/src/bootSubgraph.ts';
import type { Env, EnvReader } from '../subgraphs/kit/src/config.ts';
import type { SubgraphContext } from '../subgraphs/kit/src/createSubgraphServer.ts';
import type { Shutdown } from '../subgraphs/kit/src/runMain.ts';
import type { SubgraphConfig } from '../subgraphs/kit/src/subgraphConfig.ts';
import { subgraphCatalog } from '../subgraphs/catalog.ts';
import { startAnalytics } from '../subgraphs/analytics/src/start.ts';
import { startConversations } from '../subgraphs/conversations/src/start.ts';
import { startIntegrations } from '../subgraphs/integrations/src/start.ts';
import { startModels } from '../subgraphs/models/src/start.ts';
import { startSimulations } from '../subgraphs/simulations/src/start.ts';
import { startTenants } from '../subgraphs/tenants/src/start.ts';

/** One subgraph, either served inside a bigger process (`npm start`) or booted as its own. */
export interface SubgraphStarter {
  serve(config: SubgraphConfig, env: EnvReader, deps: SharedDeps): Promise<RunningSubgraph>;
  boot(processEnv: Env, root: string): Promise<Shutdown>;
}

function starter<TContext extends SubgraphContext>(name: string, start: StartSubgraph<TContext>): SubgraphStarter {
  return {
    serve: (config, env, deps) => serveSubgraph(config, env, deps, start),
    boot: (processEnv, root) => bootSubgraph(name, processEnv, root, start),
  };
}

/** Every subgraph of subgraphs/catalog.ts by name (a test checks that the two lists agree). */
export const subgraphStarters: Readonly<Record<string, SubgraphStarter>> = Object.freeze({
  tenants: starter('tenants', startTenants),
  conversations: starter('conversations', startConversations),
  models: starter('models', startModels),
  integrations: starter('integrations', startIntegrations),
  analytics: starter('analytics', startAnalytics),
  simulations: starter('simulations', startSimulations),
});

export function starterFor(name: string): SubgraphStarter {
  const found = subgraphStarters[name];
  if (!found) throw new Error(`unknown subgraph ${JSON.stringify(name)}: one of ${subgraphCatalog.map((s) => s.name).join(', ')}`);
  return found;
}
