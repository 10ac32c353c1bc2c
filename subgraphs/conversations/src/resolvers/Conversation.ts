import { isUuid } from '../../../kit/src/isUuid.ts';
import { pageRequest } from '../../../kit/src/pagination.ts';
import type { ConversationResolvers } from '../generated/resolvers.ts';

export const Conversation: ConversationResolvers = {
  // The loader reads the caller's tenant only: another tenant's conversation resolves to null.
  __resolveReference: (reference, { loaders }) => (isUuid(reference.id) ? loaders.conversationById.load(reference.id) : null),
  messages: (conversation, args, { loaders }) =>
    loaders.messagePage.load({ conversationId: conversation.id, page: pageRequest(args), cursor: args.after ?? null }),
};
