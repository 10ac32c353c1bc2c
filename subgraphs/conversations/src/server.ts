import { subgraphTypeDefs } from '../../kit/src/subgraphTypeDefs.ts';
import type { ContextVerifier } from '../../kit/src/auth/contextToken.ts';
import { createContextFactory, createSubgraphServer } from '../../kit/src/createSubgraphServer.ts';
import type { LiveBus } from '../../kit/src/live/LiveBus.ts';
import type { Logger } from '../../kit/src/log.ts';
import type { ConversationsContext } from './context.ts';
import { createConversationsLoaders } from './loaders.ts';
import { resolvers } from './resolvers/index.ts';
import { createConversationService } from './services/createConversationService.ts';
import { createMessageStreams } from './services/createMessageStreams.ts';
import type { ConversationStore } from './store/ConversationStore.ts';

export const conversationsTypeDefs = subgraphTypeDefs('conversations');

export interface ConversationsDeps {
  store: ConversationStore;
  verifier: ContextVerifier;
  log: Logger;
  /** Live streams: messageStream subscribes to a conversation's subject on it. */
  live: LiveBus;
}

/** Builds the conversations subgraph (no I/O): its server and its per-request context. */
export function createConversationsSubgraph(deps: ConversationsDeps) {
  const server = createSubgraphServer<ConversationsContext>({
    name: 'conversations',
    typeDefs: conversationsTypeDefs,
    resolvers,
    log: deps.log,
  });
  const createContext = createContextFactory<ConversationsContext>({
    verifier: deps.verifier,
    log: deps.log,
    build: (base) => {
      const loaders = createConversationsLoaders(deps.store, base.claims);
      return {
        ...base,
        loaders,
        conversations: createConversationService({ store: deps.store, log: base.log, claims: base.claims }),
        messageStreams: createMessageStreams({ live: deps.live, claims: base.claims, loaders }),
      };
    },
  });
  return { server, createContext };
}
