import type { TenantClaims } from '../../../subgraphs/kit/src/auth/claims.ts';
import { quotaFor } from '../../../subgraphs/kit/src/auth/planQuotas.ts';
import type { Cache } from '../../../subgraphs/kit/src/cache/Cache.ts';
import { ErrorCode, PlatformError, describeError } from '../../../subgraphs/kit/src/errors.ts';
import type { Logger } from '../../../subgraphs/kit/src/log.ts';

export interface RateLimiter {
  /**
   * Counts one operation of the caller's tenant; the refusal (RATE_LIMITED) once its plan's rate
   * is used up, else null. Over HTTP (`http`) the refusal carries status 429 and Retry-After.
   */
  take(claims: TenantClaims, requestId: string, transport?: 'http' | 'socket'): Promise<PlatformError | null>;
}

const WINDOW_SECONDS = 60;
/** A counter that does not answer within this lets the request through (Redis reconnecting, say). */
const COUNTER_TIMEOUT_MS = 100;

/**
 * Operations per minute per tenant, by plan (PlanQuota.requestsPerMinute), counted in fixed
 * one-minute windows in the shared cache, so every gateway replica draws on the same allowance.
 * Platform operators (no tenant) are not limited. Should the cache fail, requests pass (logged):
 * an outage of the counter must not become an outage of the platform.
 */
export function createRateLimiter(options: { cache: Cache; log: Logger; now?: () => number; counterTimeoutMs?: number }): RateLimiter {
  const { cache, log } = options;
  const now = options.now ?? Date.now;
  const timeoutMs = options.counterTimeoutMs ?? COUNTER_TIMEOUT_MS;
  return {
    async take(claims, requestId, transport = 'http') {
      if (!claims.tenantId) return null;
      const limit = quotaFor(claims.plan).requestsPerMinute;
      const at = now();
      const window = Math.floor(at / (WINDOW_SECONDS * 1000));
      let count: number;
      let timer: NodeJS.Timeout | undefined;
      try {
        // A little longer than the window, so a slow clock between replicas does not restart it.
        const counted = cache.increment(`ratelimit:${claims.tenantId}:${window}`, WINDOW_SECONDS + 5);
        const late = new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
        });
        count = await Promise.race([counted, late]);
      } catch (error) {
        log.warn('rate limit counter unavailable; request allowed', { requestId, tenantId: claims.tenantId, error: describeError(error) });
        return null;
      } finally {
        clearTimeout(timer);
      }
      if (count <= limit) return null;
      const retryAfterSeconds = Math.max(1, Math.ceil(((window + 1) * WINDOW_SECONDS * 1000 - at) / 1000));
      if (count === limit + 1) log.info('tenant rate limited', { requestId, tenantId: claims.tenantId, plan: claims.plan, limit });
      const refused = new PlatformError(ErrorCode.RATE_LIMITED, `The ${claims.plan ?? 'TRIAL'} plan allows ${limit} operations a minute; retry in ${retryAfterSeconds} s`, {
        details: { limit, retryAfterSeconds },
        httpStatus: transport === 'http',
      });
      // Apollo Server sets the status and headers of `extensions.http` and sends neither in the body.
      if (transport === 'http') (refused.extensions.http as { headers?: Map<string, string> }).headers = new Map([['retry-after', String(retryAfterSeconds)]]);
      return refused;
    },
  };
}
