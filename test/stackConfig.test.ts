import { describe, expect, it } from 'vitest';
import { createMemoryCache } from '../subgraphs/kit/src/cache/createMemoryCache.ts';
import { ConfigError } from '../subgraphs/kit/src/config.ts';
import { subgraphCatalog } from '../subgraphs/catalog.ts';
import { loadStackConfig } from '../scripts/stackConfig.ts';
import { prefixedCache } from '../scripts/startSupergraph.ts';
import { subgraphStarters } from '../scripts/subgraphStarters.ts';

describe('loadStackConfig', () => {
  it('defaults to the embedded setup: PostgreSQL under .data on 54329, no NATS, Redis or MongoDB, catalog ports', () => {
    const config = loadStackConfig({}, '/repo');
    expect(config).toMatchObject({
      dataDir: '/repo/.data',
      databaseUrl: undefined,
      embeddedPg: { dir: '/repo/.data/postgres', port: 54329 },
      natsUrl: undefined,
      redisUrl: undefined,
      mongodbUrl: undefined,
      seedDemo: true,
      logLevel: 'info',
    });
    expect(config.subgraphPorts).toEqual(Object.fromEntries(subgraphCatalog.map((s) => [s.name, s.port])));
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('switches each part to the server its URL names', () => {
    const config = loadStackConfig(
      {
        DATABASE_URL: 'postgres://u@db:5432/postgres',
        NATS_URL: 'nats:4222',
        REDIS_URL: 'redis://cache:6379',
        MONGODB_URL: 'mongodb://mongo/x',
        EMBEDDED_PG_PORT: '6000',
        EMBEDDED_PG_DIR: 'pg',
        SUBGRAPH_MODELS_PORT: '0',
        SEED_DEMO: 'false',
      },
      '/repo',
    );
    expect(config).toMatchObject({
      databaseUrl: 'postgres://u@db:5432/postgres',
      natsUrl: 'nats:4222',
      redisUrl: 'redis://cache:6379',
      mongodbUrl: 'mongodb://mongo/x',
      embeddedPg: { dir: '/repo/pg', port: 6000 },
      seedDemo: false,
    });
    expect(config.subgraphPorts.models).toBe(0);
  });

  it('reports every bad setting at once', () => {
    try {
      loadStackConfig({ EMBEDDED_PG_PORT: 'x', DATABASE_URL: 'not a url', SEED_DEMO: 'maybe' }, '/repo');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).problems).toHaveLength(3);
    }
  });
});

describe('prefixedCache', () => {
  it('keeps each subgraph in its own key space of the shared cache, and leaves closing to the owner', async () => {
    const shared = createMemoryCache();
    const models = prefixedCache(shared, 'models:');
    const tenants = prefixedCache(shared, 'tenants:');
    await models.set('k', 'm', 60);
    await tenants.set('k', 't', 60);
    expect(await models.get('k')).toBe('m');
    expect(await shared.get('models:k')).toBe('m');
    await models.delete('k');
    expect(await models.get('k')).toBeNull();
    expect(await tenants.get('k')).toBe('t');
    await tenants.close();
    expect(await shared.get('tenants:k')).toBe('t');
  });
});

describe('subgraphStarters', () => {
  it('starts exactly the subgraphs of the catalog', () => {
    expect(Object.keys(subgraphStarters).sort()).toEqual(subgraphCatalog.map((s) => s.name).sort());
  });
});
