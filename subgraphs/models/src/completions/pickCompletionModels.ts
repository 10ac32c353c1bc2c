import type { ModelRecord, TenantCatalog } from '../catalog/TenantCatalog.ts';
import { LIMITS } from '../services/modelsInput.ts';

export interface CompletionPlan {
  /** Models to try in order; empty means the platform's own dialog engine answers (free of charge). */
  models: ModelRecord[];
  firstTokenTimeoutMs: number;
}

/**
 * Which models answer a conversation, in order. The first is the pinned model while it is an
 * enabled model of the tenant, else the routing policy's default; the policy's default and its
 * fallback chain follow (so a pinned model that fails falls back like any other). Only enabled
 * models of the tenant's own catalog are ever chosen. With nothing to route to (no policy, no
 * usable pinned model), the tenant's own BUILTIN model answers if it has one, else the platform's
 * dialog engine (an empty list).
 */
export function pickCompletionModels(catalog: TenantCatalog | null, pinnedModelId: string | null): CompletionPlan {
  const policy = catalog?.routingPolicy ?? null;
  const firstTokenTimeoutMs = policy?.firstTokenTimeoutMs ?? LIMITS.firstTokenTimeoutMs.fallback;
  const usable = new Map((catalog?.models ?? []).filter((m) => m.enabled && m.tenantId === catalog?.tenantId).map((m) => [m.id, m]));
  const wanted = [pinnedModelId?.toLowerCase(), policy?.defaultModelId, ...(policy?.fallbackModelIds ?? [])];
  const models: ModelRecord[] = [];
  for (const id of wanted) {
    const model = id ? usable.get(id) : undefined;
    if (model && !models.includes(model)) models.push(model);
  }
  if (models.length === 0) {
    const builtin = [...usable.values()].find((m) => m.providerKind === 'BUILTIN');
    if (builtin) models.push(builtin);
  }
  return { models, firstTokenTimeoutMs };
}
