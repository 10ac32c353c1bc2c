import { LockMode } from '@mikro-orm/core';
import type { TenantClaims } from '../../../kit/src/auth/claims.ts';
import type { PlatformEvent } from '../../../kit/src/bus/PlatformEvent.ts';
import type { LiveBus } from '../../../kit/src/live/LiveBus.ts';
import { liveSubjects } from '../../../kit/src/live/LiveBus.ts';
import type { Logger } from '../../../kit/src/log.ts';
import { Conversation } from '../entities/Conversation.ts';
import { Message } from '../entities/Message.ts';
import type { ConversationStore } from '../store/ConversationStore.ts';
import { retryOnConflict } from '../store/retryOnConflict.ts';
import { completionFinishedOf } from './completionFinishedOf.ts';
import type { ConversationLivePayload } from './messageStreamEvents.ts';

export const COMPLETIONS_CONSUMER_IDENTITY = 'conversations-completions';

/** The consumer acts as the event's tenant, so the tenant filter and RLS check every row it touches. */
export function completionConsumerClaims(tenantId: string): TenantClaims {
  return {
    tenantId,
    userId: COMPLETIONS_CONSUMER_IDENTITY,
    roles: [],
    scopes: [],
    plan: null,
    clientName: COMPLETIONS_CONSUMER_IDENTITY,
    platformAdmin: false,
  };
}

/** stored: the reply is new; duplicate: already stored (a redelivery); orphan: no such conversation; rejected: malformed. */
export type CompletionOutcome = 'stored' | 'duplicate' | 'orphan' | 'rejected';

export interface CompletionRecorderDeps {
  store: ConversationStore;
  live: LiveBus;
  log: Logger;
}

/**
 * Stores the assistant reply of a `completion.finished` event exactly once: its id is the one the
 * request pre-assigned, so a redelivery (or a second replica on the same event, which waits on the
 * conversation's row lock or loses the optimistic version check) finds it and changes nothing.
 * The reply is counted on the conversation in the same transaction, and announced on the live
 * bus after the commit, so a subscriber that hears `completed` can load it.
 */
export function createCompletionRecorder({ store, live, log }: CompletionRecorderDeps) {
  return {
    async record(event: PlatformEvent): Promise<CompletionOutcome> {
      const finished = completionFinishedOf(event);
      if (typeof finished === 'string') {
        log.error('completion.finished rejected', { eventId: event.id, tenantId: event.tenantId, reason: finished });
        return 'rejected';
      }
      const { tenantId, conversationId, messageId } = finished;
      const outcome = await retryOnConflict(() =>
        store.run(completionConsumerClaims(tenantId), async (em): Promise<CompletionOutcome> => {
          const conversation = await em.findOne(
            Conversation,
            { id: conversationId, tenantId },
            store.rowLocks ? { lockMode: LockMode.PESSIMISTIC_WRITE } : {},
          );
          if (!conversation) return 'orphan';
          if (await em.findOne(Message, { id: messageId, tenantId })) return 'duplicate';
          const now = new Date();
          conversation.messageCount += 1;
          conversation.updatedAt = now;
          // As in sendMessage: the bump first, so a lost race on a store without transactions leaves no message.
          await em.flush();
          em.create(Message, {
            id: messageId,
            tenantId,
            conversationId: conversation.id,
            role: 'ASSISTANT',
            content: finished.content,
            tokenCount: finished.completionTokens,
            modelId: finished.modelId,
            costUsd: finished.costUsd,
            createdAt: now,
          });
          await em.flush();
          return 'stored';
        }),
      );
      if (outcome === 'orphan') {
        log.warn('completion.finished for a conversation that does not exist, skipped', { eventId: event.id, tenantId, conversationId });
      }
      if (outcome === 'stored') {
        const payload: ConversationLivePayload = { type: 'completed', messageId };
        live.publish(liveSubjects.conversation(tenantId, conversationId), payload);
        log.debug('assistant reply stored', { tenantId, conversationId, messageId, failed: finished.failed });
      }
      return outcome;
    },
  };
}
export type CompletionRecorder = ReturnType<typeof createCompletionRecorder>;
