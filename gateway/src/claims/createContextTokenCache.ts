import type { ContextSigner } from '../../../subgraphs/kit/src/auth/contextToken.ts';
import type { TenantClaims } from '../../../subgraphs/kit/src/auth/claims.ts';

/**
 * Signing is the gateway's main per-fetch cost. A caller's token for one subgraph is the same
 * for every request with the same claims, so it is reused for half its lifetime (a subgraph never
 * sees one with less than half its TTL left). Bounded: the oldest entries go first.
 */
export function createContextTokenCache(options: { signer: ContextSigner; reuseSeconds: number; maxEntries?: number; now?: () => number }) {
  const maxEntries = options.maxEntries ?? 10_000;
  const now = options.now ?? Date.now;
  const entries = new Map<string, { token: Promise<string>; until: number }>();
  return {
    get(claims: TenantClaims, audience: string): Promise<string> {
      const key = `${audience}\u0000${JSON.stringify(claims)}`;
      const hit = entries.get(key);
      const at = now();
      if (hit && hit.until > at) return hit.token;
      if (hit) entries.delete(key);
      if (entries.size >= maxEntries) {
        const oldest = entries.keys().next();
        if (!oldest.done) entries.delete(oldest.value);
      }
      const token = options.signer.sign(claims, audience);
      token.catch(() => entries.delete(key));
      // Never reuse past the caller's own expiry (the token itself expires with it too).
      const until = Math.min(at + options.reuseSeconds * 1000, (claims.expiresAt ?? Number.POSITIVE_INFINITY) * 1000);
      entries.set(key, { token, until });
      return token;
    },
    size: () => entries.size,
  };
}
