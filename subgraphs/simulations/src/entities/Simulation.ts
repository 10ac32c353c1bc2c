import { randomUUID } from 'node:crypto';
import { defineEntity, p } from '@mikro-orm/core';
import type { InferEntity } from '@mikro-orm/core';
import type { SimulationVariable } from '../engine/validateSimulationSpec.ts';
import type { HistogramBin } from '../engine/statistics.ts';

export const simulationStatuses = ['QUEUED', 'RUNNING', 'COMPLETED', 'FAILED', 'CANCELLED'] as const;
export type SimulationStatus = (typeof simulationStatuses)[number];

/** Statuses a run can still leave; the others are final. */
export const unfinishedStatuses: readonly SimulationStatus[] = ['QUEUED', 'RUNNING'];

/** The stored distribution of a completed run's output (the `result` jsonb column). */
export interface SimulationResultData {
  /** Finite outcomes the statistics are over. */
  samples: number;
  nonFinite: number;
  mean: number;
  stdDev: number;
  min: number;
  max: number;
  p5: number;
  p10: number;
  p25: number;
  p50: number;
  p75: number;
  p90: number;
  p95: number;
  histogram: HistogramBin[];
}

/**
 * One Monte Carlo run. `runnerId` and `leaseUntil` say which runner process holds a RUNNING run
 * and until when: a run whose lease lapsed (its process died) is taken up again by another runner.
 */
export const Simulation = defineEntity({
  name: 'Simulation',
  tableName: 'simulations',
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    tenantId: p.uuid(),
    name: p.string(),
    status: p.enum(simulationStatuses).default('QUEUED'),
    variables: p.json<SimulationVariable[]>(),
    expression: p.string(),
    iterations: p.integer(),
    seed: p.integer(),
    completedIterations: p.integer().default(0),
    result: p.json<SimulationResultData>().nullable(),
    error: p.string().nullable(),
    runnerId: p.uuid().nullable(),
    leaseUntil: p.datetime().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
    startedAt: p.datetime().nullable(),
    finishedAt: p.datetime().nullable(),
  },
});
export type SimulationEntity = InferEntity<typeof Simulation>;
