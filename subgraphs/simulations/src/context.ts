import type { SubgraphContext } from '../../kit/src/createSubgraphServer.ts';
import type { SimulationsLoaders } from './loaders.ts';
import type { SimulationService } from './services/createSimulationService.ts';

/** Per request: the caller's claims, fresh DataLoaders, and the service bound to this caller. */
export interface SimulationsContext extends SubgraphContext {
  loaders: SimulationsLoaders;
  simulations: SimulationService;
}
