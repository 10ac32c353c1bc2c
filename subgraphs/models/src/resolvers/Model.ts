import { isUuid } from '../../../kit/src/isUuid.ts';
import type { ModelResolvers } from '../generated/resolvers.ts';

export const Model: ModelResolvers = {
  // Only models of the caller's tenant resolve; the loader reads no other catalog, and the check says so here too.
  __resolveReference: async (reference, { loaders, claims }) => {
    if (!isUuid(reference.id)) return null;
    const model = await loaders.modelById.load(reference.id);
    return model && model.tenantId === claims.tenantId ? model : null;
  },
  provider: (model) => model.providerKind,
  providerConfig: async (model, _args, { loaders }) => {
    const provider = await loaders.providerById.load(model.providerId);
    // The composite foreign key keeps a model with its provider; a miss is a broken invariant, not user error.
    if (!provider) throw new Error(`provider ${model.providerId} of model ${model.id} is missing from the catalog`);
    return provider;
  },
};
