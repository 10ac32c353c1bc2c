import { describe, expect, it } from 'vitest';
import { readEnv, ConfigError } from '../src/config.ts';
import { loadSubgraphConfig } from '../src/subgraphConfig.ts';

describe('configuration', () => {
  it('reports every problem at once', () => {
    const e = readEnv({ PORT: 'eighty', LOG_LEVEL: 'loud', FLAG: 'maybe' });
    e.int('PORT', 1);
    e.oneOf('LOG_LEVEL', ['info', 'debug'], 'info');
    e.bool('FLAG', false);
    e.string('REQUIRED');
    const error = (() => {
      try {
        e.done();
      } catch (err) {
        return err;
      }
    })();
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems).toHaveLength(4);
  });

  it('gives each subgraph its own database on the configured server', () => {
    const { config } = loadSubgraphConfig('models', { DATABASE_URL: 'postgres://u:p@db:5432/postgres' }, '/app');
    expect(config.databaseUrl).toBe('postgres://u:p@db:5432/platform_models');
    expect(config.port).toBe(4003);
  });

  it('requires the gateway public key in production', () => {
    const { env } = loadSubgraphConfig('models', { NODE_ENV: 'production' }, '/app');
    expect(() => env.done()).toThrow(/CONTEXT_PUBLIC_KEY/);
  });
});

describe('MONGODB_URL', () => {
  it('accepts replica-set URLs with several hosts and refuses other schemes', () => {
    const { config } = loadSubgraphConfig('conversations', { MONGODB_URL: 'mongodb://a:27017,b:27017/db?replicaSet=rs0' }, '/app');
    expect(config.mongodbUrl).toBe('mongodb://a:27017,b:27017/db?replicaSet=rs0');
    const { env } = loadSubgraphConfig('conversations', { MONGODB_URL: 'http://x' }, '/app');
    expect(() => env.done()).toThrow(/MONGODB_URL/);
  });
});
