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
import { isUuid } from '../newId.ts';
import type { ConversationStore } from '../store/ConversationStore.ts';
import { retryOnConflict } from '../store/retryOnConflict.ts';

export const MAX_TITLE_LENGTH = 200;
export const MAX_CONTENT_LENGTH = 32_000;

/** The event other subgraphs (analytics) consume; committed with the message, published by the store's outbox. */
export interface MessageCreatedData extends Record<string, unknown> {
  conversationId: string;
  messageId: string;
  role: MessageEntity['role'];
  tokenCount: number;
}

export interface ConversationServiceDeps {
  store: ConversationStore;
  /** Unused: events leave through the store's outbox (`store.enqueue`). Kept while server.ts still passes it. */
  log: Logger;
  claims: TenantClaims;
}

export interface CreateConversationInput {
  title: string;
  channel?: ChannelName | null;
  modelId?: string | null;
}

/** Business rules of the conversations subgraph, bound to one caller. */
export function createConversationService({ store, log, claims }: ConversationServiceDeps) {
  /** Posting needs a tenant and a role that may write; viewers read only. */
  const requireWriter = (): string => {
    if (!claims.tenantId) throw forbidden('This operation needs a tenant');
    if (isReadOnly(claims)) {
      throw forbidden('Viewers may read conversations but not write to them');
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
     * Stores a user message and bumps the conversation's count and time in the same transaction.
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
      const message = await retryOnConflict(() =>
        store.run(claims, async (em) => {
          // The tenant is in the query as well as in the store's filter (and RLS on PostgreSQL).
          const conversation = await em.findOne(
            Conversation,
            { id: conversationId, tenantId },
            store.rowLocks ? { lockMode: LockMode.PESSIMISTIC_WRITE } : {},
          );
          if (!conversation) throw notFound('Conversation', conversationId);
          const now = new Date();
          conversation.messageCount += 1;
          conversation.updatedAt = now;
          // The bump goes first: on a store without transactions a lost race then leaves no message behind.
          await em.flush();
          const created = em.create(Message, {
            tenantId,
            conversationId,
            role: 'USER',
            content,
            tokenCount: estimateTokens(content),
            createdAt: now,
          });
          await em.flush();
          // In the same transaction: an attempt that loses its race takes its event with it.
          const data: MessageCreatedData = { conversationId, messageId: created.id, role: created.role, tokenCount: created.tokenCount };
          await store.enqueue(em, createEvent('message.created', tenantId, 'conversations', data));
          return created;
        }),
      );
      return message;
    },
  };
}
export type ConversationService = ReturnType<typeof createConversationService>;
