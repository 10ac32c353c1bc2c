import type { Plan } from '../../../kit/src/auth/claims.ts';

/** Iterations one run may have, by the tenant's plan. */
export const iterationLimitByPlan: Readonly<Record<Plan, number>> = {
  TRIAL: 100_000,
  STANDARD: 1_000_000,
  PROFESSIONAL: 5_000_000,
  ENTERPRISE: 10_000_000,
};

/** A caller whose claims carry no plan gets the smallest allowance. */
export function iterationLimitFor(plan: Plan | null): number {
  return iterationLimitByPlan[plan ?? 'TRIAL'];
}

/** Runs of one tenant that may wait or run at once, so one tenant cannot fill the shared workers' queue. */
export const MAX_UNFINISHED_RUNS_PER_TENANT = 20;
