import type { SubgraphContext } from '../../kit/src/createSubgraphServer.ts';
import type { ModelsLoaders } from './loaders.ts';
import type { ModelsService } from './services/createModelsService.ts';

/** Per request: the caller's claims, fresh DataLoaders over the tenant's catalog, and the service bound to this caller. */
export interface ModelsContext extends SubgraphContext {
  loaders: ModelsLoaders;
  models: ModelsService;
}
