import { describeError } from '../../../kit/src/errors.ts';
import { liveSubjects } from '../../../kit/src/live/LiveBus.ts';
import type { LiveBus } from '../../../kit/src/live/LiveBus.ts';
import type { Logger } from '../../../kit/src/log.ts';
import type { SimulationProgress } from '../engine/runSimulation.ts';
import type { RunRef } from '../runner/createSimulationRunner.ts';
import type { ProgressPayload, RunningProgressPayload, TerminalProgressPayload } from './progressPayloads.ts';

export interface ProgressPublisherOptions {
  live: LiveBus;
  log: Logger;
  /** Minimum time between two RUNNING payloads of one run (default 100 ms). */
  intervalMs?: number;
}

/** Publishes the runner's progress on the live bus: the runner's hooks call it. */
export interface ProgressPublisher {
  /** A worker's report: published now, or (when the last one is too recent) later, coalesced to the latest. */
  progress(run: RunRef, progress: SimulationProgress): void;
  /** The run left this runner: drops its waiting report, then publishes its final state (already committed) if any. */
  finished(run: RunRef, terminal: TerminalProgressPayload | null): void;
  /** Runs it holds state for (a leak check for tests). */
  tracked(): number;
  close(): void;
}

interface RunSlot {
  lastAt: number;
  waiting: RunningProgressPayload | null;
  timer: NodeJS.Timeout | null;
}

/**
 * The subgraph side of the progress rate: the worker already reports at most every 100 ms, but
 * its messages can reach a busy event loop in a burst. Each run gets at most one RUNNING payload
 * per interval; a report inside the interval replaces the one waiting (subscribers want where the
 * run is, not every step), and the final payload cancels any waiting one so nothing follows it.
 */
export function createProgressPublisher(options: ProgressPublisherOptions): ProgressPublisher {
  const { live, log } = options;
  const intervalMs = options.intervalMs ?? 100;
  const runs = new Map<string, RunSlot>();
  let closed = false;

  function send(run: RunRef, payload: ProgressPayload): void {
    try {
      live.publish(liveSubjects.simulation(run.tenantId, run.id), payload);
    } catch (error) {
      // Lossy by design: a subscriber re-reads the run from the store.
      log.warn('could not publish simulation progress', { runId: run.id, error: describeError(error) });
    }
  }

  return {
    progress(run, progress) {
      if (closed) return;
      const payload: RunningProgressPayload = {
        status: 'RUNNING',
        completedIterations: progress.completed,
        totalIterations: progress.total,
        running: { mean: progress.running.mean, stdDev: progress.running.stdDev },
      };
      let slot = runs.get(run.id);
      if (!slot) runs.set(run.id, (slot = { lastAt: Number.NEGATIVE_INFINITY, waiting: null, timer: null }));
      const wait = slot.lastAt + intervalMs - performance.now();
      if (wait <= 0 && !slot.timer) {
        slot.lastAt = performance.now();
        send(run, payload);
        return;
      }
      slot.waiting = payload;
      if (slot.timer) return;
      const held = slot;
      held.timer = setTimeout(() => {
        held.timer = null;
        const latest = held.waiting;
        held.waiting = null;
        if (!latest || closed) return;
        held.lastAt = performance.now();
        send(run, latest);
      }, Math.max(0, wait));
      held.timer.unref();
    },
    finished(run, terminal) {
      const slot = runs.get(run.id);
      if (slot?.timer) clearTimeout(slot.timer);
      runs.delete(run.id);
      if (terminal && !closed) send(run, terminal);
    },
    tracked: () => runs.size,
    close() {
      closed = true;
      for (const slot of runs.values()) if (slot.timer) clearTimeout(slot.timer);
      runs.clear();
    },
  };
}
