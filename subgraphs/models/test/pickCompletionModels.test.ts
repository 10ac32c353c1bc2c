import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { ModelRecord, TenantCatalog } from '../src/catalog/TenantCatalog.ts';
import { pickCompletionModels } from '../src/completions/pickCompletionModels.ts';
import type { ProviderKindName } from '../src/entities/Provider.ts';

const tenantId = randomUUID();
const model = (name: string, options: { kind?: ProviderKindName; enabled?: boolean } = {}): ModelRecord => ({
  id: randomUUID(),
  tenantId,
  providerId: randomUUID(),
  providerKind: options.kind ?? 'OPENAI',
  name,
  contextWindow: 128_000,
  inputCostPerMillion: 0,
  outputCostPerMillion: 0,
  enabled: options.enabled ?? true,
});
const catalogOf = (models: ModelRecord[], policy?: { defaultModelId: string; fallbackModelIds?: string[]; firstTokenTimeoutMs?: number }): TenantCatalog => ({
  tenantId,
  providers: [],
  models,
  routingPolicy: policy
    ? { id: randomUUID(), tenantId, defaultModelId: policy.defaultModelId, fallbackModelIds: policy.fallbackModelIds ?? [], firstTokenTimeoutMs: policy.firstTokenTimeoutMs ?? 2_000 }
    : null,
});
const names = (plan: ReturnType<typeof pickCompletionModels>) => plan.models.map((m) => m.name);

describe('pickCompletionModels', () => {
  const a = model('a');
  const b = model('b');
  const c = model('c');
  const off = model('off', { enabled: false });
  const builtin = model('builtin', { kind: 'BUILTIN' });

  it('tries the pinned model, then the policy default and its fallbacks, each once, with the policy timeout', () => {
    const catalog = catalogOf([a, b, c], { defaultModelId: a.id, fallbackModelIds: [b.id, c.id], firstTokenTimeoutMs: 750 });
    expect(pickCompletionModels(catalog, null)).toEqual({ models: [a, b, c], firstTokenTimeoutMs: 750 });
    expect(names(pickCompletionModels(catalog, b.id))).toEqual(['b', 'a', 'c']);
    expect(names(pickCompletionModels(catalog, b.id.toUpperCase()))).toEqual(['b', 'a', 'c']);
  });

  it('routes only to enabled models of the tenant’s own catalog', () => {
    const catalog = catalogOf([a, b, off], { defaultModelId: a.id, fallbackModelIds: [off.id, b.id] });
    expect(names(pickCompletionModels(catalog, off.id))).toEqual(['a', 'b']);
    expect(names(pickCompletionModels(catalog, randomUUID()))).toEqual(['a', 'b']);
    const foreign = { ...model('foreign'), tenantId: randomUUID() };
    expect(names(pickCompletionModels(catalogOf([a, foreign]), foreign.id))).toEqual([]);
  });

  it('without a policy: the pinned model, else the tenant’s BUILTIN model, else the platform engine (empty)', () => {
    expect(names(pickCompletionModels(catalogOf([a, builtin]), a.id))).toEqual(['a']);
    expect(names(pickCompletionModels(catalogOf([a, builtin]), null))).toEqual(['builtin']);
    expect(pickCompletionModels(catalogOf([a]), null)).toEqual({ models: [], firstTokenTimeoutMs: 15_000 });
    expect(pickCompletionModels(null, null).models).toEqual([]);
  });
});
