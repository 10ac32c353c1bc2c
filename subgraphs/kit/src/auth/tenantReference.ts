import { forbidden } from '../errors.ts';
import type { TenantClaims } from './claims.ts';

/**
 * `Tenant.__resolveReference` of every subgraph that extends Tenant with tenant data (models,
 * conversations, integrations, usage, simulations). The caller's own tenant resolves to `{ id }`;
 * another tenant, or a reference without a usable id, to null: never another tenant's data.
 *
 * A caller without a tenant (a platform operator) is refused rather than given null: the fields
 * these subgraphs add are non-null, so a null entity would void the operator's whole response
 * without a word. FORBIDDEN says why, and the tenant records from the tenants subgraph remain.
 */
export async function resolveTenantReference(reference: { id?: unknown }, claims: TenantClaims): Promise<{ id: string } | null> {
  // Async on purpose: @apollo/subgraph calls every __resolveReference of an `_entities` request in
  // one map, so a synchronous throw would fail the whole list; a rejection fails this entity only.
  if (!claims.tenantId) throw forbidden('Platform operators see tenant records, not tenant data');
  return reference.id === claims.tenantId ? { id: claims.tenantId } : null;
}
