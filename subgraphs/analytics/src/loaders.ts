import DataLoader from 'dataloader';
import type { TenantClaims } from '../../kit/src/auth/claims.ts';
import { forbidden } from '../../kit/src/errors.ts';
import type { PgStore } from '../../kit/src/store/createPgStore.ts';
import { UsageDaily } from './entities/UsageDaily.ts';
import type { Usage } from './generated/resolvers.ts';
import { toUsage, windowDays, zeroTotals } from './usageWindow.ts';
import type { UsageTotals } from './usageWindow.ts';

export interface UsageKey {
  tenantId: string;
  days: number;
}

/**
 * Batches every usage lookup of one request (many references, aliased `usage(days:)` fields)
 * into one transaction of two statements: all-time totals grouped by tenant, and the buckets of
 * the widest requested window.
 */
export function createAnalyticsLoaders(store: PgStore, claims: TenantClaims, now: () => Date) {
  return {
    usageByTenant: new DataLoader<UsageKey, Usage, string>(
      async (keys) => {
        const today = now();
        const tenantIds = [...new Set(keys.map((k) => k.tenantId))];
        const widest = Math.max(...keys.map((k) => k.days));
        const since = windowDays(today, widest)[0]!;
        const { totals, buckets } = await store.run(claims, async (em) => {
          const totalRows = await em.execute<Array<{ tenant_id: string } & UsageTotals>>(
            `select tenant_id,
               coalesce(sum(messages), 0)::float8 as messages,
               coalesce(sum(simulations), 0)::float8 as simulations,
               coalesce(sum(completions), 0)::float8 as completions,
               coalesce(sum(tokens), 0)::float8 as tokens,
               coalesce(sum(cost_usd), 0)::float8 as "costUsd"
             from usage_daily where tenant_id in (?) group by tenant_id`,
            [tenantIds],
          );
          const bucketRows = await em.find(UsageDaily, { tenantId: { $in: tenantIds }, day: { $gte: since } });
          return { totals: totalRows, buckets: bucketRows };
        });
        const totalsByTenant = new Map(totals.map((row) => [row.tenant_id, row]));
        const bucketsByTenant = new Map<string, Map<string, UsageTotals>>();
        for (const row of buckets) {
          const days = bucketsByTenant.get(row.tenantId) ?? new Map<string, UsageTotals>();
          days.set(row.day, row);
          bucketsByTenant.set(row.tenantId, days);
        }
        return keys.map((key) =>
          // RLS already hides other tenants' rows; this states the rule where the code reads it too.
          key.tenantId === claims.tenantId
            ? toUsage(totalsByTenant.get(key.tenantId) ?? zeroTotals, bucketsByTenant.get(key.tenantId) ?? new Map(), windowDays(today, key.days))
            : forbidden("Only the caller's own tenant usage can be read"),
        );
      },
      { cacheKeyFn: (key) => `${key.tenantId}:${key.days}` },
    ),
  };
}
export type AnalyticsLoaders = ReturnType<typeof createAnalyticsLoaders>;
