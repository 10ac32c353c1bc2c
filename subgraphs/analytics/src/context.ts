import type { SubgraphContext } from '../../kit/src/createSubgraphServer.ts';
import type { AnalyticsLoaders } from './loaders.ts';
import type { UsageService } from './services/createUsageService.ts';

/** Per request: the caller's claims, fresh DataLoaders, and the usage service bound to this caller. */
export interface AnalyticsContext extends SubgraphContext {
  loaders: AnalyticsLoaders;
  usage: UsageService;
}
