import { CONTEXT_HEADER } from '../../../subgraphs/kit/src/auth/contextToken.ts';
import type { ContextSigner } from '../../../subgraphs/kit/src/auth/contextToken.ts';
import type { TenantClaims } from '../../../subgraphs/kit/src/auth/claims.ts';

export interface PartnerAccess {
  clientId: string;
  clientName: string;
  tenantId: string;
  documentIds: readonly string[];
}

export class PartnerDirectoryUnavailable extends Error {}

/** The scope the integrations subgraph requires for its cross-tenant partner lookups. */
const LOOKUP_SCOPE = 'internal:partner-lookup';

/**
 * Partner keys and registered documents as the integrations subgraph stores them, asked with the
 * gateway's own internal identity (no tenant, scope internal:partner-lookup). Answers, negative
 * ones included, are cached for `ttlMs` per key hash and per (client, document), so a revoked key
 * stops working within that time on every replica; outages are never cached.
 */
export function createPartnerDirectory(options: {
  integrationsUrl: string;
  signer: ContextSigner;
  ttlMs: number;
  timeoutMs?: number;
  maxEntries?: number;
  now?: () => number;
}) {
  const now = options.now ?? Date.now;
  const maxEntries = options.maxEntries ?? 50_000;
  const entries = new Map<string, { value: Promise<unknown>; until: number }>();
  const claims: TenantClaims = {
    tenantId: null,
    userId: null,
    roles: [],
    scopes: [LOOKUP_SCOPE],
    plan: null,
    clientName: 'gateway',
    platformAdmin: false,
  };

  async function ask<T>(query: string, variables: Record<string, string>, field: string): Promise<T | null> {
    let body: { data?: Record<string, unknown> | null; errors?: unknown[] };
    try {
      const response = await fetch(options.integrationsUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [CONTEXT_HEADER]: await options.signer.sign(claims, 'integrations') },
        body: JSON.stringify({ query, variables }),
        signal: AbortSignal.timeout(options.timeoutMs ?? 3_000),
      });
      body = (await response.json()) as typeof body;
      if (!response.ok || body.errors?.length) throw new Error(`integrations answered ${response.status}: ${JSON.stringify(body.errors ?? [])}`);
    } catch (error) {
      throw new PartnerDirectoryUnavailable(error instanceof Error ? error.message : String(error));
    }
    return (body.data?.[field] ?? null) as T | null;
  }

  function cached<T>(key: string, load: () => Promise<T>): Promise<T> {
    const at = now();
    const hit = entries.get(key);
    if (hit && hit.until > at) return hit.value as Promise<T>;
    if (hit) entries.delete(key);
    if (entries.size >= maxEntries) {
      const oldest = entries.keys().next();
      if (!oldest.done) entries.delete(oldest.value);
    }
    const value = load();
    entries.set(key, { value, until: at + options.ttlMs });
    value.catch(() => entries.delete(key)); // never cache an outage
    return value;
  }

  return {
    /** The client holding the active key with this hash, or null (unknown or revoked). */
    access(keyHash: string): Promise<PartnerAccess | null> {
      return cached(`key:${keyHash}`, () =>
        ask<PartnerAccess>(
          'query PartnerAccess($keyHash: String!) { partnerAccess(keyHash: $keyHash) { clientId clientName tenantId documentIds } }',
          { keyHash },
          'partnerAccess',
        ),
      );
    },
    /** The body of a document registered for the client, or null. */
    document(clientId: string, documentId: string): Promise<string | null> {
      return cached(`doc:${clientId}:${documentId}`, () =>
        ask<string>(
          'query PartnerDocument($clientId: ID!, $documentId: String!) { partnerDocument(clientId: $clientId, documentId: $documentId) }',
          { clientId, documentId },
          'partnerDocument',
        ),
      );
    },
  };
}
export type PartnerDirectory = ReturnType<typeof createPartnerDirectory>;
