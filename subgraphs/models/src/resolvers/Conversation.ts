import { isUuid } from '../../../kit/src/isUuid.ts';
import type { ConversationResolvers } from '../generated/resolvers.ts';
import { pickConversationModel } from '../services/pickConversationModel.ts';

export const Conversation: ConversationResolvers = {
  // The gateway asks this subgraph only for `model`, and so always sends `modelId` (its @requires
  // field, null when nothing is pinned). A representation without it did not come from a query plan,
  // and this subgraph cannot tell whether such a conversation exists: it resolves to null (as does a
  // reference whose id is missing or not an id at all).
  __resolveReference: (reference) =>
    isUuid(reference.id) && 'modelId' in reference ? { id: reference.id, modelId: reference.modelId ?? null } : null,
  model: (conversation, _args, { loaders, claims }) => pickConversationModel(conversation.modelId, loaders, claims),
};
