import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MikroORM } from '@mikro-orm/mongodb';
import { silentLogger } from '../../kit/src/log.ts';
import { Conversation } from '../src/entities/Conversation.ts';
import { Message } from '../src/entities/Message.ts';
import { initMongoOrm, messagePagesPipeline, mongoDbNameOf, mongoIndexSpecs } from '../src/store/createMongoConversationStore.ts';

/**
 * No MongoDB server is needed here: MikroORM 7 discovers metadata at init and connects on the
 * first query, so these checks run everywhere (the store contract suite needs a real server).
 */
describe('the MongoDB ORM over the shared entities', () => {
  let orm: MikroORM;
  beforeAll(async () => {
    // Port 1 has no server: any attempt to connect would fail the test.
    ({ orm } = await initMongoOrm({ url: 'mongodb://127.0.0.1:1/conversations_unit', log: silentLogger }));
  });
  afterAll(async () => {
    await orm.close();
  });

  it('discovers both entities without a server, storing `id` as `_id`', async () => {
    expect(await orm.isConnected()).toBe(false);
    const conversation = orm.getMetadata().get(Conversation);
    const message = orm.getMetadata().get(Message);
    expect(conversation.collection).toBe('conversations');
    expect(message.collection).toBe('messages');
    expect(conversation.properties.id.fieldNames).toEqual(['_id']);
    expect(message.properties.id.fieldNames).toEqual(['_id']);
    expect(message.properties.conversationId.fieldNames).toEqual(['conversationId']);
    expect(conversation.versionProperty).toBe('version');
    expect(orm.config.get('dbName')).toBe('conversations_unit');
  });

  it('maps a stored document back to an entity (uuid strings stay strings)', () => {
    const em = orm.em.fork();
    const createdAt = new Date('2026-01-02T03:04:05.000Z');
    const message = em.map(Message, {
      _id: '0190a1b2-0000-7000-8000-000000000001',
      tenantId: '0190a1b2-0000-7000-8000-00000000000a',
      conversationId: '0190a1b2-0000-7000-8000-00000000000c',
      role: 'USER',
      content: 'hi',
      tokenCount: 1,
      createdAt,
    });
    expect(message.id).toBe('0190a1b2-0000-7000-8000-000000000001');
    expect(message.conversationId).toBe('0190a1b2-0000-7000-8000-00000000000c');
    expect(message.createdAt.toISOString()).toBe(createdAt.toISOString());
  });

  it('declares indexes that all start with the tenant', () => {
    const specs = mongoIndexSpecs(orm);
    expect(specs.map((s) => s.name)).toEqual([
      'conversations_tenant_created',
      'messages_tenant_conversation_created',
      'messages_tenant_id',
      'messages_tenant_role_created',
    ]);
    for (const spec of specs) expect(Object.keys(spec.keys)[0]).toBe('tenantId');
    expect(specs[0]!.keys).toEqual({ tenantId: 1, createdAt: -1, _id: -1 });
  });

  it('puts the tenant into every stage of the first-pages aggregation', () => {
    const after = { createdAt: new Date('2026-01-01T00:00:00Z'), id: '0190a1b2-0000-7000-8000-000000000001' };
    const pipeline = messagePagesPipeline(orm, 'tenant-a', { conversationIds: ['c1', 'c2'], limit: 4, after });
    expect(pipeline[0]).toEqual({ $match: { _id: { $in: ['c1', 'c2'] }, tenantId: 'tenant-a' } });
    expect(pipeline[1]).toMatchObject({
      $lookup: {
        from: 'messages',
        localField: '_id',
        foreignField: 'conversationId',
        pipeline: [
          { $match: { tenantId: 'tenant-a', $or: [{ createdAt: { $gt: after.createdAt } }, { createdAt: after.createdAt, _id: { $gt: after.id } }] } },
          { $sort: { createdAt: 1, _id: 1 } },
          { $limit: 4 },
        ],
      },
    });
  });

  it('takes the database from the URL, with a default', () => {
    expect(mongoDbNameOf('mongodb://a:27017,b:27017/chat?replicaSet=rs0')).toBe('chat');
    expect(mongoDbNameOf('mongodb+srv://user:pw@cluster.example.net/')).toBe('platform_conversations');
    expect(mongoDbNameOf('mongodb://localhost:27017')).toBe('platform_conversations');
  });
});
