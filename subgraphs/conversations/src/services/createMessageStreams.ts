import type { TenantClaims } from '../../../kit/src/auth/claims.ts';
import { notFound } from '../../../kit/src/errors.ts';
import type { LiveBus } from '../../../kit/src/live/LiveBus.ts';
import { liveSubjects } from '../../../kit/src/live/LiveBus.ts';
import { mapLiveSubscription } from '../../../kit/src/live/mapLiveSubscription.ts';
import type { ConversationsLoaders } from '../loaders.ts';
import { toMessageStreamEvent } from './messageStreamEvents.ts';
import type { MessageStreamEvent } from './messageStreamEvents.ts';

export interface MessageStreamsDeps {
  live: LiveBus;
  claims: TenantClaims;
  loaders: Pick<ConversationsLoaders, 'conversationById' | 'reset'>;
}

/** Live streams of conversations, bound to one caller. */
export function createMessageStreams({ live, claims, loaders }: MessageStreamsDeps) {
  return {
    /**
     * The caller's conversation's live events, as a subscription source. The conversation is
     * looked up first, in the caller's tenant only, so another tenant's id (guessed or real) fails
     * exactly as an unknown one does, before anything is subscribed. The subject is built from the
     * claims' tenant and the stored id, never from the input alone.
     */
    async open(conversationId: string): Promise<AsyncGenerator<{ messageStream: MessageStreamEvent }, undefined>> {
      const tenantId = claims.tenantId;
      const conversation = tenantId ? await loaders.conversationById.load(conversationId) : null;
      if (!tenantId || !conversation || conversation.tenantId !== tenantId) throw notFound('Conversation', conversationId);
      const subject = liveSubjects.conversation(tenantId, conversation.id);
      // The stream outlives the lookup: keep no loaded entity (nor the EntityManager it belongs
      // to) in the context for the subscription's whole life.
      loaders.reset();
      const subscription = live.subscribe(subject);
      return mapLiveSubscription(subscription, (payload) => {
        const event = toMessageStreamEvent(payload);
        if (!event) return null;
        // The context outlives this event: its fields (MessageCompleted.message) read afresh.
        loaders.reset();
        return { messageStream: event };
      });
    },
  };
}
export type MessageStreams = ReturnType<typeof createMessageStreams>;
