import { SignJWT, jwtVerify, importJWK, errors as joseErrors } from 'jose';
import type { JWK, CryptoKey } from 'jose';
import { isPlan } from './claims.ts';
import type { TenantClaims } from './claims.ts';

/**
 * The gateway forwards the caller's claims to a subgraph as one short-lived token it signs
 * (Ed25519), never as raw headers a client could forge. Subgraphs hold only the public key, so a
 * compromised subgraph cannot mint contexts for the others. The audience is the subgraph's name:
 * a token captured on its way to one subgraph is refused by every other.
 */
export const CONTEXT_HEADER = 'x-platform-context';
export const CONTEXT_ISSUER = 'platform-gateway';
const ALG = 'EdDSA';

export interface ContextSigner {
  /** `requestId` is optional: a token reused across requests travels with `x-request-id` instead. */
  sign(claims: TenantClaims, audience: string, requestId?: string): Promise<string>;
}
export interface ContextVerifier {
  verify(token: string | undefined | null): Promise<{ claims: TenantClaims; requestId: string | null }>;
}

export class ContextTokenError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ContextTokenError';
  }
}

export async function createContextSigner(privateJwk: JWK, ttlSeconds = 60): Promise<ContextSigner> {
  const key = (await importJWK(privateJwk, ALG)) as CryptoKey;
  return {
    sign(claims, audience, requestId) {
      return new SignJWT({
        tid: claims.tenantId,
        roles: claims.roles,
        scopes: claims.scopes,
        plan: claims.plan,
        client: claims.clientName,
        padm: claims.platformAdmin,
        ...(requestId ? { rid: requestId } : {}),
      })
        .setProtectedHeader({ alg: ALG, typ: 'platform-context+jwt' })
        .setIssuer(CONTEXT_ISSUER)
        .setAudience(audience)
        .setSubject(claims.userId ?? 'anonymous')
        .setIssuedAt()
        .setExpirationTime(Math.min(Math.floor(Date.now() / 1000) + ttlSeconds, claims.expiresAt ?? Number.POSITIVE_INFINITY))
        .sign(key);
    },
  };
}

export async function createContextVerifier(publicJwk: JWK, audience: string): Promise<ContextVerifier> {
  const key = (await importJWK(publicJwk, ALG)) as CryptoKey;
  return {
    async verify(token) {
      if (!token) throw new ContextTokenError('missing gateway context');
      try {
        const { payload } = await jwtVerify(token, key, {
          algorithms: [ALG],
          issuer: CONTEXT_ISSUER,
          audience,
          requiredClaims: ['exp', 'iat', 'sub'],
          maxTokenAge: '5m',
        });
        const list = (value: unknown) =>
          Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
        const str = (value: unknown) => (typeof value === 'string' && value.length > 0 ? value : null);
        const claims: TenantClaims = Object.freeze({
          tenantId: str(payload.tid),
          userId: payload.sub === 'anonymous' ? null : str(payload.sub),
          roles: list(payload.roles),
          scopes: list(payload.scopes),
          plan: isPlan(payload.plan) ? payload.plan : null,
          clientName: str(payload.client),
          platformAdmin: payload.padm === true,
        });
        return { claims, requestId: str(payload.rid) };
      } catch (error) {
        if (error instanceof joseErrors.JOSEError) throw new ContextTokenError(`invalid gateway context: ${error.code}`);
        throw error;
      }
    },
  };
}
