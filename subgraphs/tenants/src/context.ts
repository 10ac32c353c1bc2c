import type { SubgraphContext } from '../../kit/src/createSubgraphServer.ts';
import type { TenantsLoaders } from './loaders.ts';
import type { TenantService } from './services/createTenantService.ts';

/** Per request: the caller's claims, fresh DataLoaders, and the service bound to this caller. */
export interface TenantsContext extends SubgraphContext {
  loaders: TenantsLoaders;
  tenants: TenantService;
}
