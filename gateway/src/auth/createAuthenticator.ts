import type { TenantClaims } from '../../../subgraphs/kit/src/auth/claims.ts';
import { ErrorCode, PlatformError, unauthenticated } from '../../../subgraphs/kit/src/errors.ts';
import type { Logger } from '../../../subgraphs/kit/src/log.ts';
import { TenantDirectoryUnavailable } from '../claims/createTenantDirectory.ts';
import type { TenantDirectory } from '../claims/createTenantDirectory.ts';
import { InvalidTokenError } from './createJwtVerifier.ts';
import type { JwtVerifier } from './createJwtVerifier.ts';

export interface Authenticator {
  /**
   * A bearer token's claims, with the plan from the tenant's stored record. Refusals are
   * PlatformErrors: UNAUTHENTICATED (invalid or expired token, unknown tenant), FORBIDDEN
   * (suspended tenant), SERVICE_UNAVAILABLE (the tenant directory cannot answer).
   */
  authenticate(token: string, requestId: string): Promise<TenantClaims>;
  /**
   * Claims already verified (an open socket's), checked again against the tenant's stored record
   * only, with the same refusals: the token is not verified again (its expiry has its own timer,
   * and an identity provider's key outage must not end every open socket).
   */
  recheck(claims: TenantClaims, requestId: string): Promise<TenantClaims>;
}

/** One authentication for every transport: HTTP requests and graphql-ws connections alike. */
export function createAuthenticator(deps: { jwtVerifier: JwtVerifier; tenantDirectory: Pick<TenantDirectory, 'lookup'>; log: Logger }): Authenticator {
  const { log } = deps;

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

  return {
    async authenticate(token, requestId) {
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
      return claims.tenantId ? withStoredTenant(claims, requestId) : claims;
    },
    async recheck(claims, requestId) {
      return claims.tenantId ? withStoredTenant(claims, requestId) : claims;
    },
  };
}
