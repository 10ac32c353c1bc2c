import { describe } from 'vitest';
import { silentLogger } from '../../kit/src/log.ts';
import { uniqueSuffix } from '../../kit/src/testing/testEnvironment.ts';
import { createMongoConversationStore } from '../src/store/createMongoConversationStore.ts';
import { conversationStoreContract } from './storeContract.ts';

const url = process.env.TEST_MONGODB_URL ?? process.env.MONGODB_URL;
if (!url) {
  console.warn(
    '[conversations] MongoDB store contract SKIPPED: set TEST_MONGODB_URL (or MONGODB_URL) to a MongoDB server to run it. ' +
      'The PostgreSQL run of the same suite still runs; test/mongoOrm.test.ts checks the MongoDB mapping without a server.',
  );
}

describe.skipIf(!url)('conversation store contract on MongoDB', () => {
  conversationStoreContract(async (bus) => {
    const store = await createMongoConversationStore({ url: url!, dbName: `t_conversations_${uniqueSuffix()}`, log: silentLogger, bus });
    return {
      store,
      dispose: async () => {
        await store.relay?.close(); // before the drop, so its last attempt finds the database
        await store.orm.em.getConnection().getDb().dropDatabase();
        await store.close();
      },
    };
  });
});
