import { ErrorCode, PlatformError } from '../../../subgraphs/kit/src/errors.ts';

export interface SubscriptionLimitsOptions {
  /** Subscriptions open at once on one socket (default 20). */
  perSocket: number;
  /** Subscriptions open at once for one tenant across this gateway process (default 200). */
  perTenant: number;
}

export interface SubscriptionLimits {
  /**
   * Takes a slot for a new subscription, or throws QUOTA_EXCEEDED. `socketCount` is how many the
   * socket holds now. Returns the release, which is safe to call more than once.
   */
  acquire(tenantKey: string, socketCount: number): () => void;
  /** Open subscriptions per tenant key (only tenants with at least one). */
  byTenant(): ReadonlyMap<string, number>;
}

/**
 * In-process counters: each gateway replica bounds what it holds itself (a tenant's sockets are
 * spread over replicas, so the effective ceiling is per replica). Memory stays proportional to
 * the tenants that have subscriptions open: a tenant at zero is forgotten.
 */
export function createSubscriptionLimits(options: SubscriptionLimitsOptions): SubscriptionLimits {
  const tenants = new Map<string, number>();
  return {
    acquire(tenantKey, socketCount) {
      if (socketCount >= options.perSocket) {
        throw new PlatformError(ErrorCode.QUOTA_EXCEEDED, `At most ${options.perSocket} subscriptions at once on one connection`, {
          details: { limit: options.perSocket, scope: 'connection' },
        });
      }
      const held = tenants.get(tenantKey) ?? 0;
      if (held >= options.perTenant) {
        throw new PlatformError(ErrorCode.QUOTA_EXCEEDED, `At most ${options.perTenant} subscriptions at once for one tenant`, {
          details: { limit: options.perTenant, scope: 'tenant' },
        });
      }
      tenants.set(tenantKey, held + 1);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        const left = (tenants.get(tenantKey) ?? 1) - 1;
        if (left <= 0) tenants.delete(tenantKey);
        else tenants.set(tenantKey, left);
      };
    },
    byTenant: () => tenants,
  };
}
