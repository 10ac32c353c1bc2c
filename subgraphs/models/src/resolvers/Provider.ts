import type { ProviderResolvers } from '../generated/resolvers.ts';

export const Provider: ProviderResolvers = {
  models: (provider, _args, { loaders }) => loaders.modelsByProvider.load(provider.id),
};
