import { SignJWT, importJWK } from 'jose';
import type { JWK } from 'jose';
import type { Plan } from '../subgraphs/kit/src/auth/claims.ts';
import { isPlan } from '../subgraphs/kit/src/auth/claims.ts';

/**
 * Development JWTs, signed with the local stand-in for an identity provider (the `jwt` pair of
 * .data/keys/dev-keys.json), shaped like the tokens the gateway accepts: sub, tenant_id, roles,
 * plan, iss, aud, iat, exp. Used by `npm run token` and by `npm start` to seed and print a token.
 */
export interface DevTokenClaims {
  /** The user the token speaks for (the gateway requires one); a UUID, as users are. */
  subject?: string;
  /** The tenant (UUID); omitted for an operator token. */
  tenantId?: string | null;
  roles?: readonly string[];
  plan?: Plan | null;
  /** An operator token: may create and list tenants, belongs to no tenant. */
  platformAdmin?: boolean;
  ttlSeconds: number;
}

export interface DevTokenSigner {
  issuer: string;
  audience: string;
  /** The private half of the dev JWT pair (ES256, kid `dev-jwt`). */
  privateJwk: JWK;
}

/** The dev user every dev token names unless told otherwise (the tenants subgraph keys users by UUID). */
export const DEV_USER_ID = '00000000-0000-4000-8000-00000000d0e0';

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function mintDevToken(signer: DevTokenSigner, claims: DevTokenClaims, now = Date.now()): Promise<string> {
  if (!Number.isInteger(claims.ttlSeconds) || claims.ttlSeconds <= 0) throw new Error('the token lifetime must be a positive number of seconds');
  if (!claims.platformAdmin && !claims.tenantId) throw new Error('a token names a tenant, or is a platform-admin token');
  if (claims.tenantId && !UUID.test(claims.tenantId)) throw new Error(`tenant id ${JSON.stringify(claims.tenantId)} is not a UUID`);
  const alg = signer.privateJwk.alg ?? 'ES256';
  const key = await importJWK(signer.privateJwk, alg);
  const payload: Record<string, unknown> = { roles: [...(claims.roles ?? [])] };
  if (claims.tenantId) payload.tenant_id = claims.tenantId;
  if (claims.plan) payload.plan = claims.plan;
  if (claims.platformAdmin) payload.platform_admin = true;
  const issuedAt = Math.floor(now / 1000);
  return new SignJWT(payload)
    .setProtectedHeader({ alg, typ: 'JWT', ...(signer.privateJwk.kid ? { kid: signer.privateJwk.kid } : {}) })
    .setSubject(claims.subject ?? DEV_USER_ID)
    .setIssuer(signer.issuer)
    .setAudience(signer.audience)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + claims.ttlSeconds)
    .sign(key);
}

/** `90s`, `15m`, `12h`, `7d` or a plain number of seconds. */
export function parseDuration(text: string): number {
  const match = /^(\d+)\s*([smhd]?)$/.exec(text.trim());
  const seconds = match ? Number(match[1]) * { '': 1, s: 1, m: 60, h: 3600, d: 86_400 }[match[2] as '' | 's' | 'm' | 'h' | 'd'] : NaN;
  if (!Number.isSafeInteger(seconds) || seconds <= 0) {
    throw new UsageError(`--ttl must be a duration such as 90s, 15m, 12h or 7d, got ${JSON.stringify(text)}`);
  }
  return seconds;
}

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export type TokenRequest =
  | { kind: 'tenant'; tenant: string; roles: string[]; plan: Plan | null; subject: string; ttlSeconds: number }
  | { kind: 'platform-admin'; subject: string; ttlSeconds: number };

const ROLES = ['ADMIN', 'MEMBER', 'VIEWER'];

export const TOKEN_USAGE = `Usage:
  npm run -s token -- --tenant <id or slug> [--role admin|member|viewer]... [--ttl 1h] [--plan PROFESSIONAL] [--user <uuid>]
  npm run -s token -- --platform-admin [--ttl 1h]

Prints a development JWT the local gateway accepts (signed with .data/keys/dev-keys.json).
A slug is looked up on the running gateway (GATEWAY_URL, default http://localhost:4000/graphql).
Roles default to MEMBER; --role may be repeated or comma-separated.`;

/** Parses the command line of `npm run token`; every mistake is a UsageError naming it. */
export function parseTokenArgs(argv: readonly string[]): TokenRequest | { kind: 'help' } {
  let tenant: string | undefined;
  let platformAdmin = false;
  const roles: string[] = [];
  let ttlSeconds = 3600;
  let plan: Plan | null = null;
  let subject = DEV_USER_ID;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!;
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => {
      if (inline !== undefined) return inline;
      const next = argv[i + 1];
      if (next === undefined || next.startsWith('--')) throw new UsageError(`${flag} needs a value`);
      i += 1;
      return next;
    };
    switch (flag) {
      case '--tenant':
        tenant = value();
        break;
      case '--role':
      case '--roles':
        for (const role of value().split(',').map((r) => r.trim().toUpperCase()).filter(Boolean)) {
          if (!ROLES.includes(role)) throw new UsageError(`unknown role ${JSON.stringify(role.toLowerCase())}: use admin, member or viewer`);
          if (!roles.includes(role)) roles.push(role);
        }
        break;
      case '--ttl':
        ttlSeconds = parseDuration(value());
        break;
      case '--plan': {
        const p = value().toUpperCase();
        if (!isPlan(p)) throw new UsageError(`unknown plan ${JSON.stringify(p)}: use TRIAL, STANDARD, PROFESSIONAL or ENTERPRISE`);
        plan = p;
        break;
      }
      case '--user': {
        const u = value();
        if (!UUID.test(u)) throw new UsageError(`--user must be a user id (UUID), got ${JSON.stringify(u)}`);
        subject = u;
        break;
      }
      case '--platform-admin':
        if (inline !== undefined) throw new UsageError('--platform-admin takes no value');
        platformAdmin = true;
        break;
      case '--help':
      case '-h':
        return { kind: 'help' };
      default:
        throw new UsageError(`unknown argument ${JSON.stringify(arg)}`);
    }
  }
  if (platformAdmin && tenant !== undefined) throw new UsageError('use either --tenant or --platform-admin, not both');
  if (platformAdmin) {
    if (roles.length > 0 || plan) throw new UsageError('--role and --plan apply to tenant tokens only');
    return { kind: 'platform-admin', subject, ttlSeconds };
  }
  if (tenant === undefined) throw new UsageError('say which tenant: --tenant <id or slug> (or --platform-admin)');
  if (!UUID.test(tenant) && !/^[a-z][a-z0-9-]{1,39}$/.test(tenant)) {
    throw new UsageError(`--tenant must be a tenant id (UUID) or slug (lowercase letters, digits, dashes), got ${JSON.stringify(tenant)}`);
  }
  return { kind: 'tenant', tenant, roles: roles.length > 0 ? roles : ['MEMBER'], plan, subject, ttlSeconds };
}
