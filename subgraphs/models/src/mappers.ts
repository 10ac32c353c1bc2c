export type { ModelRecord, ProviderRecord, RoutingPolicyRecord } from './catalog/TenantCatalog.ts';

/** A tenant this subgraph extends: only its id (the tenants subgraph owns the rest). */
export interface TenantRef {
  id: string;
}

/** A conversation this subgraph extends: its id and the model it pins (from the conversations subgraph). */
export interface ConversationRef {
  id: string;
  modelId: string | null;
}
