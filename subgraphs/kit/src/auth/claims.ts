/** What the platform knows about the caller of a request, from the edge to every row. */
export const plans = ['TRIAL', 'STANDARD', 'PROFESSIONAL', 'ENTERPRISE'] as const;
export type Plan = (typeof plans)[number];

export interface TenantClaims {
  /** The tenant every row the request reads or writes must belong to; null for platform operators. */
  readonly tenantId: string | null;
  readonly userId: string | null;
  readonly roles: readonly string[];
  readonly scopes: readonly string[];
  readonly plan: Plan | null;
  /** The partner client or first-party app that made the call, when known. */
  readonly clientName: string | null;
  /** The platform operator, who may create and list tenants. */
  readonly platformAdmin: boolean;
  /** When the caller's own credential expires (seconds since the epoch): nothing derived from it outlives it. */
  readonly expiresAt?: number;
}

export const anonymousClaims: TenantClaims = Object.freeze({
  tenantId: null,
  userId: null,
  roles: [],
  scopes: [],
  plan: null,
  clientName: null,
  platformAdmin: false,
});

export function isPlan(value: unknown): value is Plan {
  return typeof value === 'string' && (plans as readonly string[]).includes(value);
}

export function hasRole(claims: TenantClaims, role: string): boolean {
  return claims.roles.includes(role);
}

/**
 * Writes need MEMBER or ADMIN: a viewer, and a caller with no role at all (a token that names a
 * tenant but grants nothing), may read but not change anything.
 */
export function isReadOnly(claims: TenantClaims): boolean {
  return !hasRole(claims, 'MEMBER') && !hasRole(claims, 'ADMIN');
}
