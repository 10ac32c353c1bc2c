import DataLoader from 'dataloader';
import type { TenantClaims } from '../../kit/src/auth/claims.ts';
import { pageRequest, toConnection } from '../../kit/src/pagination.ts';
import type { PageArgs, PageRequest } from '../../kit/src/pagination.ts';
import type { PgStore } from '../../kit/src/store/createPgStore.ts';
import { Simulation } from './entities/Simulation.ts';
import type { SimulationEntity } from './entities/Simulation.ts';
import type { SimulationConnectionData } from './mappers.ts';
import { isUuid } from '../../kit/src/isUuid.ts';

interface PageKey {
  tenantId: string;
  page: PageRequest;
}

/** Batches every lookup of one request: runs by id, and pages of a tenant's runs. */
export function createSimulationsLoaders(store: PgStore, claims: TenantClaims) {
  const simulationById = new DataLoader<string, SimulationEntity | null>(async (ids) => {
    const wanted = [...new Set(ids.filter(isUuid))];
    if (!claims.tenantId || wanted.length === 0) return ids.map(() => null);
    const rows = await store.run(claims, (em) => em.find(Simulation, { id: { $in: wanted } }));
    const byId = new Map(rows.map((row) => [row.id, row]));
    // RLS already hides other tenants' runs; this states the rule where the code reads it too.
    return ids.map((id) => {
      const row = byId.get(id) ?? null;
      return row && row.tenantId === claims.tenantId ? row : null;
    });
  });

  // One transaction for every page asked in this request; only the caller's tenant has runs to show.
  const simulationPages = new DataLoader<PageKey, SimulationConnectionData, string>(
    async (keys) => {
      const empty = (page: PageRequest): SimulationConnectionData => ({ ...toConnection([], page), totalCount: 0 });
      if (!claims.tenantId || keys.every((key) => key.tenantId !== claims.tenantId)) return keys.map((key) => empty(key.page));
      return store.run(claims, (em) =>
        Promise.all(
          keys.map(async ({ tenantId, page }) => {
            if (tenantId !== claims.tenantId) return empty(page);
            const base = { tenantId };
            const where = page.after
              ? {
                  ...base,
                  $or: [{ createdAt: { $lt: page.after.createdAt } }, { createdAt: page.after.createdAt, id: { $lt: page.after.id } }],
                }
              : base;
            const [rows, totalCount] = await Promise.all([
              page.size === 0 ? Promise.resolve([]) : em.find(Simulation, where, { orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], limit: page.limit }),
              em.count(Simulation, base),
            ]);
            return { ...toConnection(rows, page), totalCount };
          }),
        ),
      );
    },
    { cacheKeyFn: ({ tenantId, page }) => JSON.stringify([tenantId, page.size, page.after?.createdAt.toISOString() ?? null, page.after?.id ?? null]) },
  );

  return {
    simulationById,
    /** A page of a tenant's runs, newest first; bad paging arguments throw BAD_USER_INPUT here. */
    simulationsOfTenant(tenantId: string, args: PageArgs): Promise<SimulationConnectionData> {
      return simulationPages.load({ tenantId, page: pageRequest(args) });
    },
  };
}
export type SimulationsLoaders = ReturnType<typeof createSimulationsLoaders>;
