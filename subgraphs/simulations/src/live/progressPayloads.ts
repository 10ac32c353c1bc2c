import type { SimulationResultData } from '../entities/Simulation.ts';

/** Statistics over the finite outputs sampled so far. */
export interface RunningStatisticsData {
  mean: number;
  stdDev: number;
}

export type TerminalStatus = 'COMPLETED' | 'FAILED' | 'CANCELLED';

/** Published while a worker samples, at most every 100 ms per run. */
export interface RunningProgressPayload {
  status: 'RUNNING';
  completedIterations: number;
  totalIterations: number;
  running: RunningStatisticsData;
}

/** Published once the run's final state is committed (so a subscriber that reads the row sees it). */
export interface TerminalProgressPayload {
  status: TerminalStatus;
  completedIterations: number;
  totalIterations: number;
  /** The stored result, for a completed run. */
  result?: SimulationResultData;
}

/** What travels on `liveSubjects.simulation(tenantId, runId)`. */
export type ProgressPayload = RunningProgressPayload | TerminalProgressPayload;

const terminalStatuses: ReadonlySet<string> = new Set<TerminalStatus>(['COMPLETED', 'FAILED', 'CANCELLED']);

export function isTerminalStatus(status: string): status is TerminalStatus {
  return terminalStatuses.has(status);
}

const count = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value) && value >= 0;
// JSON turns a non-finite number into null: read it as 0 rather than refuse the event.
const figure = (value: unknown): number => (typeof value === 'number' && Number.isFinite(value) ? value : 0);
const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Checks a payload off the live bus (it crossed a network): anything that is not one of ours is
 * null and skipped. The result is only checked for being an object: the runner wrote it.
 */
export function parseProgressPayload(value: unknown): ProgressPayload | null {
  if (!isObject(value) || !count(value.completedIterations) || !count(value.totalIterations)) return null;
  const { status, completedIterations, totalIterations } = value;
  if (status === 'RUNNING') {
    if (!isObject(value.running)) return null;
    return { status, completedIterations, totalIterations, running: { mean: figure(value.running.mean), stdDev: figure(value.running.stdDev) } };
  }
  if (typeof status !== 'string' || !isTerminalStatus(status)) return null;
  const result = isObject(value.result) ? (value.result as unknown as SimulationResultData) : undefined;
  return result ? { status, completedIterations, totalIterations, result } : { status, completedIterations, totalIterations };
}
