import type { SubgraphContext } from '../../kit/src/createSubgraphServer.ts';
import type { IntegrationsLoaders } from './loaders.ts';
import type { PartnerLoaders } from './partnerLoaders.ts';
import type { IntegrationService } from './services/createIntegrationService.ts';
import type { PartnerLookup } from './services/createPartnerLookup.ts';
import type { PartnerService } from './services/createPartnerService.ts';

/** Per request: the caller's claims, fresh DataLoaders, and the services bound to this caller. */
export interface IntegrationsContext extends SubgraphContext {
  loaders: IntegrationsLoaders;
  partnerLoaders: PartnerLoaders;
  integrations: IntegrationService;
  partners: PartnerService;
  /** The gateway's cross-tenant lookups; refuse callers without the internal scope. */
  partnerLookup: PartnerLookup;
}
