import type { Plan } from '../../../kit/src/auth/claims.ts';
import { quotaFor } from '../../../kit/src/auth/planQuotas.ts';

/** Iterations one run may have, by the tenant's plan (the smallest without one). */
export function iterationLimitFor(plan: Plan | null): number {
  return quotaFor(plan).maxSimulationIterations;
}

/** Runs of one tenant that may wait or run at once, so one tenant cannot fill the shared workers' queue. */
export const MAX_UNFINISHED_RUNS_PER_TENANT = 20;
