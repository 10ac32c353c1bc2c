import type { SharedDeps, StartSubgraph, SubgraphRuntime } from '../../kit/src/bootSubgraph.ts';
import type { EnvReader } from '../../kit/src/config.ts';
import { createPgStore } from '../../kit/src/store/createPgStore.ts';
import type { PgStore } from '../../kit/src/store/createPgStore.ts';
import type { SubgraphConfig } from '../../kit/src/subgraphConfig.ts';
import type { SimulationsContext } from './context.ts';
import { Simulation } from './entities/Simulation.ts';
import { createProgressPublisher } from './live/createProgressPublisher.ts';
import type { ProgressPublisher } from './live/createProgressPublisher.ts';
import { migrations } from './migrations.ts';
import { createSimulationRunner } from './runner/createSimulationRunner.ts';
import type { SimulationRunner, SimulationRunnerOptions } from './runner/createSimulationRunner.ts';
import { createSimulationsSubgraph } from './server.ts';

export interface StartSimulationsOptions {
  /** Also told each worker report (the live bus gets them regardless). */
  onProgress?: SimulationRunnerOptions['onProgress'];
  /** Also told each run's end (the live bus gets it regardless). */
  onFinished?: SimulationRunnerOptions['onFinished'];
  /** Minimum time between two live progress payloads of one run (default 100 ms). */
  progressIntervalMs?: number;
  /** A progress subscription that hears nothing for this long reads the run again (default 5 s). */
  progressRecheckMs?: number;
  /** Minimum time between two stored progress writes of one run (default 1 s). */
  persistEveryMs?: number;
  /** The clock of the daily run quota's UTC day (tests hold it still). */
  now?: () => Date;
}

export interface OpenedSimulations {
  runtime: SubgraphRuntime<SimulationsContext>;
  store: PgStore;
  runner: SimulationRunner;
  progress: ProgressPublisher;
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
  // Every run's progress goes to the live bus (NATS across replicas), whichever replica runs it.
  const progress = createProgressPublisher({ live: deps.live, log: deps.log, intervalMs: options.progressIntervalMs });
  let runner: SimulationRunner | undefined;
  try {
    runner = createSimulationRunner({
      store,
      log: deps.log,
      workers,
      persistEveryMs: options.persistEveryMs,
      onProgress: (run, report) => {
        progress.progress(run, report);
        options.onProgress?.(run, report);
      },
      onFinished: (run, terminal) => {
        progress.finished(run, terminal);
        options.onFinished?.(run, terminal);
      },
    });
    await runner.start();
  } catch (error) {
    await runner?.close().catch(() => undefined);
    progress.close();
    await store.close();
    throw error;
  }
  const running = runner;
  const { server, createContext } = createSimulationsSubgraph({
    store,
    queue: running,
    live: deps.live,
    verifier: deps.verifier,
    log: deps.log,
    progressRecheckMs: options.progressRecheckMs,
    ...(options.now ? { now: options.now } : {}),
  });
  const runtime: SubgraphRuntime<SimulationsContext> = {
    server,
    createContext,
    health: async () => ({ ok: await store.ping() }),
    close: async () => {
      await running.close();
      progress.close();
      await store.close();
    },
  };
  return { runtime, store, runner: running, progress };
}

export function createStartSimulations(options: StartSimulationsOptions = {}): StartSubgraph<SimulationsContext> {
  return async (config, env, deps) => (await openSimulations(config, env, deps, options)).runtime;
}

export const startSimulations: StartSubgraph<SimulationsContext> = createStartSimulations();
