import type { UserResolvers } from '../generated/resolvers.ts';

export const User: UserResolvers = {
  // Only the caller's own user is resolvable by reference; other users stay private to the tenant.
  __resolveReference: async (reference, { tenants }) => {
    const me = await tenants.me();
    return me && me.id === reference.id ? me : null;
  },
};
