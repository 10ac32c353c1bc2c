import { CONTEXT_HEADER } from '../../../subgraphs/kit/src/auth/contextToken.ts';
import type { ContextSigner } from '../../../subgraphs/kit/src/auth/contextToken.ts';
import { isPlan } from '../../../subgraphs/kit/src/auth/claims.ts';
import type { Plan, TenantClaims } from '../../../subgraphs/kit/src/auth/claims.ts';

export interface TenantRecord {
  plan: Plan;
  status: 'ACTIVE' | 'SUSPENDED';
}

export class TenantDirectoryUnavailable extends Error {}

/**
 * The tenant's plan and status as the tenants subgraph stores them. Identity providers rarely
 * know a tenant's plan, and a token must not raise its own limits, so the claims forwarded to
 * subgraphs carry the stored plan, and tokens of missing or suspended tenants stop at the edge.
 * Answers are cached per tenant (a plan change or a suspension applies within `ttlMs`).
 */
export function createTenantDirectory(options: {
  tenantsUrl: string;
  signer: ContextSigner;
  ttlMs?: number;
  missingTtlMs?: number;
  timeoutMs?: number;
  maxEntries?: number;
  now?: () => number;
}) {
  const ttlMs = options.ttlMs ?? 30_000;
  const missingTtlMs = options.missingTtlMs ?? 5_000;
  const maxEntries = options.maxEntries ?? 50_000;
  const now = options.now ?? Date.now;
  const entries = new Map<string, { record: Promise<TenantRecord | null>; until: number }>();

  async function fetchRecord(tenantId: string): Promise<TenantRecord | null> {
    const claims: TenantClaims = {
      tenantId,
      userId: null,
      roles: [],
      scopes: [],
      plan: null,
      clientName: 'gateway',
      platformAdmin: false,
    };
    let body: { data?: { tenant?: { plan?: unknown; status?: unknown } | null } | null; errors?: unknown[] };
    try {
      const response = await fetch(options.tenantsUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [CONTEXT_HEADER]: await options.signer.sign(claims, 'tenants') },
        body: JSON.stringify({ query: '{ tenant { plan status } }' }),
        signal: AbortSignal.timeout(options.timeoutMs ?? 3_000),
      });
      body = (await response.json()) as typeof body;
      if (!response.ok || body.errors?.length) throw new Error(`tenants answered ${response.status}`);
    } catch (error) {
      throw new TenantDirectoryUnavailable(error instanceof Error ? error.message : String(error));
    }
    const tenant = body.data?.tenant;
    if (!tenant) return null;
    if (!isPlan(tenant.plan) || (tenant.status !== 'ACTIVE' && tenant.status !== 'SUSPENDED')) {
      throw new TenantDirectoryUnavailable('tenants answered an unexpected tenant record');
    }
    return { plan: tenant.plan, status: tenant.status };
  }

  return {
    lookup(tenantId: string): Promise<TenantRecord | null> {
      const at = now();
      const hit = entries.get(tenantId);
      if (hit && hit.until > at) return hit.record;
      if (hit) entries.delete(tenantId);
      if (entries.size >= maxEntries) {
        const oldest = entries.keys().next();
        if (!oldest.done) entries.delete(oldest.value);
      }
      const record = fetchRecord(tenantId);
      const entry = { record, until: at + ttlMs };
      entries.set(tenantId, entry);
      record.then(
        (value) => {
          if (value === null) entry.until = Math.min(entry.until, at + missingTtlMs);
        },
        () => entries.delete(tenantId), // never cache an outage
      );
      return record;
    },
  };
}
export type TenantDirectory = ReturnType<typeof createTenantDirectory>;
