import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kind, parse } from 'graphql';
import type { DocumentNode } from 'graphql';
import { serveSubgraph } from '../subgraphs/kit/src/bootSubgraph.ts';
import type { RunningSubgraph, StartSubgraph } from '../subgraphs/kit/src/bootSubgraph.ts';
import { createMemoryBus } from '../subgraphs/kit/src/bus/createMemoryBus.ts';
import { createMemoryCache } from '../subgraphs/kit/src/cache/createMemoryCache.ts';
import { createMemoryLiveBus } from '../subgraphs/kit/src/live/createMemoryLiveBus.ts';
import type { SubgraphContext } from '../subgraphs/kit/src/createSubgraphServer.ts';
import { silentLogger } from '../subgraphs/kit/src/log.ts';
import { dropDatabase } from '../subgraphs/kit/src/store/pgAdmin.ts';
import { loadSubgraphConfig } from '../subgraphs/kit/src/subgraphConfig.ts';
import { claimsFor, postGraphQL, TEST_PG_SERVER, testKeys, uniqueSuffix, verifierFor } from '../subgraphs/kit/src/testing/testEnvironment.ts';
import type { ContextSigner } from '../subgraphs/kit/src/auth/contextToken.ts';
import { subgraphCatalog } from '../subgraphs/catalog.ts';

/**
 * One contract every subgraph keeps: it is healthy once started, serves the SDL committed under
 * schema/, resolves every @key entity (an unknown id is null, not an error), and refuses callers
 * without the gateway's signature.
 */
const root = join(import.meta.dirname, '..');

function fieldsOf(document: DocumentNode): string[] {
  const out: string[] = [];
  for (const def of document.definitions) {
    if (
      def.kind === Kind.OBJECT_TYPE_DEFINITION ||
      def.kind === Kind.OBJECT_TYPE_EXTENSION ||
      def.kind === Kind.INPUT_OBJECT_TYPE_DEFINITION ||
      def.kind === Kind.INTERFACE_TYPE_DEFINITION
    ) {
      if (def.name.value.startsWith('_')) continue;
      for (const field of def.fields ?? []) if (!field.name.value.startsWith('_')) out.push(`${def.name.value}.${field.name.value}`);
    }
    if (def.kind === Kind.ENUM_TYPE_DEFINITION && !def.name.value.startsWith('link__')) {
      for (const value of def.values ?? []) out.push(`${def.name.value}.${value.name.value}`);
    }
  }
  return out.sort();
}

/** Entity types the subgraph resolves, with the @external fields a reference carries (as null here). */
function keyedTypes(document: DocumentNode): Array<{ type: string; external: string[] }> {
  return document.definitions.flatMap((def) =>
    (def.kind === Kind.OBJECT_TYPE_DEFINITION || def.kind === Kind.OBJECT_TYPE_EXTENSION) &&
    def.directives?.some((d) => d.name.value === 'key' && !d.arguments?.some((a) => a.name.value === 'resolvable' && a.value.kind === Kind.BOOLEAN && !a.value.value))
      ? [
          {
            type: def.name.value,
            external: (def.fields ?? []).filter((f) => f.directives?.some((d) => d.name.value === 'external')).map((f) => f.name.value),
          },
        ]
      : [],
  );
}

describe.each(subgraphCatalog.map((entry) => entry.name))('subgraph contract: %s', (name) => {
  const database = `t_contract_${name}_${uniqueSuffix()}`;
  let running: RunningSubgraph;
  let signer: ContextSigner;
  let dataDir: string;
  const bus = createMemoryBus({ log: silentLogger });
  const cache = createMemoryCache();
  const typeDefs = () => readFile(join(root, 'schema', `${name}.graphql`), 'utf8').then(parse);
  const signed = (claims = claimsFor(randomUUID())) => ({ signer, audience: name, claims });

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'contract-'));
    const { keys, signer: s } = await testKeys();
    signer = s;
    const module = (await import(`../subgraphs/${name}/src/start.ts`)) as Record<string, StartSubgraph<SubgraphContext>>;
    const start = module[`start${name[0]!.toUpperCase()}${name.slice(1)}`];
    if (!start) throw new Error(`subgraphs/${name}/src/start.ts exports no start function`);
    const { config, env } = loadSubgraphConfig(
      name,
      { DATABASE_URL: TEST_PG_SERVER, DATABASE_NAME: database, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'silent' },
      root,
    );
    running = await serveSubgraph(config, env, { log: silentLogger, bus, live: createMemoryLiveBus(), cache, verifier: await verifierFor(keys, name) }, start);
  });
  afterAll(async () => {
    await running?.close();
    await bus.close();
    const u = new URL(TEST_PG_SERVER);
    u.pathname = `/${database}`;
    await dropDatabase(u.toString(), `${database}_app`);
    await rm(dataDir, { recursive: true, force: true });
  });

  it('is healthy once started', async () => {
    const response = await fetch(new URL('/health', running.url));
    expect(response.status).toBe(200);
  });

  it('serves the SDL committed under schema/', async () => {
    const response = await postGraphQL<{ _service: { sdl: string } }>(running.url, '{ _service { sdl } }', {}, signed());
    expect(response.status).toBe(200);
    expect(fieldsOf(parse(response.body.data!._service.sdl))).toEqual(fieldsOf(await typeDefs()));
  });

  it('resolves every @key entity, an unknown id as null', async () => {
    const types = keyedTypes(await typeDefs());
    expect(types.length).toBeGreaterThan(0);
    for (const { type, external } of types) {
      const representation = { __typename: type, id: randomUUID(), ...Object.fromEntries(external.map((f) => [f, null])) };
      const response = await postGraphQL<{ _entities: unknown[] }>(
        running.url,
        `query ($r: [_Any!]!) { _entities(representations: $r) { __typename } }`,
        { r: [representation] },
        signed(),
      );
      expect(response.body.errors, `${type}: ${JSON.stringify(response.body.errors)}`).toBeUndefined();
      // A type the subgraph only extends (it has @external fields) cannot know whether the entity
      // exists, so a stub is fine there; an owned type must say null for an id it does not hold.
      if (external.length === 0) expect(response.body.data?._entities, type).toEqual([null]);
      else expect(response.body.data?._entities?.length, type).toBe(1);
    }
  });

  it('resolves a reference without an id, or with one that is not an id, to null (never a 500)', async () => {
    for (const { type, external } of keyedTypes(await typeDefs())) {
      const externals = Object.fromEntries(external.map((f) => [f, null]));
      const representations = [{ __typename: type, ...externals }, { __typename: type, id: 'nope', ...externals }, { __typename: type, id: 42, ...externals }];
      const response = await postGraphQL<{ _entities: unknown[] }>(
        running.url,
        `query ($r: [_Any!]!) { _entities(representations: $r) { __typename } }`,
        { r: representations },
        signed(),
      );
      expect(response.body.errors, `${type}: ${JSON.stringify(response.body.errors)}`).toBeUndefined();
      expect(response.body.data?._entities, type).toEqual([null, null, null]);
    }
  });

  it('shows platform operators tenant records only: tenant data by reference is FORBIDDEN, not a silent null', async () => {
    // Every subgraph holds tenant data, so every one resolves Tenant.
    expect(keyedTypes(await typeDefs()).map((t) => t.type)).toContain('Tenant');
    const operator = { ...claimsFor(randomUUID()), tenantId: null, roles: [], platformAdmin: true };
    const response = await postGraphQL<{ _entities: unknown[] }>(
      running.url,
      `query ($r: [_Any!]!) { _entities(representations: $r) { __typename } }`,
      { r: [{ __typename: 'Tenant', id: randomUUID() }] },
      signed(operator),
    );
    if (name === 'tenants') {
      // The tenants subgraph holds the records operators manage: an unknown one is simply null.
      expect(response.body.errors).toBeUndefined();
      expect(response.body.data?._entities).toEqual([null]);
    } else {
      expect(response.body.errors).toEqual([
        expect.objectContaining({ message: 'Platform operators see tenant records, not tenant data', extensions: { code: 'FORBIDDEN' } }),
      ]);
      // The refusal belongs to that entity: the rest of an `_entities` answer stands.
      expect(response.body.data?._entities).toEqual([null]);
    }
  });

  it('refuses callers without the gateway signature', async () => {
    const response = await postGraphQL(running.url, '{ _service { sdl } }');
    expect(response.status).toBe(401);
    expect(response.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
