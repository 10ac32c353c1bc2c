import { createSampler } from './distributions.ts';
import { createRandom } from './random.ts';
import { SimulationSpecError } from './SimulationSpecError.ts';
import { createRunningStatistics, summarize } from './statistics.ts';
import type { Summary } from './statistics.ts';
import { validateSimulationSpec } from './validateSimulationSpec.ts';
import type { SimulationSpec } from './validateSimulationSpec.ts';

export type { SimulationSpec, SimulationVariable } from './validateSimulationSpec.ts';

export type SimulationProgress = {
  completed: number;
  total: number;
  /** Iterations so far whose outcome was NaN or ±Infinity. */
  nonFinite: number;
  /** Over the finite outcomes so far; both 0 while there are none. */
  running: { mean: number; stdDev: number };
};

export type SimulationOptions = {
  /** Called every `progressEvery` iterations and once more when the last iteration is done. */
  onProgress?(progress: SimulationProgress): void;
  /** Iterations between progress callbacks. Default: 10 000. */
  progressEvery?: number;
  /**
   * Asked before the first iteration and then every 1 000 iterations (and at every progress
   * callback); returning true ends the run early with the outcomes computed so far.
   */
  shouldStop?(): boolean;
};

export type SimulationOutcome = {
  /** Iterations evaluated: all of them unless cancelled. */
  completed: number;
  cancelled: boolean;
  /** Outcomes that were NaN or ±Infinity (log of a negative, division by zero…); not in `result`. */
  nonFinite: number;
  /** Statistics over the finite outcomes; null when there are none (every outcome non-finite, or cancelled before the first). */
  result: Summary | null;
};

const DEFAULT_PROGRESS_EVERY = 10_000;
/** Bounds how long a stop request can wait, independently of a coarse progressEvery. */
const STOP_CHECK_EVERY = 1_000;

/**
 * Runs a Monte Carlo simulation synchronously. Validation comes first and reports every problem in
 * one SimulationSpecError. The same spec (seed included) gives the same outcome, bit for bit:
 * variables are sampled in their listed order from a single seeded stream, and the statistics are
 * computed in iteration order.
 */
export function runSimulation(spec: SimulationSpec, options: SimulationOptions = {}): SimulationOutcome {
  const { onProgress, shouldStop, progressEvery = DEFAULT_PROGRESS_EVERY } = options;
  if (!Number.isInteger(progressEvery) || progressEvery < 1) {
    throw new RangeError(`progressEvery must be a positive integer, got ${progressEvery}`);
  }
  const validation = validateSimulationSpec(spec);
  if (validation.expression === undefined) throw new SimulationSpecError(validation.problems);
  const evaluate = validation.expression.evaluate;

  const random = createRandom(spec.seed);
  const samplers = spec.variables.map(({ distribution }) => createSampler(distribution, random));
  const variableCount = samplers.length;
  const values = new Float64Array(variableCount);
  const total = spec.iterations;
  const outcomes = new Float64Array(total);
  const running = createRunningStatistics();

  let completed = 0;
  let finite = 0;
  let nonFinite = 0;
  let cancelled = false;
  let nextProgress = Math.min(progressEvery, total);

  while (completed < total) {
    if (shouldStop?.()) {
      cancelled = true;
      break;
    }
    const end = Math.min(nextProgress, completed + STOP_CHECK_EVERY);
    for (; completed < end; completed++) {
      for (let v = 0; v < variableCount; v++) values[v] = (samplers[v] as () => number)();
      const outcome = evaluate(values);
      if (Number.isFinite(outcome)) {
        outcomes[finite++] = outcome;
        running.push(outcome);
      } else {
        nonFinite++;
      }
    }
    if (completed === nextProgress) {
      nextProgress = Math.min(nextProgress + progressEvery, total);
      onProgress?.({
        completed,
        total,
        nonFinite,
        running: { mean: running.mean, stdDev: running.stdDev },
      });
    }
  }

  return {
    completed,
    cancelled,
    nonFinite,
    result: finite > 0 ? summarize(outcomes.subarray(0, finite)) : null,
  };
}
