import DataLoader from 'dataloader';
import type { TenantClaims } from '../../kit/src/auth/claims.ts';
import type { PgStore } from '../../kit/src/store/createPgStore.ts';
import { Integration } from './entities/Integration.ts';
import type { IntegrationEntity } from './entities/Integration.ts';
import { isUuid } from './services/validateIntegrationInput.ts';

/**
 * Batches every lookup of one request into one query per kind. Only the caller's tenant is ever
 * answered: RLS hides other tenants' rows, and the checks below say so in code too.
 */
export function createIntegrationsLoaders(store: PgStore, claims: TenantClaims) {
  return {
    integrationById: new DataLoader<string, IntegrationEntity | null>(async (ids) => {
      const tenantId = claims.tenantId;
      // A malformed id cannot name a row; leaving it out keeps PostgreSQL from failing the batch.
      const wanted = [...new Set(ids.filter(isUuid))];
      if (!tenantId || wanted.length === 0) return ids.map(() => null);
      const rows = await store.run(claims, (em) => em.find(Integration, { id: { $in: wanted } }));
      const byId = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => {
        const row = byId.get(id) ?? null;
        return row && row.tenantId === tenantId ? row : null;
      });
    }),
    integrationsByTenant: new DataLoader<string, IntegrationEntity[]>(async (tenantIds) => {
      const tenantId = claims.tenantId;
      if (!tenantId || !tenantIds.includes(tenantId)) return tenantIds.map(() => []);
      const rows = await store.run(claims, (em) =>
        em.find(Integration, { tenantId }, { orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] }),
      );
      return tenantIds.map((id) => (id === tenantId ? rows : []));
    }),
  };
}
export type IntegrationsLoaders = ReturnType<typeof createIntegrationsLoaders>;
