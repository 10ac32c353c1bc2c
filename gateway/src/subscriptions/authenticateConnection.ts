import { GraphQLError } from 'graphql';
import type { TenantClaims } from '../../../subgraphs/kit/src/auth/claims.ts';
import { ErrorCode } from '../../../subgraphs/kit/src/errors.ts';
import type { Authenticator } from '../auth/createAuthenticator.ts';
import { bearerToken } from '../auth/bearerToken.ts';

/** graphql-ws close codes (its CloseCode) and the WebSocket "try again later". */
export const CLOSE_UNAUTHORIZED = 4401;
export const CLOSE_FORBIDDEN = 4403;
export const CLOSE_TRY_AGAIN_LATER = 1013;

export type ConnectionVerdict = { ok: true; claims: TenantClaims } | { ok: false; code: number; reason: string };

/**
 * connection_init's payload → the socket's claims, with the same checks as an HTTP request
 * (JWT, then the tenant's stored record). The token travels as `authorization: 'Bearer <jwt>'`
 * (any case of the key, as HTTP headers). No token: 4401. A token that is invalid, expired, of
 * an unknown or suspended tenant: 4403. The tenant directory down: 1013, which clients retry.
 */
export async function authenticateConnection(
  connectionParams: Readonly<Record<string, unknown>> | undefined,
  authenticator: Authenticator,
  requestId: string,
): Promise<ConnectionVerdict> {
  const key = connectionParams ? Object.keys(connectionParams).find((name) => name.toLowerCase() === 'authorization') : undefined;
  const value = key ? connectionParams![key] : undefined;
  if (value === undefined || value === null || value === '') {
    return { ok: false, code: CLOSE_UNAUTHORIZED, reason: 'Unauthorized: send authorization: Bearer <token> in connection_init' };
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
