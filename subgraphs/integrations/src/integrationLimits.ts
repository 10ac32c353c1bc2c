import type { Plan } from '../../kit/src/auth/claims.ts';
import { quotaFor } from '../../kit/src/auth/planQuotas.ts';

/** How many integrations a tenant may have, by the plan in its claims (the smallest without one). */
export function maxIntegrationsFor(plan: Plan | null): number {
  return quotaFor(plan).maxIntegrations;
}
