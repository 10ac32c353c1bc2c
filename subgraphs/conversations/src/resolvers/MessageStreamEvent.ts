import { notFound } from '../../../kit/src/errors.ts';
import type { MessageCompletedResolvers, MessageStreamEventResolvers } from '../generated/resolvers.ts';

export const MessageStreamEvent: MessageStreamEventResolvers = {
  __resolveType: (event) => event.kind,
};

export const MessageCompleted: MessageCompletedResolvers = {
  message: async (event, _args, { loaders }) => {
    // The caller's tenant only, as every Message; the stream is already the caller's conversation.
    const message = await loaders.messageById.load(event.messageId);
    if (!message) throw notFound('Message', event.messageId);
    return message;
  },
};
