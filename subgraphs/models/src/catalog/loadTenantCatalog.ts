import type { TenantClaims } from '../../../kit/src/auth/claims.ts';
import type { PgStore } from '../../../kit/src/store/createPgStore.ts';
import { Model } from '../entities/Model.ts';
import { Provider } from '../entities/Provider.ts';
import { RoutingPolicy } from '../entities/RoutingPolicy.ts';
import { buildCatalog } from './TenantCatalog.ts';
import type { TenantCatalog } from './TenantCatalog.ts';

/** Reads the caller's whole catalog in one transaction: three statements, whatever its size. */
export async function loadTenantCatalog(store: PgStore, claims: TenantClaims & { tenantId: string }): Promise<TenantCatalog> {
  const { tenantId } = claims;
  return store.run(claims, async (em) => {
    // RLS limits every statement to the caller's tenant; the explicit condition states it where the code reads it.
    const [providers, models, policy] = await Promise.all([
      em.find(Provider, { tenantId }),
      em.find(Model, { tenantId }),
      em.findOne(RoutingPolicy, { tenantId }),
    ]);
    return buildCatalog(tenantId, providers, models, policy);
  });
}
