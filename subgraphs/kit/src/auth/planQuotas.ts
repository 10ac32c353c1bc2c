import type { Plan } from './claims.ts';
import { ErrorCode, PlatformError } from '../errors.ts';

/** What a tenant's plan allows; each subgraph enforces the limits of what it owns. */
export interface PlanQuota {
  /** Chat messages the tenant may send per UTC day (conversations). */
  readonly messagesPerDay: number;
  /** Monte Carlo runs the tenant may start per UTC day (simulations). */
  readonly simulationsPerDay: number;
  /** Largest iteration count of one run (simulations). */
  readonly maxSimulationIterations: number;
  /** Integrations the tenant may configure (integrations). */
  readonly maxIntegrations: number;
  /** GraphQL operations a minute, every gateway replica together (the gateway). */
  readonly requestsPerMinute: number;
}

/** The one table of plan limits: the tenants subgraph shows it, the others enforce it. */
export const planQuotas: Readonly<Record<Plan, PlanQuota>> = Object.freeze({
  TRIAL: Object.freeze({ messagesPerDay: 200, simulationsPerDay: 10, maxSimulationIterations: 100_000, maxIntegrations: 2, requestsPerMinute: 300 }),
  STANDARD: Object.freeze({ messagesPerDay: 5_000, simulationsPerDay: 100, maxSimulationIterations: 1_000_000, maxIntegrations: 10, requestsPerMinute: 1_200 }),
  PROFESSIONAL: Object.freeze({ messagesPerDay: 50_000, simulationsPerDay: 1_000, maxSimulationIterations: 5_000_000, maxIntegrations: 50, requestsPerMinute: 6_000 }),
  ENTERPRISE: Object.freeze({ messagesPerDay: 1_000_000, simulationsPerDay: 10_000, maxSimulationIterations: 10_000_000, maxIntegrations: 500, requestsPerMinute: 30_000 }),
});

/** A caller whose claims carry no plan gets the smallest allowance, never the largest. */
export function quotaFor(plan: Plan | null): PlanQuota {
  return planQuotas[plan ?? 'TRIAL'];
}

/** The UTC day a daily quota counts in: its start, and when the next one starts. */
export function quotaDay(now: Date = new Date()): { since: Date; resetsAt: Date } {
  const since = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  return { since, resetsAt: new Date(since.getTime() + 86_400_000) };
}

/** The refusal of a daily quota: QUOTA_EXCEEDED with the limit and when the count starts again. */
export function dailyQuotaExceeded(plan: Plan | null, limit: number, what: string, resetsAt: Date): PlatformError {
  return new PlatformError(ErrorCode.QUOTA_EXCEEDED, `The ${plan ?? 'TRIAL'} plan allows ${limit} ${what} a day; the count starts again at ${resetsAt.toISOString()}`, {
    details: { limit, resetsAt: resetsAt.toISOString() },
  });
}
