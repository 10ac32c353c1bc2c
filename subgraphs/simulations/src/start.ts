import type { SharedDeps, StartSubgraph, SubgraphRuntime } from '../../kit/src/bootSubgraph.ts';
import type { EnvReader } from '../../kit/src/config.ts';
import { createPgStore } from '../../kit/src/store/createPgStore.ts';
import type { PgStore } from '../../kit/src/store/createPgStore.ts';
import type { SubgraphConfig } from '../../kit/src/subgraphConfig.ts';
import type { SimulationsContext } from './context.ts';
import { Simulation } from './entities/Simulation.ts';
import { migrations } from './migrations.ts';
import { createSimulationRunner } from './runner/createSimulationRunner.ts';
import type { SimulationRunner, SimulationRunnerOptions } from './runner/createSimulationRunner.ts';
import { createSimulationsSubgraph } from './server.ts';

export interface StartSimulationsOptions {
  /** Live progress of every run (a later issue streams it). */
  onProgress?: SimulationRunnerOptions['onProgress'];
}

export interface OpenedSimulations {
  runtime: SubgraphRuntime<SimulationsContext>;
  store: PgStore;
  runner: SimulationRunner;
}

/**
 * Opens the simulations store (migrating it), starts the worker pool and the runner (which picks
 * up runs a previous process left unfinished), and builds the subgraph over them.
 * SIMULATION_WORKERS sets the worker threads (default 1). Returns the store and runner beside
 * the runtime for callers that look inside (the integration tests count statements).
 */
export async function openSimulations(
  config: SubgraphConfig,
  env: EnvReader,
  deps: SharedDeps,
  options: StartSimulationsOptions = {},
): Promise<OpenedSimulations> {
  const workers = env.int('SIMULATION_WORKERS', 1, { min: 1, max: 64 });
  // Report configuration mistakes before anything is opened.
  env.done();
  if (!config.databaseUrl) throw new Error('DATABASE_URL is required for the simulations subgraph');
  const store = await createPgStore({
    adminUrl: config.databaseUrl,
    appUrl: config.appDatabaseUrl,
    appPassword: config.appDatabasePassword,
    entities: [Simulation],
    tenantScoped: [Simulation],
    migrations,
    log: deps.log,
    // The store's outbox relay publishes the events its transactions enqueue (simulation.completed).
    bus: deps.bus,
  });
  let runner: SimulationRunner | undefined;
  try {
    runner = createSimulationRunner({ store, log: deps.log, workers, onProgress: options.onProgress });
    await runner.start();
  } catch (error) {
    await runner?.close().catch(() => undefined);
    await store.close();
    throw error;
  }
  const running = runner;
  const { server, createContext } = createSimulationsSubgraph({ store, queue: running, verifier: deps.verifier, log: deps.log });
  const runtime: SubgraphRuntime<SimulationsContext> = {
    server,
    createContext,
    health: async () => ({ ok: await store.ping() }),
    close: async () => {
      await running.close();
      await store.close();
    },
  };
  return { runtime, store, runner: running };
}

export function createStartSimulations(options: StartSimulationsOptions = {}): StartSubgraph<SimulationsContext> {
  return async (config, env, deps) => (await openSimulations(config, env, deps, options)).runtime;
}

export const startSimulations: StartSubgraph<SimulationsContext> = createStartSimulations();
