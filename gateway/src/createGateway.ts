import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageLocalDefault, ApolloServerPluginLandingPageProductionDefault } from '@apollo/server/plugin/landingPage/default';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { ContextSigner } from '../../subgraphs/kit/src/auth/contextToken.ts';
import { createErrorMasker, ErrorCode, PlatformError, unauthenticated } from '../../subgraphs/kit/src/errors.ts';
import { createGraphQLHandler } from '../../subgraphs/kit/src/http/createGraphQLHandler.ts';
import type { Logger } from '../../subgraphs/kit/src/log.ts';
import type { TenantClaims } from '../../subgraphs/kit/src/auth/claims.ts';
import { bearerToken } from './auth/bearerToken.ts';
import { InvalidTokenError } from './auth/createJwtVerifier.ts';
import type { JwtVerifier } from './auth/createJwtVerifier.ts';
import { createSignedDataSource } from './claims/createSignedDataSource.ts';
import { TenantDirectoryUnavailable } from './claims/createTenantDirectory.ts';
import type { TenantDirectory } from './claims/createTenantDirectory.ts';
import type { GatewayContext } from './GatewayContext.ts';
import { useOneOfInputs } from './schema/useOneOfInputs.ts';

export interface GatewayDeps {
  supergraphSdl: string;
  subgraphUrls: Readonly<Record<string, string>>;
  jwtVerifier: JwtVerifier;
  tenantDirectory: TenantDirectory;
  signer: ContextSigner;
  contextTokenTtlSeconds: number;
  log: Logger;
  introspection: boolean;
  production: boolean;
  maxBodyBytes: number;
  health: () => Promise<{ ok: boolean; details?: Record<string, unknown> }>;
}

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

/** Builds the gateway (no I/O until `start`): Apollo Server over @apollo/gateway with auth and signed claims. */
export function createGateway(deps: GatewayDeps) {
  const { log } = deps;
  const gateway = new ApolloGateway({
    supergraphSdl: deps.supergraphSdl,
    buildService: ({ name, url }) =>
      createSignedDataSource({ name, url: deps.subgraphUrls[name] ?? url ?? '', signer: deps.signer, tokenTtlSeconds: deps.contextTokenTtlSeconds }),
    logger: {
      debug: (m: unknown) => log.debug(String(m)),
      info: (m: unknown) => log.info(String(m)),
      warn: (m: unknown) => log.warn(String(m)),
      error: (m: unknown) => log.error(String(m)),
    },
  });
  const server = new ApolloServer<GatewayContext>({
    gateway,
    formatError: createErrorMasker(log),
    includeStacktraceInErrorResponses: false,
    introspection: deps.introspection,
    // runMain owns the signals and drains HTTP before stopping Apollo.
    stopOnTerminationSignals: false,
    plugins: [
      useOneOfInputs(),
      deps.production
        ? ApolloServerPluginLandingPageProductionDefault({ footer: false })
        : ApolloServerPluginLandingPageLocalDefault({ footer: false, embed: true }),
    ],
  });

  async function context(req: IncomingMessage): Promise<GatewayContext> {
    const incoming = req.headers['x-request-id'];
    const requestId = typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    const token = bearerToken(req.headers.authorization);
    if (!token) throw unauthenticated('Send a bearer token in the Authorization header');
    let claims: TenantClaims;
    try {
      claims = await deps.jwtVerifier.verify(token);
    } catch (error) {
      if (error instanceof InvalidTokenError) {
        log.info('refused token', { requestId, reason: error.message });
        throw unauthenticated(`Invalid bearer token: ${error.message}`);
      }
      throw error;
    }
    if (claims.tenantId) claims = await withStoredTenant(claims, requestId);
    return { claims, requestId, log: log.child({ requestId, tenantId: claims.tenantId ?? undefined }) };
  }

  /** The plan comes from the tenant's record, never from the token; missing or suspended tenants stop here. */
  async function withStoredTenant(claims: TenantClaims, requestId: string): Promise<TenantClaims> {
    let record: Awaited<ReturnType<TenantDirectory['lookup']>>;
    try {
      record = await deps.tenantDirectory.lookup(claims.tenantId!);
    } catch (error) {
      if (!(error instanceof TenantDirectoryUnavailable)) throw error;
      log.error('tenant directory unavailable', { requestId, error: error.message });
      throw new PlatformError(ErrorCode.SERVICE_UNAVAILABLE, 'The tenant directory is unavailable; try again shortly', { httpStatus: true });
    }
    if (!record) {
      log.info('refused token of an unknown tenant', { requestId, tenantId: claims.tenantId });
      throw unauthenticated('The token names a tenant that does not exist');
    }
    if (record.status !== 'ACTIVE') {
      throw new PlatformError(ErrorCode.FORBIDDEN, 'This tenant is suspended', { httpStatus: true });
    }
    return Object.freeze({ ...claims, plan: record.plan });
  }

  const handler = createGraphQLHandler<GatewayContext>({
    server,
    context,
    log,
    health: deps.health,
    maxBodyBytes: deps.maxBodyBytes,
  });

  return {
    server,
    handler,
    context,
    start: () => server.start(),
    stop: () => server.stop(),
  };
}
