import type { QueryResolvers } from '../generated/resolvers.ts';

export const Query: QueryResolvers = {
  integration: (_parent, { id }, { claims, loaders }) => (claims.tenantId ? loaders.integrationById.load(id) : null),
  // @inaccessible: reachable only by the gateway's own calls, and refused without the internal scope.
  partnerAccess: (_parent, { keyHash }, { partnerLookup }) => partnerLookup.access(keyHash),
  partnerDocument: (_parent, { clientId, documentId }, { partnerLookup }) => partnerLookup.document(clientId, documentId),
};
