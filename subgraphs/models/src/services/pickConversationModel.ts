import type { TenantClaims } from '../../../kit/src/auth/claims.ts';
import type { ModelRecord } from '../catalog/TenantCatalog.ts';
import type { ModelsLoaders } from '../loaders.ts';

/**
 * The model that answers a conversation: the pinned one while it is a model of the caller's tenant
 * and enabled, else the tenant's routing-policy default, else none. Lookups go through the request's
 * loaders, so any number of conversations cost one catalog read.
 *
 * The conversation itself belongs to the conversations subgraph, which this one cannot read; the
 * tenant rule holds all the same, because only the caller's own models can come out of here.
 */
export async function pickConversationModel(
  modelId: string | null,
  loaders: Pick<ModelsLoaders, 'modelById' | 'defaultModelForTenant'>,
  claims: TenantClaims,
): Promise<ModelRecord | null> {
  if (!claims.tenantId) return null;
  const pinned = modelId ? await loaders.modelById.load(modelId) : null;
  if (pinned && pinned.enabled && pinned.tenantId === claims.tenantId) return pinned;
  return loaders.defaultModelForTenant.load(claims.tenantId);
}
