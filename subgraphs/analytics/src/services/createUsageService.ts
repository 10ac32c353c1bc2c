import type { TenantClaims } from '../../../kit/src/auth/claims.ts';
import { badInput, forbidden } from '../../../kit/src/errors.ts';
import type { Usage } from '../generated/resolvers.ts';
import type { AnalyticsLoaders } from '../loaders.ts';
import { MAX_USAGE_DAYS, MIN_USAGE_DAYS } from '../usageWindow.ts';

/** Read rules of the analytics subgraph, bound to one caller. */
export function createUsageService({ claims, loaders }: { claims: TenantClaims; loaders: AnalyticsLoaders }) {
  return {
    usageOf(tenantId: string, days: number): Promise<Usage> {
      if (!Number.isInteger(days) || days < MIN_USAGE_DAYS || days > MAX_USAGE_DAYS) {
        throw badInput(`\`days\` must be between ${MIN_USAGE_DAYS} and ${MAX_USAGE_DAYS}, got ${days}`, { field: 'days' });
      }
      if (tenantId !== claims.tenantId) throw forbidden("Only the caller's own tenant usage can be read");
      return loaders.usageByTenant.load({ tenantId, days });
    },
  };
}
export type UsageService = ReturnType<typeof createUsageService>;
