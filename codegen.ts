import type { CodegenConfig } from '@graphql-codegen/cli';
import { subgraphCatalog } from './subgraphs/catalog.ts';
import { mappers as tenants } from './subgraphs/tenants/codegen.mappers.ts';
import { mappers as conversations } from './subgraphs/conversations/codegen.mappers.ts';
import { mappers as models } from './subgraphs/models/codegen.mappers.ts';
import { mappers as integrations } from './subgraphs/integrations/codegen.mappers.ts';
import { mappers as analytics } from './subgraphs/analytics/codegen.mappers.ts';
import { mappers as simulations } from './subgraphs/simulations/codegen.mappers.ts';

/**
 * Typed resolvers for every subgraph (federation-aware, parents mapped to the store's entities)
 * and typed documents for the operations the end-to-end tests send, plus their persisted documents
 * manifest (e2e/generated/persisted-documents.json). `npm run codegen:check` (part of `npm test`)
 * fails when any generated file is stale.
 */
const mappersBySubgraph: Record<string, Record<string, string>> = {
  tenants,
  conversations,
  models,
  integrations,
  analytics,
  simulations,
};

const resolverTargets = Object.fromEntries(
  subgraphCatalog.map(({ name }) => {
    const mappers = Object.fromEntries(
      Object.entries(mappersBySubgraph[name] ?? {}).map(([type, exported]) => [type, `../mappers.ts#${exported}`]),
    );
    const contextType = `../context.ts#${name[0]!.toUpperCase()}${name.slice(1)}Context`;
    return [
      `subgraphs/${name}/src/generated/resolvers.ts`,
      {
        schema: `schema/${name}.graphql`,
        plugins: ['typescript', 'typescript-resolvers'],
        config: {
          federation: true,
          useTypeImports: true,
          useIndexSignature: false,
          enumsAsTypes: true,
          avoidOptionals: { field: true, inputValue: false, object: false, defaultValue: false },
          contextType,
          mappers,
          scalars: { DateTime: 'Date', JSON: 'unknown', ID: 'string' },
        },
      },
    ];
  }),
);

const config: CodegenConfig = {
  overwrite: true,
  importExtension: '.ts',
  generates: {
    ...resolverTargets,
    'e2e/generated/': {
      schema: 'schema/supergraph.graphql',
      documents: 'e2e/operations/**/*.graphql',
      preset: 'client',
      // persisted-documents.json (sha256 → document) is the trusted-documents manifest for these
      // operations; it registers as a partner manifest and the documents carry their hash.
      presetConfig: { fragmentMasking: false, persistedDocuments: { hashAlgorithm: 'sha256' } },
      config: { useTypeImports: true, enumsAsTypes: true, scalars: { DateTime: 'string', JSON: 'unknown' } },
    },
  },
  hooks: {},
};

export default config;
