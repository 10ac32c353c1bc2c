import { jwtVerify, createRemoteJWKSet, importJWK, errors as joseErrors } from 'jose';
import type { JWK, JWTPayload, CryptoKey, JWTVerifyGetKey } from 'jose';
import { isPlan } from '../../../subgraphs/kit/src/auth/claims.ts';
import { isUuid } from '../../../subgraphs/kit/src/isUuid.ts';
import type { TenantClaims } from '../../../subgraphs/kit/src/auth/claims.ts';

export interface JwtVerifierOptions {
  issuer: string;
  audience: string;
  algorithms: readonly string[];
  /** Either the identity provider's JWKS URL (production) or one public key (development). */
  jwksUrl?: string;
  publicJwk?: JWK;
  clockToleranceSeconds?: number;
}

export class InvalidTokenError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidTokenError';
  }
}

export interface JwtVerifier {
  /** Verifies a bearer token and maps it to claims; any problem is an InvalidTokenError. */
  verify(token: string): Promise<TenantClaims>;
}


/**
 * Bearer JWT verification: signature (JWKS or a pinned key), pinned algorithms, issuer, audience,
 * and a required expiry (jose accepts tokens without `exp` unless told otherwise).
 */
export async function createJwtVerifier(options: JwtVerifierOptions): Promise<JwtVerifier> {
  let key: CryptoKey | JWTVerifyGetKey;
  if (options.jwksUrl) {
    key = createRemoteJWKSet(new URL(options.jwksUrl), { cooldownDuration: 30_000, cacheMaxAge: 600_000 });
  } else if (options.publicJwk) {
    const alg = options.publicJwk.alg ?? options.algorithms[0];
    if (!alg) throw new Error('no JWT algorithm configured');
    key = (await importJWK(options.publicJwk, alg)) as CryptoKey;
  } else {
    throw new Error('a JWKS URL or a public key is required to verify tokens');
  }
  return {
    async verify(token) {
      let payload: JWTPayload;
      try {
        const verified =
          typeof key === 'function'
            ? await jwtVerify(token, key, verifyOptions(options))
            : await jwtVerify(token, key, verifyOptions(options));
        payload = verified.payload;
      } catch (error) {
        if (error instanceof joseErrors.JOSEError || error instanceof TypeError) {
          throw new InvalidTokenError(describeJoseError(error));
        }
        throw error;
      }
      return claimsFromPayload(payload);
    },
  };
}

function verifyOptions(options: JwtVerifierOptions) {
  return {
    issuer: options.issuer,
    audience: options.audience,
    algorithms: [...options.algorithms],
    requiredClaims: ['exp', 'sub'],
    clockTolerance: options.clockToleranceSeconds ?? 5,
  };
}

function describeJoseError(error: Error): string {
  if (error instanceof joseErrors.JWTExpired) return 'token has expired';
  if (error instanceof joseErrors.JWTClaimValidationFailed) return `token claim "${error.claim}" is not acceptable`;
  if (error instanceof joseErrors.JOSEAlgNotAllowed) return 'token algorithm is not allowed';
  if (error instanceof joseErrors.JWSSignatureVerificationFailed) return 'token signature is invalid';
  if (error instanceof joseErrors.JWKSNoMatchingKey) return 'token was signed by an unknown key';
  return 'token is malformed';
}

/** Maps the identity provider's claims to the platform's; a token must name a tenant or an operator. */
export function claimsFromPayload(payload: JWTPayload): TenantClaims {
  const str = (v: unknown) => (typeof v === 'string' && v.length > 0 ? v : null);
  const list = (v: unknown) =>
    Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : typeof v === 'string' ? v.split(' ').filter(Boolean) : [];
  const tenantId = str(payload.tenant_id);
  const platformAdmin = payload.platform_admin === true;
  if (tenantId !== null && !isUuid(tenantId)) throw new InvalidTokenError('token claim "tenant_id" is not a tenant id');
  if (tenantId === null && !platformAdmin) throw new InvalidTokenError('token names no tenant');
  return Object.freeze({
    tenantId,
    userId: str(payload.sub),
    roles: list(payload.roles).map((r) => r.toUpperCase()),
    // `internal:*` scopes are the gateway's own (service-to-service lookups): never taken from a token.
    scopes: list(payload.scope ?? payload.scopes).filter((scope) => !scope.startsWith('internal:')),
    plan: isPlan(payload.plan) ? payload.plan : null,
    clientName: str(payload.client_name) ?? str(payload.azp),
    platformAdmin,
    ...(typeof payload.exp === 'number' ? { expiresAt: payload.exp } : {}),
  });
}
