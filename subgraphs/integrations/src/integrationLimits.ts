import type { Plan } from '../../kit/src/auth/claims.ts';

/** How many integrations a tenant may have, by the plan in its claims. */
export const maxIntegrationsByPlan: Readonly<Record<Plan, number>> = Object.freeze({
  TRIAL: 2,
  STANDARD: 10,
  PROFESSIONAL: 50,
  ENTERPRISE: 500,
});

/** A caller whose claims carry no plan gets the smallest allowance, never the largest. */
export function maxIntegrationsFor(plan: Plan | null): number {
  return maxIntegrationsByPlan[plan ?? 'TRIAL'];
}
