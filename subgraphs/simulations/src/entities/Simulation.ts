import { randomUUID } from 'node:crypto';
import { defineEntity, p } from '@mikro-orm/core';
import type { InferEntity } from '@mikro-orm/core';
import type { SimulationVariable } from '../engine/validateSimulationSpec.ts';
import type { Summary } from '../engine/statistics.ts';

export const simulationStatuses = ['QUEUED', 'RUNNING', 'COMPLETED', 'FAILED', 'CANCELLED'] as const;
export type SimulationStatus = (typeof simulationStatuses)[number];

/** Statuses a run can still leave; the others are final. */
export const unfinishedStatuses: readonly SimulationStatus[] = ['QUEUED', 'RUNNING'];

/**
 * The stored distribution of a completed run's output (the `result` jsonb column): the engine's
 * summary, with `count` named `samples` (finite outcomes) beside the non-finite ones left out.
 */
export type SimulationResultData = Omit<Summary, 'count'> & {
  /** Finite outcomes the statistics are over. */
  samples: number;
  nonFinite: number;
};

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
