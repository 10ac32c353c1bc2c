import type { SubscriptionResolvers } from '../generated/resolvers.ts';

export const Subscription: SubscriptionResolvers = {
  messageStream: {
    // NOT_FOUND (thrown here, before any event) unless the conversation is the caller's.
    subscribe: (_parent, { conversationId }, { messageStreams }) => messageStreams.open(conversationId),
  },
};
