import type { GraphQLSchema } from 'graphql';
import { subgraphTypeDefs } from '../../kit/src/subgraphTypeDefs.ts';
import type { ContextVerifier } from '../../kit/src/auth/contextToken.ts';
import { createContextFactory, createSubgraphServer } from '../../kit/src/createSubgraphServer.ts';
import type { Logger } from '../../kit/src/log.ts';
import type { PgStore } from '../../kit/src/store/createPgStore.ts';
import type { IntegrationsContext } from './context.ts';
import type { CredentialCipher } from './crypto/createCredentialCipher.ts';
import { createIntegrationsLoaders } from './loaders.ts';
import { resolvers } from './resolvers/index.ts';
import { createIntegrationService } from './services/createIntegrationService.ts';
import { createPartnerLoaders } from './partnerLoaders.ts';
import { loadApiSchema } from './partners/loadApiSchema.ts';
import { createPartnerLookup } from './services/createPartnerLookup.ts';
import { createPartnerService } from './services/createPartnerService.ts';

export const integrationsTypeDefs = subgraphTypeDefs('integrations');

export interface IntegrationsDeps {
  store: PgStore;
  verifier: ContextVerifier;
  log: Logger;
  cipher: CredentialCipher;
  /** The API schema partners' documents are validated against; by default the current supergraph's. */
  apiSchema?: () => GraphQLSchema;
}

/** Builds the integrations subgraph (no I/O): its server and its per-request context. */
export function createIntegrationsSubgraph(deps: IntegrationsDeps) {
  const server = createSubgraphServer<IntegrationsContext>({
    name: 'integrations',
    typeDefs: integrationsTypeDefs,
    resolvers,
    log: deps.log,
  });
  const createContext = createContextFactory<IntegrationsContext>({
    verifier: deps.verifier,
    log: deps.log,
    build: (base) => ({
      ...base,
      loaders: createIntegrationsLoaders(deps.store, base.claims),
      integrations: createIntegrationService({ store: deps.store, log: base.log, claims: base.claims, cipher: deps.cipher }),
      partnerLoaders: createPartnerLoaders(deps.store, base.claims),
      partners: createPartnerService({ store: deps.store, log: base.log, claims: base.claims, apiSchema: deps.apiSchema ?? (() => loadApiSchema()) }),
      partnerLookup: createPartnerLookup(deps.store, base.claims),
    }),
  });
  return { server, createContext };
}
