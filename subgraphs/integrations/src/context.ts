import type { SubgraphContext } from '../../kit/src/createSubgraphServer.ts';
import type { IntegrationsLoaders } from './loaders.ts';
import type { IntegrationService } from './services/createIntegrationService.ts';

/** Per request: the caller's claims, fresh DataLoaders, and the service bound to this caller. */
export interface IntegrationsContext extends SubgraphContext {
  loaders: IntegrationsLoaders;
  integrations: IntegrationService;
}
