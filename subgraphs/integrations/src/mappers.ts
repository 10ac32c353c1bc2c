export type { IntegrationEntity } from './entities/Integration.ts';

/** This subgraph knows a tenant only by its id. */
export interface TenantRef {
  id: string;
}
