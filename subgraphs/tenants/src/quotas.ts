import type { Plan } from '../../kit/src/auth/claims.ts';

/** Limits per plan; the subgraphs that enforce a limit read it from the caller's plan claim. */
export const quotaByPlan: Record<Plan, { messagesPerDay: number; simulationsPerDay: number; maxSimulationIterations: number; maxIntegrations: number }> = {
  TRIAL: { messagesPerDay: 200, simulationsPerDay: 10, maxSimulationIterations: 100_000, maxIntegrations: 2 },
  STANDARD: { messagesPerDay: 5_000, simulationsPerDay: 100, maxSimulationIterations: 1_000_000, maxIntegrations: 10 },
  PROFESSIONAL: { messagesPerDay: 50_000, simulationsPerDay: 1_000, maxSimulationIterations: 5_000_000, maxIntegrations: 50 },
  ENTERPRISE: { messagesPerDay: 1_000_000, simulationsPerDay: 10_000, maxSimulationIterations: 10_000_000, maxIntegrations: 500 },
};
