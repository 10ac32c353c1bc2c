import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { TenantClaims } from '../../../kit/src/auth/claims.ts';
import { createEvent } from '../../../kit/src/bus/PlatformEvent.ts';
import type { Logger } from '../../../kit/src/log.ts';
import type { PgStore } from '../../../kit/src/store/createPgStore.ts';
import type { SimulationOutcome, SimulationProgress, SimulationSpec } from '../engine/runSimulation.ts';
import { Simulation } from '../entities/Simulation.ts';
import type { TerminalProgressPayload } from '../live/progressPayloads.ts';
import { RUNNER_SCAN_SETTING } from '../migrations.ts';
import { createWorkerPool, PoolClosedError } from '../worker/createWorkerPool.ts';
import type { WorkerPool } from '../worker/createWorkerPool.ts';
import { toResultData } from './toResultData.ts';

/** A stored run, known by its id and tenant (the runner writes as that tenant). */
export interface RunRef {
  id: string;
  tenantId: string;
}

/** What the request path needs from the runner. */
export interface SimulationQueue {
  /** Queues a run stored as QUEUED (call after its insert committed). */
  enqueue(run: RunRef): void;
  /** Stops the run here if this process runs it; the row is already CANCELLED. */
  cancel(id: string): void;
}

export interface SimulationRunner extends SimulationQueue {
  /** Re-queues runs left unfinished by stopped processes, then keeps looking every half lease. */
  start(): Promise<void>;
  /** Stops sampling and hands the runs it held back to the queue for the next process. */
  close(): Promise<void>;
}

export interface SimulationRunnerOptions {
  /** Its outbox carries simulation.completed (the store's relay publishes it). */
  store: PgStore;
  log: Logger;
  /** Worker threads (SIMULATION_WORKERS). */
  workers: number;
  /** Each worker report of a running run (at most every ~100 ms per run). */
  onProgress?: (run: RunRef, progress: SimulationProgress) => void;
  /**
   * Called once for every run this runner queued, when it leaves the runner: with its final state
   * once that is committed (COMPLETED, FAILED, CANCELLED), or null when this runner stored no end
   * for it (never claimed, handed back on close, taken over, or cancelled by a request first).
   */
  onFinished?: (run: RunRef, terminal: TerminalProgressPayload | null) => void;
  /** How long a RUNNING run stays this runner's without a progress write. Default 30 s. */
  leaseMs?: number;
  /** Minimum time between two writes of `completed_iterations` of one run. Default 1 s. */
  persistEveryMs?: number;
  /** Milliseconds clock that spaces progress writes (leases keep wall time); tests move it by hand. Default Date.now. */
  clock?: () => number;
  /** Tests substitute a misbehaving worker script. */
  workerUrl?: URL;
}

const RUNNER_CLIENT = 'simulation-runner';

/** The runner acts as the run's tenant: every write goes through RLS like a request's would. */
export function runnerClaims(tenantId: string | null): TenantClaims {
  return { tenantId, userId: null, roles: [], scopes: [], plan: null, clientName: RUNNER_CLIENT, platformAdmin: false };
}

interface ActiveRun extends RunRef {
  claimed: boolean;
  /** Iterations requested and done so far (from the claim and the worker's reports). */
  iterations: number;
  completed: number;
  startedAt: Date | null;
  lastPersistAt: number;
  persisting: Promise<void> | null;
}

/**
 * Runs simulations off the request path: claims a QUEUED run (QUEUED → RUNNING with a lease),
 * samples it on a worker thread, writes progress at most once a second (renewing the lease),
 * and stores the result. The row is the source of truth, so any replica can take over a run
 * whose process died (its lease lapsed): runs are reproducible from their seed.
 */
export function createSimulationRunner(options: SimulationRunnerOptions): SimulationRunner {
  const { store, log } = options;
  const leaseMs = options.leaseMs ?? 30_000;
  const persistEveryMs = options.persistEveryMs ?? 1_000;
  const clock = options.clock ?? Date.now;
  const runnerId = randomUUID();
  const active = new Map<string, ActiveRun>();
  const pending = new Set<Promise<unknown>>();
  let sweepTimer: NodeJS.Timeout | null = null;
  let closed = false;

  const pool: WorkerPool = createWorkerPool({
    size: options.workers,
    log,
    workerUrl: options.workerUrl,
    onProgress: (runId, progress) => {
      const run = active.get(runId);
      if (!run) return;
      run.completed = progress.completed;
      options.onProgress?.({ id: run.id, tenantId: run.tenantId }, progress);
      persistProgress(run, progress);
    },
  });

  const track = <T>(promise: Promise<T>): Promise<T> => {
    pending.add(promise);
    void promise.finally(() => pending.delete(promise)).catch(() => undefined);
    return promise;
  };
  const asTenant = <T>(run: RunRef, fn: (em: EntityManager) => Promise<T>) => track(store.run(runnerClaims(run.tenantId), fn));
  const held = (run: RunRef) => ({ id: run.id, status: 'RUNNING' as const, runnerId });

  async function claim(run: ActiveRun): Promise<SimulationSpec | null> {
    if (closed) return null;
    const now = new Date();
    return asTenant(run, async (em) => {
      const taken = await em.nativeUpdate(
        Simulation,
        {
          id: run.id,
          $or: [{ status: 'QUEUED' }, { status: 'RUNNING', $or: [{ leaseUntil: null }, { leaseUntil: { $lt: now } }] }],
        },
        { status: 'RUNNING', runnerId, leaseUntil: new Date(now.getTime() + leaseMs), startedAt: now, completedIterations: 0, error: null },
      );
      if (taken === 0) return null; // cancelled, finished, or another runner holds it
      const row = await em.findOneOrFail(Simulation, { id: run.id });
      run.claimed = true;
      run.iterations = row.iterations;
      run.completed = 0;
      run.startedAt = now;
      run.lastPersistAt = clock();
      return { variables: row.variables, expression: row.expression, iterations: row.iterations, seed: row.seed };
    });
  }

  function persistProgress(run: ActiveRun, progress: SimulationProgress): void {
    if (run.persisting || clock() - run.lastPersistAt < persistEveryMs) return;
    run.lastPersistAt = clock();
    run.persisting = asTenant(run, (em) =>
      em.nativeUpdate(Simulation, held(run), {
        completedIterations: progress.completed,
        leaseUntil: new Date(Date.now() + leaseMs),
      }),
    )
      .then((updated) => {
        // Cancelled (by a request to any replica) or taken over: stop sampling.
        if (updated === 0) pool.cancel(run.id);
      })
      .catch((error: unknown) => log.warn('could not record simulation progress', { runId: run.id, error: String(error) }))
      .finally(() => {
        run.persisting = null;
      });
  }

  /** Stores the run's end; returns its final state once committed, or null when nothing of this runner's was stored. */
  async function finish(run: ActiveRun, outcome: SimulationOutcome | null): Promise<TerminalProgressPayload | null> {
    if (outcome === null) return null;
    await run.persisting;
    const finishedAt = new Date();
    const totalIterations = run.iterations;
    if (outcome.cancelled) {
      // Only a run already CANCELLED (by a request) records where its worker stopped.
      const updated = await asTenant(run, (em) =>
        em.nativeUpdate(Simulation, { id: run.id, status: 'CANCELLED' }, { completedIterations: outcome.completed }),
      );
      log.info('simulation cancelled', { runId: run.id, tenantId: run.tenantId, completed: outcome.completed });
      return updated > 0 ? { status: 'CANCELLED', completedIterations: outcome.completed, totalIterations } : null;
    }
    if (outcome.result === null) {
      return fail(
        run,
        `No iteration gave a finite number (${outcome.nonFinite} of ${outcome.completed}); check the expression for division by zero and log or sqrt of negatives`,
        outcome.completed,
      );
    }
    const result = toResultData(outcome.result, outcome.nonFinite);
    const durationMs = finishedAt.getTime() - (run.startedAt ?? finishedAt).getTime();
    const stored = await asTenant(run, async (em) => {
      const updated = await em.nativeUpdate(Simulation, held(run), {
        status: 'COMPLETED',
        result,
        completedIterations: outcome.completed,
        finishedAt,
        leaseUntil: null,
      });
      // In the completion's transaction: the event exists exactly when the stored result does.
      if (updated > 0) {
        const data = { simulationId: run.id, iterations: outcome.completed, durationMs };
        await store.enqueue(em, createEvent('simulation.completed', run.tenantId, 'simulations', data));
      }
      return updated;
    });
    if (stored === 0) return null;
    log.info('simulation completed', { runId: run.id, tenantId: run.tenantId, iterations: outcome.completed, durationMs });
    return { status: 'COMPLETED', completedIterations: outcome.completed, totalIterations, result };
  }

  async function fail(run: ActiveRun, message: string, completed = run.completed): Promise<TerminalProgressPayload | null> {
    await run.persisting;
    log.warn('simulation failed', { runId: run.id, tenantId: run.tenantId, reason: message });
    const updated = await asTenant(run, (em) =>
      em.nativeUpdate(Simulation, held(run), { status: 'FAILED', error: message, completedIterations: completed, finishedAt: new Date(), leaseUntil: null }),
    );
    return updated > 0 ? { status: 'FAILED', completedIterations: completed, totalIterations: run.iterations } : null;
  }

  function finished(run: ActiveRun, terminal: TerminalProgressPayload | null): void {
    try {
      options.onFinished?.({ id: run.id, tenantId: run.tenantId }, terminal);
    } catch (error) {
      log.error('simulation finished hook failed', { runId: run.id, error: String(error) });
    }
  }

  function enqueue(ref: RunRef): void {
    if (closed || active.has(ref.id)) return;
    const run: ActiveRun = {
      id: ref.id,
      tenantId: ref.tenantId,
      claimed: false,
      iterations: 0,
      completed: 0,
      startedAt: null,
      lastPersistAt: 0,
      persisting: null,
    };
    active.set(run.id, run);
    const done = pool
      .run(run.id, () => claim(run))
      .then(
        (outcome) => finish(run, outcome),
        (error: unknown) => (error instanceof PoolClosedError ? null : fail(run, error instanceof Error ? error.message : String(error))),
      )
      .catch((error: unknown) => {
        log.error('could not record the end of a simulation', { runId: run.id, error: String(error) });
        return null;
      })
      // After the commit: whoever hears the final state and reads the run finds it stored.
      .then((terminal) => finished(run, terminal))
      .finally(() => {
        if (!closed) active.delete(run.id);
      });
    void track(done);
  }

  /** Unfinished runs of every tenant (ids only), through the read-only runner policy. */
  async function sweep(): Promise<void> {
    const rows = await track(
      store.run(runnerClaims(null), async (em) => {
        await em.execute(`select set_config('${RUNNER_SCAN_SETTING}', 'on', true)`);
        return em.execute<Array<{ id: string; tenant_id: string; status: string; lease_until: Date | null }>>(
          `select id, tenant_id, status, lease_until from simulations where status in ('QUEUED', 'RUNNING') order by created_at, id`,
        );
      }),
    );
    const now = Date.now();
    for (const row of rows) {
      const lapsed = row.status === 'QUEUED' || row.lease_until === null || new Date(row.lease_until).getTime() < now;
      if (lapsed) enqueue({ id: row.id, tenantId: row.tenant_id });
    }
  }

  return {
    enqueue,
    cancel(id) {
      pool.cancel(id);
    },
    async start() {
      await pool.ready();
      await sweep();
      sweepTimer = setInterval(() => {
        sweep().catch((error: unknown) => log.warn('simulation recovery scan failed', { error: String(error) }));
      }, Math.max(1_000, Math.floor(leaseMs / 2)));
      sweepTimer.unref();
    },
    async close() {
      if (closed) return;
      closed = true;
      if (sweepTimer) clearInterval(sweepTimer);
      await pool.close();
      while (pending.size > 0) await Promise.allSettled([...pending]);
      // Runs this process held go back to the queue at once, rather than after their lease.
      for (const run of active.values()) {
        if (!run.claimed) continue;
        await store
          .run(runnerClaims(run.tenantId), (em) =>
            em.nativeUpdate(Simulation, held(run), { status: 'QUEUED', runnerId: null, leaseUntil: null, startedAt: null, completedIterations: 0 }),
          )
          .catch((error: unknown) => log.warn('could not hand a simulation back to the queue', { runId: run.id, error: String(error) }));
      }
      active.clear();
    },
  };
}
