import type { TenantClaims } from '../../../subgraphs/kit/src/auth/claims.ts';
import { quotaFor } from '../../../subgraphs/kit/src/auth/planQuotas.ts';
import type { Cache } from '../../../subgraphs/kit/src/cache/Cache.ts';
import { ErrorCode, PlatformError, describeError } from '../../../subgraphs/kit/src/errors.ts';
import type { Logger } from '../../../subgraphs/kit/src/log.ts';

export interface RateLimiter {
  /** Counts one operation of the caller's tenant; the refusal (RATE_LIMITED, 429) once its plan's rate is used up, else null. */
  take(claims: TenantClaims, requestId: string): Promise<PlatformError | null>;
}

const WINDOW_SECONDS = 60;

/**
 * Operations per minute per tenant, by plan (PlanQuota.requestsPerMinute), counted in fixed
 * one-minute windows in the shared cache, so every gateway replica draws on the same allowance.
 * Platform operators (no tenant) are not limited. Should the cache fail, requests pass (logged):
 * an outage of the counter must not become an outage of the platform.
 */
export function createRateLimiter(options: { cache: Cache; log: Logger; now?: () => number }): RateLimiter {
  const { cache, log } = options;
  const now = options.now ?? Date.now;
  return {
    async take(claims, requestId) {
      if (!claims.tenantId) return null;
      const limit = quotaFor(claims.plan).requestsPerMinute;
      const at = now();
      const window = Math.floor(at / (WINDOW_SECONDS * 1000));
      let count: number;
      try {
        // A little longer than the window, so a slow clock between replicas does not restart it.
        count = await cache.increment(`ratelimit:${claims.tenantId}:${window}`, WINDOW_SECONDS + 5);
      } catch (error) {
        log.warn('rate limit counter unavailable; request allowed', { requestId, tenantId: claims.tenantId, error: describeError(error) });
        return null;
      }
      if (count <= limit) return null;
      const retryAfterSeconds = Math.max(1, Math.ceil(((window + 1) * WINDOW_SECONDS * 1000 - at) / 1000));
      if (count === limit + 1) log.info('tenant rate limited', { requestId, tenantId: claims.tenantId, plan: claims.plan, limit });
      return new PlatformError(ErrorCode.RATE_LIMITED, `The ${claims.plan ?? 'TRIAL'} plan allows ${limit} operations a minute; retry in ${retryAfterSeconds} s`, {
        details: { limit, retryAfterSeconds },
        httpStatus: true,
      });
    },
  };
}
