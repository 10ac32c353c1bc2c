import type { Connection } from '../../kit/src/pagination.ts';
import type { Distribution } from './engine/distributions.ts';
import type { SimulationEntity } from './entities/Simulation.ts';

export type { SimulationEntity, SimulationResultData } from './entities/Simulation.ts';
export type { SimulationVariable as SimulationVariableData } from './engine/validateSimulationSpec.ts';
export type { SimulationProgressData } from './live/progressState.ts';

/** This subgraph knows a tenant only by its id (the tenants subgraph owns the rest). */
export interface TenantRef {
  id: string;
}

export type SimulationConnectionData = Connection<SimulationEntity> & { totalCount: number };

// The engine's distributions (tagged by `kind`) are the parents of the GraphQL union members.
export type UniformDistributionData = Extract<Distribution, { kind: 'uniform' }>;
export type NormalDistributionData = Extract<Distribution, { kind: 'normal' }>;
export type TriangularDistributionData = Extract<Distribution, { kind: 'triangular' }>;
export type LognormalDistributionData = Extract<Distribution, { kind: 'lognormal' }>;
