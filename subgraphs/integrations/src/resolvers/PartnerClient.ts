import { isUuid } from '../../../kit/src/isUuid.ts';
import { pageRequest, toConnection } from '../../../kit/src/pagination.ts';
import type { PartnerClientResolvers, PersistedDocumentResolvers } from '../generated/resolvers.ts';

export const PartnerClient: PartnerClientResolvers = {
  // The loader answers only for the caller's tenant (RLS underneath); anything else is null.
  __resolveReference: (reference, { partnerLoaders }) => (isUuid(reference.id) ? partnerLoaders.partnerClientById.load(reference.id) : null),
  keyPrefix: (client, _args, { partnerLoaders }) => partnerLoaders.keyPrefixByClient.load(client.id),
  documents: async (client, args, { partnerLoaders }) => {
    const page = pageRequest(args);
    const rows = await partnerLoaders.documentsByClient(page).load(client.id);
    return toConnection(rows, page);
  },
};

export const PersistedDocument: PersistedDocumentResolvers = {
  // The public id is the document's hash; the row's UUID only orders pages.
  id: (document) => document.documentId,
};
