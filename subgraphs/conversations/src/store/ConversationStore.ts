import type { EntityManager } from '@mikro-orm/core';
import type { TenantClaims } from '../../../kit/src/auth/claims.ts';
import type { PlatformEvent } from '../../../kit/src/bus/PlatformEvent.ts';
import type { Keyset } from '../../../kit/src/pagination.ts';
import { Conversation } from '../entities/Conversation.ts';
import { Message } from '../entities/Message.ts';
import type { MessageEntity } from '../entities/Message.ts';

/** Every entity of the store; all of them are tenant-owned. */
export const conversationEntities = [Conversation, Message];

export interface MessagePagesRequest {
  conversationIds: readonly string[];
  /** Messages to read per conversation (a page size plus one, to learn whether more follow). */
  limit: number;
  /** Only messages after this keyset, in (createdAt, id) ascending order. */
  after: Keyset | null;
}

/**
 * The conversations store, on MongoDB or on PostgreSQL. Services see only MikroORM's core
 * EntityManager (find, count, create, flush), which both drivers implement; the one query the core
 * API cannot express — the first page of many conversations at once — is a store method.
 */
export interface ConversationStore {
  readonly driver: 'postgresql' | 'mongodb';
  /**
   * Whether `find` may take a row lock (`lockMode`) inside `run`: PostgreSQL yes, so writers to one
   * conversation queue; MongoDB no, so they rely on the optimistic version and retry.
   */
  readonly rowLocks: boolean;
  /**
   * Runs `fn` for one caller: a fresh EntityManager with the tenant filter on, in one transaction
   * (PostgreSQL: with the tenant set for row-level security; MongoDB: on replica sets).
   */
  run<T>(claims: TenantClaims, fn: (em: EntityManager) => Promise<T>): Promise<T>;
  /**
   * Adds an event to the store's outbox within `run` (pass its `em`): it is saved with the run's
   * writes (PostgreSQL: in its transaction; MongoDB: in its transaction on replica sets, right
   * after its writes on a standalone server), never when the run fails, and published by the
   * store's relay after the commit.
   */
  enqueue(em: EntityManager, event: PlatformEvent): Promise<void>;
  /**
   * Up to `limit` messages of each conversation, oldest first, in ONE query however many
   * conversations are asked for; only the caller's tenant's messages. Conversations without
   * messages (or not the caller's) are absent from the map.
   */
  messagePages(claims: TenantClaims, request: MessagePagesRequest): Promise<Map<string, MessageEntity[]>>;
  /** Statements sent so far (not transaction bookkeeping); tests use it to show there is no N+1. */
  statementCount(): number;
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

/** Groups rows read oldest first by conversation, keeping their order. */
export function groupByConversation(rows: readonly MessageEntity[]): Map<string, MessageEntity[]> {
  const pages = new Map<string, MessageEntity[]>();
  for (const row of rows) {
    const page = pages.get(row.conversationId);
    if (page) page.push(row);
    else pages.set(row.conversationId, [row]);
  }
  return pages;
}
