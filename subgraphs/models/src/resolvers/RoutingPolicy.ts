import type { ModelRecord } from '../catalog/TenantCatalog.ts';
import type { RoutingPolicyResolvers } from '../generated/resolvers.ts';

export const RoutingPolicy: RoutingPolicyResolvers = {
  defaultModel: async (policy, _args, { loaders }) => {
    const model = await loaders.modelById.load(policy.defaultModelId);
    // The composite foreign key guarantees the default exists in the tenant; a miss is a broken invariant.
    if (!model) throw new Error(`default model ${policy.defaultModelId} of routing policy ${policy.id} is missing`);
    return model;
  },
  fallbackChain: async (policy, _args, { loaders }) => {
    const models = await loaders.modelById.loadMany(policy.fallbackModelIds);
    return models.filter((m): m is ModelRecord => {
      if (m instanceof Error) throw m;
      // Validated on write; a model missing now is skipped rather than failing the whole policy.
      return m !== null;
    });
  },
};
