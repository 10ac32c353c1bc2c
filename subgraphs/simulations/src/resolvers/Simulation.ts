import { isUuid } from '../../../kit/src/isUuid.ts';
import type { SimulationResolvers } from '../generated/resolvers.ts';

export const Simulation: SimulationResolvers = {
  // The loader returns only runs of the caller's tenant (RLS underneath, and checked again there).
  __resolveReference: (reference, { loaders }) => (isUuid(reference.id) ? loaders.simulationById.load(reference.id) : null),
  tenant: (simulation) => ({ id: simulation.tenantId }),
};
