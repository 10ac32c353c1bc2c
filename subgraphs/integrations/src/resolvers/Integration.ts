import type { IntegrationResolvers } from '../generated/resolvers.ts';

export const Integration: IntegrationResolvers = {
  // The loader answers only for the caller's tenant (RLS underneath); anything else is null.
  __resolveReference: (reference, { loaders }) => loaders.integrationById.load(reference.id),
};
