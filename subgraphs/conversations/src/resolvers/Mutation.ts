import type { MutationResolvers } from '../generated/resolvers.ts';

export const Mutation: MutationResolvers = {
  createConversation: (_parent, { input }, { conversations }) => conversations.create(input),
  sendMessage: (_parent, { conversationId, content }, { conversations }) => conversations.sendMessage(conversationId, content),
};
