import type { QueryResolvers } from '../generated/resolvers.ts';

export const Query: QueryResolvers = {
  // The loaders hold only the caller's catalog: another tenant's id resolves to null.
  model: (_parent, { id }, { loaders }) => loaders.modelById.load(id),
};
