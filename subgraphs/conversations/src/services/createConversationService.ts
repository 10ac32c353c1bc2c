import { LockMode } from '@mikro-orm/core';
import type { TenantClaims } from '../../../kit/src/auth/claims.ts';
import { isReadOnly } from '../../../kit/src/auth/claims.ts';
import { createEvent } from '../../../kit/src/bus/PlatformEvent.ts';
import { badInput, forbidden, notFound } from '../../../kit/src/errors.ts';
import { keysetOrder, keysetWhere } from '../../../kit/src/keysetWhere.ts';
import type { Logger } from '../../../kit/src/log.ts';
import { pageRequest, toConnection } from '../../../kit/src/pagination.ts';
import type { Connection, PageArgs } from '../../../kit/src/pagination.ts';
import { Conversation } from '../entities/Conversation.ts';
import type { ChannelName, ConversationEntity } from '../entities/Conversation.ts';
import { Message } from '../entities/Message.ts';
import type { MessageEntity } from '../entities/Message.ts';
import { characterCount, estimateTokens } from '../estimateTokens.ts';
import { isUuid, newId } from '../newId.ts';
import type { ConversationStore } from '../store/ConversationStore.ts';
import { retryOnConflict } from '../store/retryOnConflict.ts';
import { COMPLETION_HISTORY_LIMITS, completionHistory } from './completionHistory.ts';
import type { HistoryMessage } from './completionHistory.ts';
import { dailyQuotaExceeded, quotaDay, quotaFor } from '../../../kit/src/auth/planQuotas.ts';

export const MAX_TITLE_LENGTH = 200;
export const MAX_CONTENT_LENGTH = 32_000;

/** The event other subgraphs (analytics) consume; committed with the message, published by the store's outbox. */
export interface MessageCreatedData extends Record<string, unknown> {
  conversationId: string;
  messageId: string;
  role: MessageEntity['role'];
  tokenCount: number;
}

/** Asks the models subgraph for the assistant's reply; committed with the user message it answers. */
export interface CompletionRequestedData extends Record<string, unknown> {
  conversationId: string;
  userMessageId: string;
  /** The id the reply is stored under (time-ordered after the user message); tokens stream under it. */
  assistantMessageId: string;
  /** The conversation's pinned model, or null: the tenant's routing policy decides. */
  modelId: string | null;
  /** The end of the conversation, oldest first, the user message last (see completionHistory). */
  messages: HistoryMessage[];
}

export interface ConversationServiceDeps {
  store: ConversationStore;
  /** Unused: events leave through the store's outbox (`store.enqueue`). Kept while server.ts still passes it. */
  log: Logger;
  claims: TenantClaims;
  /** The clock of the daily quota's UTC day (tests hold it still). Default: the current time. */
  now?: () => Date;
}

export interface CreateConversationInput {
  title: string;
  channel?: ChannelName | null;
  modelId?: string | null;
}

/** Business rules of the conversations subgraph, bound to one caller. */
export function createConversationService({ store, log, claims, now: clock = () => new Date() }: ConversationServiceDeps) {
  /** Posting needs a tenant and MEMBER or ADMIN; viewers and callers with no role read only. */
  const requireWriter = (): string => {
    if (!claims.tenantId) throw forbidden('This operation needs a tenant');
    if (isReadOnly(claims)) {
      throw forbidden('Writing to conversations needs the MEMBER or ADMIN role');
    }
    return claims.tenantId;
  };

  return {
    /** The tenant's conversations, newest first; another tenant's list is empty. */
    async list(tenantId: string, args: PageArgs): Promise<Connection<ConversationEntity> & { totalCount: number }> {
      const page = pageRequest(args);
      if (tenantId !== claims.tenantId) return { ...toConnection([], page), totalCount: 0 };
      return store.run(claims, async (em) => {
        const rows = await em.find(
          Conversation,
          { tenantId, ...keysetWhere(page.after, 'desc') },
          { orderBy: keysetOrder('desc'), limit: page.limit },
        );
        const totalCount = await em.count(Conversation, { tenantId });
        return { ...toConnection(rows, page), totalCount };
      });
    },

    async create(input: CreateConversationInput): Promise<ConversationEntity> {
      const tenantId = requireWriter();
      const title = input.title.trim();
      if (title.length < 1 || characterCount(title) > MAX_TITLE_LENGTH) {
        throw badInput(`\`title\` must be 1 to ${MAX_TITLE_LENGTH} characters`, { field: 'title' });
      }
      const modelId = input.modelId ?? null;
      if (modelId !== null && !isUuid(modelId)) throw badInput('`modelId` must be a model id (a UUID)', { field: 'modelId' });
      const conversation = await store.run(claims, async (em) => {
        const created = em.create(Conversation, { tenantId, title, channel: input.channel ?? 'WEB', modelId });
        await em.flush();
        return created;
      });
      log.info('conversation created', { conversationId: conversation.id });
      return conversation;
    },

    /**
     * Stores a user message and bumps the conversation's count and time in the same transaction,
     * with its two events: `message.created`, and `completion.requested` (the models subgraph
     * answers it; conversations stores the reply when `completion.finished` comes back).
     * Concurrent posts to one conversation queue on its row lock (PostgreSQL) or lose the
     * optimistic version check and are retried (MongoDB); no count is lost either way.
     */
    async sendMessage(conversationId: string, content: string): Promise<MessageEntity> {
      const tenantId = requireWriter();
      if (content.trim().length === 0) throw badInput('`content` must not be empty', { field: 'content' });
      if (characterCount(content) > MAX_CONTENT_LENGTH) {
        throw badInput(`\`content\` must be at most ${MAX_CONTENT_LENGTH} characters`, { field: 'content' });
      }
      if (!isUuid(conversationId)) throw notFound('Conversation', conversationId);
      const quota = quotaFor(claims.plan);
      const message = await retryOnConflict(() =>
        store.run(claims, async (em) => {
          // The tenant is in the query as well as in the store's filter (and RLS on PostgreSQL).
          const conversation = await em.findOne(
            Conversation,
            { id: conversationId, tenantId },
            store.rowLocks ? { lockMode: LockMode.PESSIMISTIC_WRITE } : {},
          );
          if (!conversation) throw notFound('Conversation', conversationId);
          // The plan's daily allowance of the tenant's own messages (replies do not count), counted
          // under the conversation's lock: exact for one conversation; sends to several of a
          // tenant's conversations at the same moment may pass it by a few.
          const { since, resetsAt } = quotaDay(clock());
          const sentToday = await em.count(Message, { tenantId, role: 'USER', createdAt: { $gte: since } });
          if (sentToday >= quota.messagesPerDay) throw dailyQuotaExceeded(claims.plan, quota.messagesPerDay, 'messages', resetsAt);
          // The end of the conversation so far (newest first here), for the completion request.
          const earlier = await em.find(
            Message,
            { tenantId, conversationId: conversation.id },
            { orderBy: { createdAt: 'desc', id: 'desc' }, limit: COMPLETION_HISTORY_LIMITS.messages - 1 },
          );
          const now = new Date();
          conversation.messageCount += 1;
          conversation.updatedAt = now;
          // The bump goes first: on a store without transactions a lost race then leaves no message behind.
          await em.flush();
          const created = em.create(Message, {
            tenantId,
            conversationId: conversation.id,
            role: 'USER',
            content,
            tokenCount: estimateTokens(content),
            modelId: null,
            costUsd: null,
            createdAt: now,
          });
          await em.flush();
          // In the same transaction: an attempt that loses its race takes its events with it.
          const data: MessageCreatedData = { conversationId: conversation.id, messageId: created.id, role: created.role, tokenCount: created.tokenCount };
          await store.enqueue(em, createEvent('message.created', tenantId, 'conversations', data));
          const request: CompletionRequestedData = {
            conversationId: conversation.id,
            userMessageId: created.id,
            assistantMessageId: newId(),
            modelId: conversation.modelId ?? null,
            messages: completionHistory([...earlier.reverse(), created]),
          };
          await store.enqueue(em, createEvent('completion.requested', tenantId, 'conversations', request));
          return created;
        }),
      );
      return message;
    },
  };
}
export type ConversationService = ReturnType<typeof createConversationService>;
