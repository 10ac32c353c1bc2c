import type { MutationResolvers } from '../generated/resolvers.ts';

export const Mutation: MutationResolvers = {
  createIntegration: (_parent, { input }, { integrations }) => integrations.create(input),
  setIntegrationCredentials: (_parent, { id, credentials }, { integrations }) => integrations.setCredentials(id, credentials),
  setIntegrationStatus: (_parent, { id, status }, { integrations }) => integrations.setStatus(id, status),
  createPartnerClient: (_parent, { input }, { partners }) => partners.create(input),
  rotatePartnerKey: (_parent, { clientId }, { partners }) => partners.rotateKey(clientId),
  revokePartnerKey: (_parent, { clientId }, { partners }) => partners.revokeKey(clientId),
  registerPersistedDocuments: async (_parent, { clientId, manifest }, { partners }) => ({
    documentIds: await partners.registerDocuments(clientId, manifest),
  }),
};
