import { isUuid } from '../../../kit/src/isUuid.ts';
import type { IntegrationResolvers } from '../generated/resolvers.ts';

export const Integration: IntegrationResolvers = {
  // The loader answers only for the caller's tenant (RLS underneath); anything else is null.
  __resolveReference: (reference, { loaders }) => (isUuid(reference.id) ? loaders.integrationById.load(reference.id) : null),
};
