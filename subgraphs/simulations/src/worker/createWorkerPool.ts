import { Worker } from 'node:worker_threads';
import type { Logger } from '../../../kit/src/log.ts';
import type { SimulationOutcome, SimulationProgress, SimulationSpec } from '../engine/runSimulation.ts';
import type { FromWorker, RunMessage } from './workerMessages.ts';

/** The worker died (uncaught error, out of memory, exit) while running a job. */
export class WorkerCrashError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WorkerCrashError';
  }
}

/** The engine refused or failed a job; the worker survived. */
export class SimulationFailedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SimulationFailedError';
  }
}

/** The pool was closed before the job finished. */
export class PoolClosedError extends Error {
  constructor() {
    super('The simulation worker pool was closed');
    this.name = 'PoolClosedError';
  }
}

export interface WorkerPoolOptions {
  /** Worker threads, each running one simulation at a time. */
  size: number;
  log: Logger;
  /** Called with each progress report of a running job (at most every ~100 ms per job). */
  onProgress?: (runId: string, progress: SimulationProgress) => void;
  /** Script each worker runs. Default: ./simulationWorker.ts (tests substitute a misbehaving one). */
  workerUrl?: URL;
}

export interface WorkerPool {
  readonly size: number;
  /**
   * Queues a job (FIFO). When a worker is free, `prepare` is awaited for the spec (the caller
   * claims the run there); null means "nothing to run" and resolves the job with null, as does a
   * cancel before the worker starts. Rejects with WorkerCrashError, SimulationFailedError or
   * PoolClosedError.
   */
  run(runId: string, prepare: () => Promise<SimulationSpec | null>): Promise<SimulationOutcome | null>;
  /** Stops a job: dropped if it waits, stopped at the next check if it runs. False if unknown. */
  cancel(runId: string): boolean;
  /** Resolves once every worker has loaded; rejects if one died while loading (a start-up check). */
  ready(): Promise<void>;
  /** Rejects pending jobs with PoolClosedError and terminates the workers. */
  close(): Promise<void>;
}

interface Job {
  runId: string;
  prepare: () => Promise<SimulationSpec | null>;
  resolve: (outcome: SimulationOutcome | null) => void;
  reject: (error: Error) => void;
  cancelled: boolean;
  stopFlag: Int32Array<SharedArrayBuffer> | null;
}

interface Slot {
  worker: Worker;
  ready: Promise<void>;
  /** Only a worker that loaded its script takes jobs, so a broken script fails no job. */
  loaded: boolean;
  job: Job | null;
  /** The last uncaught error of the worker, reported with its exit. */
  lastError: string | null;
}

const defaultWorkerUrl = new URL('./simulationWorker.ts', import.meta.url);
/** Respawn delay after a worker died before loading (a broken script must not spin the CPU). */
const RESPAWN_BACKOFF_MS = [100, 1_000, 5_000, 30_000];

/**
 * A fixed set of worker threads for Monte Carlo runs, so sampling never blocks the event loop
 * that serves GraphQL. A crashed worker fails only its own job and is replaced.
 */
export function createWorkerPool(options: WorkerPoolOptions): WorkerPool {
  if (!Number.isInteger(options.size) || options.size < 1) throw new RangeError(`pool size must be a positive integer, got ${options.size}`);
  if (!process.features.typescript) {
    throw new Error(`simulation workers run .ts files and need Node with type stripping (Node 24); this is Node ${process.versions.node}`);
  }
  const { log, onProgress } = options;
  const workerUrl = options.workerUrl ?? defaultWorkerUrl;
  const queue: Job[] = [];
  const slots: Slot[] = [];
  let closing = false;
  let failedStarts = 0;

  function spawn(index: number): void {
    const worker = new Worker(workerUrl);
    let markReady!: () => void;
    let markBroken!: (error: Error) => void;
    const ready = new Promise<void>((resolve, reject) => {
      markReady = resolve;
      markBroken = reject;
    });
    ready.catch(() => undefined); // reported by ready() when asked, and logged on exit
    const slot: Slot = { worker, ready, loaded: false, job: null, lastError: null };
    slots[index] = slot;
    worker.on('message', (message: FromWorker) => {
      if (message.type === 'ready') {
        slot.loaded = true;
        failedStarts = 0;
        markReady();
        pump();
        return;
      }
      const job = slot.job;
      if (!job || job.runId !== message.runId) return;
      if (message.type === 'progress') {
        try {
          onProgress?.(job.runId, message.progress);
        } catch (error) {
          log.error('simulation progress hook failed', { runId: job.runId, error: String(error) });
        }
        return;
      }
      slot.job = null;
      if (message.type === 'done') job.resolve(message.outcome);
      else job.reject(new SimulationFailedError(message.message));
      pump();
    });
    worker.on('error', (error) => {
      slot.lastError = error.message;
    });
    worker.on('exit', (code) => {
      const job = slot.job;
      slot.job = null;
      const reason = slot.lastError ?? `exit code ${code}`;
      markBroken(new WorkerCrashError(`The simulation worker stopped before it was ready (${reason})`));
      if (closing) return;
      log.error('simulation worker stopped', { reason, runId: job?.runId, loaded: slot.loaded });
      job?.reject(new WorkerCrashError(`The simulation worker stopped unexpectedly (${reason})`));
      const delay = slot.loaded ? 0 : (RESPAWN_BACKOFF_MS[Math.min(failedStarts++, RESPAWN_BACKOFF_MS.length - 1)] as number);
      setTimeout(() => {
        if (!closing) spawn(index);
      }, delay).unref();
    });
  }

  function pump(): void {
    for (const slot of slots) {
      if (closing || queue.length === 0) return;
      if (slot.loaded && slot.job === null) start(slot);
    }
  }

  function start(slot: Slot): void {
    const job = queue.shift();
    if (!job) return;
    slot.job = job;
    job
      .prepare()
      .then((spec) => {
        if (closing) return;
        if (spec === null || job.cancelled) {
          slot.job = null;
          job.resolve(null);
          pump();
          return;
        }
        job.stopFlag = new Int32Array(new SharedArrayBuffer(4));
        const message: RunMessage = { type: 'run', runId: job.runId, spec, stopFlag: job.stopFlag.buffer };
        slot.worker.postMessage(message);
      })
      .catch((error: unknown) => {
        if (slot.job === job) slot.job = null;
        job.reject(error instanceof Error ? error : new Error(String(error)));
        pump();
      });
  }

  for (let index = 0; index < options.size; index++) spawn(index);

  return {
    size: options.size,
    run(runId, prepare) {
      if (closing) return Promise.reject(new PoolClosedError());
      return new Promise<SimulationOutcome | null>((resolve, reject) => {
        queue.push({ runId, prepare, resolve, reject, cancelled: false, stopFlag: null });
        pump();
      });
    },
    cancel(runId) {
      const waiting = queue.findIndex((job) => job.runId === runId);
      if (waiting >= 0) {
        const [job] = queue.splice(waiting, 1);
        job?.resolve(null);
        return true;
      }
      const slot = slots.find((s) => s.job?.runId === runId);
      if (!slot?.job) return false;
      slot.job.cancelled = true;
      if (slot.job.stopFlag) Atomics.store(slot.job.stopFlag, 0, 1);
      return true;
    },
    async ready() {
      await Promise.all(slots.map((slot) => slot.ready));
    },
    async close() {
      if (closing) return;
      closing = true;
      for (const job of queue.splice(0)) job.reject(new PoolClosedError());
      for (const slot of slots) {
        if (slot.job?.stopFlag) Atomics.store(slot.job.stopFlag, 0, 1);
        slot.job?.reject(new PoolClosedError());
        slot.job = null;
      }
      await Promise.all(slots.map((slot) => slot.worker.terminate()));
    },
  };
}
