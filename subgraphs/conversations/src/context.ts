import type { SubgraphContext } from '../../kit/src/createSubgraphServer.ts';
import type { ConversationsLoaders } from './loaders.ts';
import type { ConversationService } from './services/createConversationService.ts';
import type { MessageStreams } from './services/createMessageStreams.ts';

/** Per request: the caller's claims, fresh DataLoaders, and the services bound to this caller. */
export interface ConversationsContext extends SubgraphContext {
  loaders: ConversationsLoaders;
  conversations: ConversationService;
  messageStreams: MessageStreams;
}
