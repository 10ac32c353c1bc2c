import { isUuid } from '../../../kit/src/isUuid.ts';
import type { UserResolvers } from '../generated/resolvers.ts';

export const User: UserResolvers = {
  // Only the caller's own user is resolvable by reference; other users stay private to the tenant.
  __resolveReference: async (reference, { tenants, claims }) => {
    // Any other id (or a malformed one) is null without a read.
    if (!isUuid(reference.id) || reference.id !== claims.userId) return null;
    const me = await tenants.me();
    return me && me.id === reference.id ? me : null;
  },
};
