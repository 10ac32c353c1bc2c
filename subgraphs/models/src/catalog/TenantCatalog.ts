import type { ProviderKindName, ProviderEntity } from '../entities/Provider.ts';
import type { ModelEntity } from '../entities/Model.ts';
import type { RoutingPolicyEntity } from '../entities/RoutingPolicy.ts';

/**
 * The read model of the subgraph: everything a tenant has configured, as plain JSON-safe records.
 * It is small (bounded per tenant), read on almost every request (Conversation.model, Tenant.models)
 * and written rarely, so it is cached whole per tenant and every read is served from it.
 */
export interface ProviderRecord {
  id: string;
  tenantId: string;
  name: string;
  kind: ProviderKindName;
  baseUrl: string | null;
}

export interface ModelRecord {
  id: string;
  tenantId: string;
  providerId: string;
  /** Kind of the serving provider, copied here so Model.provider needs no second lookup. */
  providerKind: ProviderKindName;
  name: string;
  contextWindow: number;
  inputCostPerMillion: number;
  outputCostPerMillion: number;
  enabled: boolean;
}

export interface RoutingPolicyRecord {
  id: string;
  tenantId: string;
  defaultModelId: string;
  fallbackModelIds: string[];
  firstTokenTimeoutMs: number;
}

export interface TenantCatalog {
  tenantId: string;
  /** Ordered by name, then id. */
  providers: ProviderRecord[];
  /** Ordered by name, then id. */
  models: ModelRecord[];
  routingPolicy: RoutingPolicyRecord | null;
}

export function toProviderRecord(row: ProviderEntity): ProviderRecord {
  return { id: row.id, tenantId: row.tenantId, name: row.name, kind: row.kind, baseUrl: row.baseUrl ?? null };
}

export function toModelRecord(row: ModelEntity, providerKind: ProviderKindName): ModelRecord {
  return {
    id: row.id,
    tenantId: row.tenantId,
    providerId: row.providerId,
    providerKind,
    name: row.name,
    contextWindow: row.contextWindow,
    inputCostPerMillion: row.inputCostPerMillion,
    outputCostPerMillion: row.outputCostPerMillion,
    enabled: row.enabled,
  };
}

export function toRoutingPolicyRecord(row: RoutingPolicyEntity): RoutingPolicyRecord {
  return {
    id: row.id,
    tenantId: row.tenantId,
    defaultModelId: row.defaultModelId,
    fallbackModelIds: [...row.fallbackModelIds],
    firstTokenTimeoutMs: row.firstTokenTimeoutMs,
  };
}

const byNameThenId = (a: { name: string; id: string }, b: { name: string; id: string }) =>
  a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

/** Assembles one tenant's catalog from its rows; rows of any other tenant are dropped. */
export function buildCatalog(
  tenantId: string,
  providers: readonly ProviderEntity[],
  models: readonly ModelEntity[],
  policy: RoutingPolicyEntity | null,
): TenantCatalog {
  const own = <T extends { tenantId: string }>(rows: readonly T[]) => rows.filter((row) => row.tenantId === tenantId);
  const providerRecords = own(providers).map(toProviderRecord).sort(byNameThenId);
  const kindOf = new Map(providerRecords.map((p) => [p.id, p.kind]));
  const modelRecords = own(models)
    .flatMap((m) => {
      const kind = kindOf.get(m.providerId);
      return kind ? [toModelRecord(m, kind)] : [];
    })
    .sort(byNameThenId);
  return {
    tenantId,
    providers: providerRecords,
    models: modelRecords,
    routingPolicy: policy && policy.tenantId === tenantId ? toRoutingPolicyRecord(policy) : null,
  };
}

/** A cached value is trusted only if it has the catalog's shape and belongs to the tenant asked for. */
export function isCatalogOf(value: unknown, tenantId: string): value is TenantCatalog {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return v.tenantId === tenantId && Array.isArray(v.providers) && Array.isArray(v.models) && 'routingPolicy' in v;
}
