import DataLoader from 'dataloader';
import type { TenantClaims } from '../../kit/src/auth/claims.ts';
import type { PgStore } from '../../kit/src/store/createPgStore.ts';
import { Tenant } from './entities/Tenant.ts';
import type { TenantEntity } from './entities/Tenant.ts';
import { ApiKey } from './entities/ApiKey.ts';
import type { ApiKeyEntity } from './entities/ApiKey.ts';

/** Batches every entity lookup of one request into one query per type. */
export function createTenantsLoaders(store: PgStore, claims: TenantClaims) {
  return {
    tenantById: new DataLoader<string, TenantEntity | null>(async (ids) => {
      const rows = await store.run(claims, (em) => em.find(Tenant, { id: { $in: [...ids] } }));
      const byId = new Map(rows.map((row) => [row.id, row]));
      // RLS already hides other tenants; this states the rule where the code reads it too.
      return ids.map((id) => {
        const row = byId.get(id) ?? null;
        return row && (claims.platformAdmin || row.id === claims.tenantId) ? row : null;
      });
    }),
    apiKeysByTenant: new DataLoader<string, ApiKeyEntity[]>(async (tenantIds) => {
      const rows = await store.run(claims, (em) =>
        em.find(ApiKey, { tenantId: { $in: [...tenantIds] } }, { orderBy: { createdAt: 'desc' } }),
      );
      return tenantIds.map((id) => rows.filter((row) => row.tenantId === id));
    }),
  };
}
export type TenantsLoaders = ReturnType<typeof createTenantsLoaders>;
