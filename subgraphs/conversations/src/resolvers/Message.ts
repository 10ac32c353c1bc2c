import { notFound } from '../../../kit/src/errors.ts';
import { isUuid } from '../../../kit/src/isUuid.ts';
import type { MessageResolvers } from '../generated/resolvers.ts';

export const Message: MessageResolvers = {
  // The loader reads the caller's tenant only: another tenant's message resolves to null.
  __resolveReference: (reference, { loaders }) => (isUuid(reference.id) ? loaders.messageById.load(reference.id) : null),
  conversation: async (message, _args, { loaders }) => {
    const conversation = await loaders.conversationById.load(message.conversationId);
    // The foreign key (tenant_id, conversation_id) makes this unreachable on PostgreSQL.
    if (!conversation) throw notFound('Conversation', message.conversationId);
    return conversation;
  },
};
