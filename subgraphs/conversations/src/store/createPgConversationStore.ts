import type { EntityManager } from '@mikro-orm/postgresql';
import type { EventBus } from '../../../kit/src/bus/EventBus.ts';
import type { Logger } from '../../../kit/src/log.ts';
import { createPgStore } from '../../../kit/src/store/createPgStore.ts';
import type { PgStore } from '../../../kit/src/store/createPgStore.ts';
import { Message } from '../entities/Message.ts';
import type { MessageEntity } from '../entities/Message.ts';
import { migrations } from '../migrations.ts';
import { isUuid } from '../newId.ts';
import { conversationEntities, groupByConversation } from './ConversationStore.ts';
import type { ConversationStore } from './ConversationStore.ts';

export interface PgConversationStoreOptions {
  /** Owner URL of the subgraph's own database (migrations run as it). */
  adminUrl: string;
  /** Serving-role URL; when unset a role `<database>_app` is derived. */
  appUrl?: string;
  appPassword?: string | null;
  poolMax?: number;
  log: Logger;
  /** The bus the outbox is published to; when given, the store runs the outbox relay and closes it. */
  bus?: EventBus;
}

export interface PgConversationStore extends ConversationStore {
  readonly driver: 'postgresql';
  /** The kit store underneath (tests read its ORM and serving role). */
  readonly pg: PgStore;
}

/**
 * One statement for the first page of many conversations: a LATERAL subquery per conversation
 * walks the (tenant_id, conversation_id, created_at, id) index and stops after `limit` rows, so
 * the cost is bounded by conversations × limit, not by how long the conversations are (a
 * `row_number()` window would number every message of every conversation first).
 */
function messagePagesSql(count: number, withCursor: boolean): string {
  const ids = Array.from({ length: count }, () => '?').join(', ');
  return `select m.id, m.tenant_id, m.conversation_id, m.role, m.content, m.token_count, m.model_id, m.cost_usd, m.created_at
    from unnest(array[${ids}]::uuid[]) as c (id)
    cross join lateral (
      select * from messages
      where messages.tenant_id = ?::uuid and messages.conversation_id = c.id
      ${withCursor ? 'and (messages.created_at, messages.id) > (?::timestamptz, ?::uuid)' : ''}
      order by messages.created_at, messages.id
      limit ?
    ) m
    order by m.conversation_id, m.created_at, m.id`;
}

/** The conversations store on PostgreSQL: the kit's store (migrations, RLS, serving role). */
export async function createPgConversationStore(options: PgConversationStoreOptions): Promise<PgConversationStore> {
  const pg = await createPgStore({
    adminUrl: options.adminUrl,
    appUrl: options.appUrl,
    appPassword: options.appPassword,
    poolMax: options.poolMax,
    entities: conversationEntities,
    tenantScoped: conversationEntities,
    migrations,
    log: options.log,
    bus: options.bus,
  });
  return {
    driver: 'postgresql',
    rowLocks: true,
    pg,
    run: (claims, fn) => pg.run(claims, (em) => fn(em)),
    // `run` hands services the PostgreSQL EntityManager, typed as MikroORM's core one.
    enqueue: (em, event) => pg.enqueue(em as EntityManager, event),
    async messagePages(claims, { conversationIds, limit, after }) {
      const tenantId = claims.tenantId;
      const ids = [...new Set(conversationIds.filter(isUuid))];
      if (!tenantId || ids.length === 0 || limit < 1) return new Map();
      const params: unknown[] = [...ids, tenantId];
      if (after) params.push(after.createdAt.toISOString(), after.id);
      params.push(limit);
      const rows = await pg.run(claims, async (em) => {
        const raw = await em.execute<Record<string, unknown>[]>(messagePagesSql(ids.length, after !== null), params);
        return raw.map((row): MessageEntity => em.map(Message, row));
      });
      return groupByConversation(rows);
    },
    statementCount: () => pg.statementCount(),
    ping: () => pg.ping(),
    close: () => pg.close(),
  };
}
