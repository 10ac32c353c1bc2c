import type { SimulationResolvers } from '../generated/resolvers.ts';

export const Simulation: SimulationResolvers = {
  // The loader returns only runs of the caller's tenant (RLS underneath, and checked again there).
  __resolveReference: (reference, { loaders }) => loaders.simulationById.load(reference.id),
  tenant: (simulation) => ({ id: simulation.tenantId }),
};
