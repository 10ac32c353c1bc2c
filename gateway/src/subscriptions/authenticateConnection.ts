import { GraphQLError } from 'graphql';
import type { TenantClaims } from '../../../subgraphs/kit/src/auth/claims.ts';
import { ErrorCode, PlatformError } from '../../../subgraphs/kit/src/errors.ts';
import type { PartnerAccess } from '../auth/createPartnerDirectory.ts';
import type { Authenticator } from '../auth/createAuthenticator.ts';
import { bearerToken } from '../auth/bearerToken.ts';

/** graphql-ws close codes (its CloseCode) and the WebSocket "try again later". */
export const CLOSE_UNAUTHORIZED = 4401;
export const CLOSE_FORBIDDEN = 4403;
export const CLOSE_TRY_AGAIN_LATER = 1013;

export type ConnectionVerdict = { ok: true; claims: TenantClaims; partner?: PartnerAccess } | { ok: false; code: number; reason: string };

/** A partner key → its client and claims, or the refusal (the persisted gate's `partner`). */
export type PartnerAuthenticator = (apiKey: string, requestId: string) => Promise<{ access: PartnerAccess; claims: TenantClaims } | PlatformError>;

const paramOf = (params: Readonly<Record<string, unknown>> | undefined, name: string) => {
  const key = params ? Object.keys(params).find((k) => k.toLowerCase() === name) : undefined;
  return key ? params![key] : undefined;
};
const absent = (value: unknown) => value === undefined || value === null || value === '';

/**
 * connection_init's payload → the socket's claims, with the same checks as an HTTP request
 * (JWT, then the tenant's stored record). The token travels as `authorization: 'Bearer <jwt>'`
 * (any case of the key, as HTTP headers). No token: 4401. A token that is invalid, expired, of
 * an unknown or suspended tenant: 4403. The tenant directory down: 1013, which clients retry.
 * Partners send `x-api-key: <key>` instead (no bearer token); an unknown or revoked key: 4403.
 */
export async function authenticateConnection(
  connectionParams: Readonly<Record<string, unknown>> | undefined,
  authenticator: Authenticator,
  requestId: string,
  partners?: PartnerAuthenticator,
): Promise<ConnectionVerdict> {
  const value = paramOf(connectionParams, 'authorization');
  const apiKey = paramOf(connectionParams, 'x-api-key');
  // A partner key counts only without a bearer token, as on HTTP.
  if (absent(value) && !absent(apiKey)) return authenticatePartner(apiKey, requestId, partners);
  if (absent(value)) {
    return { ok: false, code: CLOSE_UNAUTHORIZED, reason: 'Unauthorized: send authorization: Bearer <token> or x-api-key in connection_init' };
  }
  const token = typeof value === 'string' ? bearerToken(value) : null;
  if (!token) return { ok: false, code: CLOSE_FORBIDDEN, reason: 'Forbidden: authorization must be "Bearer <token>"' };
  try {
    return { ok: true, claims: await authenticator.authenticate(token, requestId) };
  } catch (error) {
    if (!(error instanceof GraphQLError)) throw error;
    if (error.extensions.code === ErrorCode.SERVICE_UNAVAILABLE) return { ok: false, code: CLOSE_TRY_AGAIN_LATER, reason: 'Try again later' };
    // Close reasons are limited to 123 bytes; the codes say enough, the message is short and public.
    return { ok: false, code: CLOSE_FORBIDDEN, reason: `Forbidden: ${error.message}`.slice(0, 120) };
  }
}

/** Unknown or revoked keys (and keys of missing or suspended tenants): 4403; a directory outage: 1013. */
async function authenticatePartner(apiKey: unknown, requestId: string, partners: PartnerAuthenticator | undefined): Promise<ConnectionVerdict> {
  if (typeof apiKey !== 'string' || !partners) return { ok: false, code: CLOSE_FORBIDDEN, reason: 'Forbidden: API keys are not accepted here' };
  const found = await partners(apiKey, requestId);
  if (found instanceof PlatformError) {
    if (found.code === ErrorCode.SERVICE_UNAVAILABLE) return { ok: false, code: CLOSE_TRY_AGAIN_LATER, reason: 'Try again later' };
    return { ok: false, code: CLOSE_FORBIDDEN, reason: `Forbidden: ${found.message}`.slice(0, 120) };
  }
  return { ok: true, claims: found.claims, partner: found.access };
}
