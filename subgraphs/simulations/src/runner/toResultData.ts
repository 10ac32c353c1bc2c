import type { Summary } from '../engine/statistics.ts';
import type { SimulationResultData } from '../entities/Simulation.ts';

/** The engine's summary as stored in `simulations.result` (its `count` becomes `samples`). */
export function toResultData(summary: Summary, nonFinite: number): SimulationResultData {
  const { count, mean, stdDev, min, max, p5, p10, p25, p50, p75, p90, p95, histogram } = summary;
  return { samples: count, nonFinite, mean, stdDev, min, max, p5, p10, p25, p50, p75, p90, p95, histogram };
}
