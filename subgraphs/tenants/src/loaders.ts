import DataLoader from 'dataloader';
import type { TenantClaims } from '../../kit/src/auth/claims.ts';
import { keysetOrder, keysetWhere } from '../../kit/src/keysetWhere.ts';
import { toConnection } from '../../kit/src/pagination.ts';
import type { Connection, PageRequest } from '../../kit/src/pagination.ts';
import type { PgStore } from '../../kit/src/store/createPgStore.ts';
import { Tenant } from './entities/Tenant.ts';
import type { TenantEntity } from './entities/Tenant.ts';
import { ApiKey } from './entities/ApiKey.ts';
import type { ApiKeyEntity } from './entities/ApiKey.ts';
import { User } from './entities/User.ts';
import type { UserEntity } from './entities/User.ts';

export interface UserPageKey {
  tenantId: string;
  page: PageRequest;
  /** The `after` argument as sent: the same (tenant, first, after) asked twice is read once. */
  cursor: string | null;
}
export type UserPage = Connection<UserEntity> & { totalCount: number };

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
    /**
     * Tenant.users pages, keyed by (tenant, first, after), all in one transaction. Only the caller's
     * own tenant lists its users: for anyone else (operators included) the page is empty, unread.
     */
    userPages: new DataLoader<UserPageKey, UserPage, string>(
      async (keys) => {
        const empty = (page: PageRequest): UserPage => ({ ...toConnection([], page), totalCount: 0 });
        const own = claims.tenantId;
        if (!own || keys.every((key) => key.tenantId !== own)) return keys.map((key) => empty(key.page));
        return store.run(claims, async (em) => {
          const totalCount = await em.count(User, { tenantId: own });
          return Promise.all(
            keys.map(async ({ tenantId, page }) => {
              if (tenantId !== own) return empty(page);
              const rows =
                page.size === 0
                  ? []
                  : await em.find(User, { tenantId, ...keysetWhere(page.after, 'desc') }, { orderBy: keysetOrder('desc'), limit: page.limit });
              return { ...toConnection(rows, page), totalCount };
            }),
          );
        });
      },
      { cacheKeyFn: ({ tenantId, page, cursor }) => JSON.stringify([tenantId, page.size, cursor]) },
    ),
  };
}
export type TenantsLoaders = ReturnType<typeof createTenantsLoaders>;
