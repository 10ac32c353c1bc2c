/** GraphQL type → the type exported by src/mappers.ts that resolvers receive as parent. */
export const mappers: Record<string, string> = {
  Tenant: 'TenantRef',
  Integration: 'IntegrationEntity',
  PartnerClient: 'PartnerClientEntity',
  PersistedDocument: 'PersistedDocumentEntity',
  PartnerAccess: 'PartnerAccessView',
  CreatePartnerClientPayload: 'PartnerClientWithKey',
  RotatePartnerKeyPayload: 'PartnerClientWithKey',
};
