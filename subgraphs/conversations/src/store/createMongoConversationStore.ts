import { MongoNamingStrategy } from '@mikro-orm/core';
import type { EntityManager, EntityMetadata } from '@mikro-orm/core';
import { MikroORM } from '@mikro-orm/mongodb';
import type { ClientSession } from 'mongodb';
import type { TenantClaims } from '../../../kit/src/auth/claims.ts';
import type { EventBus } from '../../../kit/src/bus/EventBus.ts';
import type { Logger } from '../../../kit/src/log.ts';
import type { RelayLoop } from '../../../kit/src/store/createRelayLoop.ts';
import { createCountingLogger } from '../../../kit/src/store/countingLogger.ts';
import { Conversation } from '../entities/Conversation.ts';
import { Message } from '../entities/Message.ts';
import type { MessageEntity } from '../entities/Message.ts';
import { isUuid } from '../newId.ts';
import { conversationEntities } from './ConversationStore.ts';
import type { ConversationStore, MessagePagesRequest } from './ConversationStore.ts';
import { createMongoOutboxRelay, insertOutboxDocuments, MONGO_OUTBOX_COLLECTION, toOutboxDocument } from './createMongoOutboxRelay.ts';
import type { MongoOutboxDocument } from './createMongoOutboxRelay.ts';

/**
 * MongoDB requires the primary key's field to be `_id`; the entities (shared with PostgreSQL) call
 * it `id`. This strategy renames only that field, so one definition serves both drivers. (MikroORM
 * takes naming strategies as classes; this is the one class here that is not an entity or error.)
 */
export class IdAsUnderscoreId extends MongoNamingStrategy {
  override propertyToColumnName(propertyName: string): string {
    return propertyName === 'id' ? '_id' : super.propertyToColumnName(propertyName);
  }
}

/** No tenant matches this id: callers without a tenant (platform operators) see no rows. */
const NO_TENANT = '00000000-0000-0000-0000-000000000000';
const DEFAULT_DB_NAME = 'platform_conversations';

/** Indexes by property name; every one starts with the tenant, as every query does. */
export const mongoIndexes = [
  { entity: Conversation, name: 'tenant_created', keys: { tenantId: 1, createdAt: -1, id: -1 } },
  { entity: Message, name: 'tenant_conversation_created', keys: { tenantId: 1, conversationId: 1, createdAt: 1, id: 1 } },
  { entity: Message, name: 'tenant_id', keys: { tenantId: 1, id: 1 } },
  // The daily message quota counts a tenant's own messages of the day.
  { entity: Message, name: 'tenant_role_created', keys: { tenantId: 1, role: 1, createdAt: 1 } },
] as const;

export interface MongoConversationStoreOptions {
  /** mongodb:// or mongodb+srv:// URL; its path names the database (default platform_conversations). */
  url: string;
  /** Overrides the database named by the URL (tests use a unique one). */
  dbName?: string;
  /**
   * Whether `run` opens a transaction. 'auto' (default) asks the server: replica sets and mongos
   * support them, a standalone server does not (writes are then applied one by one).
   */
  transactions?: 'auto' | boolean;
  log: Logger;
  /** The bus the outbox is published to; when given, the store runs the outbox relay and closes it. */
  bus?: EventBus;
}

export interface MongoConversationStore extends ConversationStore {
  readonly driver: 'mongodb';
  readonly orm: MikroORM;
  readonly transactional: boolean;
  /** The relay this store owns (when created with a bus), else null. */
  readonly relay: RelayLoop | null;
}

export function mongoDbNameOf(url: string): string {
  const match = /^mongodb(?:\+srv)?:\/\/[^/]+\/([^?]*)/.exec(url);
  const name = match?.[1] ? decodeURIComponent(match[1]) : '';
  return name || DEFAULT_DB_NAME;
}

/** The MikroORM instance over MongoDB. No I/O: MikroORM 7 connects on the first query. */
export async function initMongoOrm(options: { url: string; dbName?: string; log: Logger }) {
  const { logger, counter } = createCountingLogger(options.log);
  const orm = await MikroORM.init({
    clientUrl: options.url,
    dbName: options.dbName ?? mongoDbNameOf(options.url),
    entities: conversationEntities,
    namingStrategy: IdAsUnderscoreId,
    loggerFactory: () => logger,
    autoJoinRefsForFilters: false,
    filters: {
      tenant: {
        cond: (args: { tenantId: string }) => ({ tenantId: args.tenantId }),
        default: true,
        entity: conversationEntities.map((e) => e.meta.className),
      },
    },
  });
  return { orm, counter };
}

/** Collection and field names of an index, as the naming strategy stores them. */
export function mongoIndexSpecs(orm: MikroORM) {
  return mongoIndexes.map((index) => {
    const meta = orm.getMetadata().getByClassName(index.entity.meta.className);
    const keys: Record<string, 1 | -1> = {};
    for (const [property, direction] of Object.entries(index.keys)) keys[fieldOf(meta, property)] = direction;
    return { collection: meta.collection, name: `${meta.collection}_${index.name}`, keys };
  });
}

function fieldOf(meta: EntityMetadata, property: string): string {
  const field = meta.properties[property as keyof typeof meta.properties]?.fieldNames[0];
  if (!field) throw new Error(`${meta.className} has no property ${property}`);
  return field;
}

/**
 * The first-page query of many conversations as one aggregation: the caller's conversations, each
 * joined to at most `limit` of its messages through the (tenant, conversation, createdAt, _id)
 * index — bounded per conversation, like SQL's LATERAL ($lookup with localField and a pipeline
 * needs MongoDB 5.0+). Filters do not apply to aggregations, so the tenant is in both $match stages.
 */
export function messagePagesPipeline(orm: MikroORM, tenantId: string, request: MessagePagesRequest): object[] {
  const conversations = orm.getMetadata().get(Conversation);
  const messages = orm.getMetadata().get(Message);
  const tenant = fieldOf(messages, 'tenantId');
  const createdAt = fieldOf(messages, 'createdAt');
  const id = fieldOf(messages, 'id');
  const after = request.after
    ? { $or: [{ [createdAt]: { $gt: request.after.createdAt } }, { [createdAt]: request.after.createdAt, [id]: { $gt: request.after.id } }] }
    : {};
  return [
    { $match: { [fieldOf(conversations, 'id')]: { $in: [...request.conversationIds] }, [fieldOf(conversations, 'tenantId')]: tenantId } },
    {
      $lookup: {
        from: messages.collection,
        localField: fieldOf(conversations, 'id'),
        foreignField: fieldOf(messages, 'conversationId'),
        pipeline: [{ $match: { [tenant]: tenantId, ...after } }, { $sort: { [createdAt]: 1, [id]: 1 } }, { $limit: request.limit }],
        as: 'page',
      },
    },
    { $project: { page: 1 } },
  ];
}

async function supportsTransactions(orm: MikroORM): Promise<boolean> {
  const hello = await orm.em.getConnection().getDb().admin().command({ hello: 1 });
  return typeof hello.setName === 'string' || hello.msg === 'isdbgrid';
}

/** The conversations store on MongoDB: indexes made on start, the tenant in every query. */
export async function createMongoConversationStore(options: MongoConversationStoreOptions): Promise<MongoConversationStore> {
  const { log } = options;
  const { orm, counter } = await initMongoOrm(options);
  try {
    const db = orm.em.getConnection().getDb();
    for (const spec of mongoIndexSpecs(orm)) await db.collection(spec.collection).createIndex(spec.keys, { name: spec.name });
    const outbox = db.collection<MongoOutboxDocument>(MONGO_OUTBOX_COLLECTION);
    await outbox.createIndex({ createdAt: 1, _id: 1 }, { name: `${MONGO_OUTBOX_COLLECTION}_created` });
    const transactional = options.transactions === 'auto' || options.transactions === undefined ? await supportsTransactions(orm) : options.transactions;
    if (!transactional) log.warn('MongoDB is a standalone server: writes of one request are not atomic (run a replica set)');
    log.info('conversations store on MongoDB', { db: db.databaseName, transactional });

    const relay = options.bus ? createMongoOutboxRelay({ collection: outbox, bus: options.bus, log }) : null;
    /** EntityManagers of runs in progress: enqueue refuses any other (its events would never be written). */
    const running = new WeakSet<EntityManager>();
    /** Events enqueued in a run, written once its entities are flushed. */
    const pending = new WeakMap<EntityManager, MongoOutboxDocument[]>();
    /** Writes the run's events: in its transaction (the session) when the server has them. */
    const writeOutbox = async (em: EntityManager): Promise<boolean> => {
      const documents = pending.get(em);
      if (!documents) return false;
      pending.delete(em);
      await insertOutboxDocuments(outbox, documents, em.getTransactionContext<ClientSession>());
      return true;
    };

    /**
     * Runs `fn`, flushes its writes, then writes its events: in the same transaction when `em` is
     * in one; else after the writes, so no event announces a write that failed.
     */
    const runOn = async <T>(em: EntityManager, fn: (em: EntityManager) => Promise<T>) => {
      running.add(em);
      const value = await fn(em);
      await em.flush();
      return { value, enqueued: await writeOutbox(em) };
    };

    const forkFor = (claims: TenantClaims) => {
      const em = orm.em.fork({ clear: true });
      em.setFilterParams('tenant', { tenantId: claims.tenantId ?? NO_TENANT });
      return em;
    };
    return {
      driver: 'mongodb',
      rowLocks: false,
      orm,
      transactional,
      relay,
      async run(claims, fn) {
        const em = forkFor(claims);
        const outcome = transactional
          ? await em.transactional((tem) => {
              tem.setFilterParams('tenant', { tenantId: claims.tenantId ?? NO_TENANT });
              return runOn(tem, fn);
            })
          : await runOn(em, fn);
        if (outcome.enqueued) relay?.poke();
        return outcome.value;
      },
      async enqueue(em, event) {
        if (!running.has(em)) throw new Error('an outbox event must be enqueued within store.run, with the EntityManager it gave');
        const documents = pending.get(em) ?? [];
        documents.push(toOutboxDocument(event));
        pending.set(em, documents);
      },
      async messagePages(claims, request) {
        const tenantId = claims.tenantId;
        const conversationIds = [...new Set(request.conversationIds.filter(isUuid))];
        if (!tenantId || conversationIds.length === 0 || request.limit < 1) return new Map();
        const em = forkFor(claims);
        const docs = (await em.aggregate(Conversation, messagePagesPipeline(orm, tenantId, { ...request, conversationIds }))) as Array<{
          _id: string;
          page: Record<string, unknown>[];
        }>;
        const pages = new Map<string, MessageEntity[]>();
        for (const doc of docs) {
          if (doc.page.length > 0) pages.set(doc._id, doc.page.map((row): MessageEntity => em.map(Message, row)));
        }
        return pages;
      },
      statementCount: () => counter.statements,
      async ping() {
        return (await orm.checkConnection()).ok;
      },
      async close() {
        try {
          await relay?.close();
        } finally {
          await orm.close();
        }
      },
    };
  } catch (error) {
    await orm.close().catch(() => undefined);
    throw error;
  }
}
