import type { SimulationEntity, SimulationResultData } from '../entities/Simulation.ts';
import type { RunningProgressPayload, RunningStatisticsData, TerminalProgressPayload } from './progressPayloads.ts';

/** One event of `simulationProgress` (the parent of SimulationProgress). */
export interface SimulationProgressData {
  /** The run as of this event: the stored row, or the last row read with this event's live figures. */
  simulation: SimulationEntity;
  completedIterations: number;
  totalIterations: number;
  running: RunningStatisticsData | null;
  result: SimulationResultData | null;
}

/** The state a stored row shows (the store does not keep running statistics: the caller may carry the last ones). */
export function progressOfRow(row: SimulationEntity, running: RunningStatisticsData | null = null): SimulationProgressData {
  return {
    simulation: row,
    completedIterations: row.completedIterations,
    totalIterations: row.iterations,
    running: row.status === 'RUNNING' ? running : null,
    result: row.status === 'COMPLETED' ? (row.result ?? null) : null,
  };
}

/**
 * A live figure over the last row read. The row is copied, not changed: the loaders' cache and
 * earlier events keep what they were given.
 */
export function progressOfLive(row: SimulationEntity, payload: RunningProgressPayload | TerminalProgressPayload): SimulationProgressData {
  const result = payload.status === 'COMPLETED' ? (payload.result ?? row.result ?? null) : null;
  return {
    simulation: { ...row, status: payload.status, completedIterations: payload.completedIterations, ...(result ? { result } : {}) },
    completedIterations: payload.completedIterations,
    totalIterations: payload.totalIterations,
    running: payload.status === 'RUNNING' ? payload.running : null,
    result,
  };
}
