import type { PartnerClientEntity } from './entities/PartnerClient.ts';

export type { IntegrationEntity } from './entities/Integration.ts';
export type { PartnerClientEntity } from './entities/PartnerClient.ts';
export type { PersistedDocumentEntity } from './entities/PersistedDocument.ts';

/** This subgraph knows a tenant only by its id. */
export interface TenantRef {
  id: string;
}

/** The gateway's view of a partner client (internal lookup). */
export interface PartnerAccessView {
  clientId: string;
  clientName: string;
  tenantId: string;
  documentIds: string[];
}

/** A client with an API key shown once (create, rotate). */
export interface PartnerClientWithKey {
  client: PartnerClientEntity;
  apiKey: string;
}
