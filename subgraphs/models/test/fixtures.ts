import type { EventBus } from '../../kit/src/bus/EventBus.ts';
import type { Cache } from '../../kit/src/cache/Cache.ts';
import type { TenantClaims } from '../../kit/src/auth/claims.ts';
import { silentLogger } from '../../kit/src/log.ts';
import { createPgStore } from '../../kit/src/store/createPgStore.ts';
import type { PgStore } from '../../kit/src/store/createPgStore.ts';
import { createCatalogSource } from '../src/catalog/createCatalogSource.ts';
import type { CatalogSource } from '../src/catalog/createCatalogSource.ts';
import { Model } from '../src/entities/Model.ts';
import { Provider } from '../src/entities/Provider.ts';
import { RoutingPolicy } from '../src/entities/RoutingPolicy.ts';
import { migrations } from '../src/migrations.ts';
import { createModelsService } from '../src/services/createModelsService.ts';

/** Opens the models store on a test database, exactly as start.ts does (its outbox publishes to `bus`, when given). */
export function openModelsStore(adminUrl: string, bus?: EventBus): Promise<PgStore> {
  return createPgStore({
    adminUrl,
    entities: [Provider, Model, RoutingPolicy],
    tenantScoped: [Provider, Model, RoutingPolicy],
    migrations,
    log: silentLogger,
    bus,
  });
}

/** A service for `claims` over the real store and the given cache. */
export function serviceFor(store: PgStore, catalogs: CatalogSource, claims: TenantClaims) {
  return createModelsService({ store, log: silentLogger, claims, catalogs });
}

export function catalogsFor(store: PgStore, cache: Cache): CatalogSource {
  return createCatalogSource({ store, cache, log: silentLogger });
}
