import DataLoader from 'dataloader';
import type { TenantClaims } from '../../kit/src/auth/claims.ts';
import { toConnection } from '../../kit/src/pagination.ts';
import type { Connection, PageRequest } from '../../kit/src/pagination.ts';
import { Conversation } from './entities/Conversation.ts';
import type { ConversationEntity } from './entities/Conversation.ts';
import { Message } from './entities/Message.ts';
import type { MessageEntity } from './entities/Message.ts';
import { isUuid } from './newId.ts';
import type { ConversationStore } from './store/ConversationStore.ts';

export interface MessagePageKey {
  conversationId: string;
  page: PageRequest;
  /** The `after` argument as sent: pages asked with the same size and cursor share one query. */
  cursor: string | null;
}

/** Entities of the caller's tenant only: the store filters by tenant, and this states it again. */
function ownedBy<T extends { id: string; tenantId: string }>(claims: TenantClaims, ids: readonly string[], rows: readonly T[]) {
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.map((id) => {
    const row = byId.get(id);
    return row && row.tenantId === claims.tenantId ? row : null;
  });
}

/** Batches every lookup of one request: one query per type, one per page shape of messages. */
export function createConversationsLoaders(store: ConversationStore, claims: TenantClaims) {
  const tenantId = claims.tenantId;
  const loaders = {
    conversationById: new DataLoader<string, ConversationEntity | null>(async (ids) => {
      const valid = ids.filter(isUuid);
      if (!tenantId || valid.length === 0) return ids.map(() => null);
      const rows = await store.run(claims, (em) => em.find(Conversation, { tenantId, id: { $in: valid } }));
      return ownedBy(claims, ids, rows);
    }),

    messageById: new DataLoader<string, MessageEntity | null>(async (ids) => {
      const valid = ids.filter(isUuid);
      if (!tenantId || valid.length === 0) return ids.map(() => null);
      const rows = await store.run(claims, (em) => em.find(Message, { tenantId, id: { $in: valid } }));
      return ownedBy(claims, ids, rows);
    }),

    /**
     * Conversation.messages for every conversation of a response: `conversations(first: 20) {
     * messages(first: 3) }` is one store query, not twenty.
     */
    messagePage: new DataLoader<MessagePageKey, Connection<MessageEntity>, string>(
      async (keys) => {
        const groups = new Map<string, MessagePageKey[]>();
        for (const key of keys) {
          const shape = `${key.page.size}|${key.cursor ?? ''}`;
          groups.set(shape, [...(groups.get(shape) ?? []), key]);
        }
        const results = new Map<MessagePageKey, Connection<MessageEntity>>();
        for (const group of groups.values()) {
          const { page } = group[0]!;
          const pages = await store.messagePages(claims, {
            conversationIds: group.map((key) => key.conversationId),
            limit: page.limit,
            after: page.after,
          });
          for (const key of group) results.set(key, toConnection(pages.get(key.conversationId) ?? [], page));
        }
        return keys.map((key) => results.get(key)!);
      },
      // The store bounds its query per conversation; a batch bounds how many conversations go in.
      { cacheKeyFn: (key) => `${key.conversationId}|${key.page.size}|${key.cursor ?? ''}`, maxBatchSize: 100 },
    ),
  };
  return {
    ...loaders,
    /**
     * Forgets what was read. A subscription keeps one context for its whole life: each of its events
     * calls this first, so an event resolves what is stored now, and the caches do not grow with time.
     */
    reset() {
      for (const loader of Object.values(loaders)) loader.clearAll();
    },
  };
}
export type ConversationsLoaders = ReturnType<typeof createConversationsLoaders>;
