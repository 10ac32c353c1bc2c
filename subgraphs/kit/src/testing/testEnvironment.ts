import { randomUUID } from 'node:crypto';
import { createContextSigner, createContextVerifier, CONTEXT_HEADER } from '../auth/contextToken.ts';
import type { ContextSigner } from '../auth/contextToken.ts';
import { generateDevKeys } from '../auth/devKeys.ts';
import type { DevKeys } from '../auth/devKeys.ts';
import type { TenantClaims, Plan } from '../auth/claims.ts';
import { dropDatabase } from '../store/pgAdmin.ts';

/**
 * Helpers for tests against the machine's real PostgreSQL, Redis and NATS. Every test run gets
 * its own database names, stream and key prefix, and removes them afterwards.
 */
export const TEST_PG_SERVER = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const TEST_NATS_URL = process.env.TEST_NATS_URL ?? '127.0.0.1:4222';
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

export function uniqueSuffix(): string {
  return randomUUID().replaceAll('-', '').slice(0, 10);
}

/** A fresh database URL on the test server (created by the store's migrate step), and its cleanup. */
export function testDatabase(label: string) {
  const name = `t_${label}_${uniqueSuffix()}`.toLowerCase();
  const u = new URL(TEST_PG_SERVER);
  u.pathname = `/${name}`;
  const adminUrl = u.toString();
  return { name, adminUrl, drop: () => dropDatabase(adminUrl, `${name}_app`) };
}

export function claimsFor(tenantId: string, overrides: Partial<TenantClaims> = {}): TenantClaims {
  return {
    tenantId,
    userId: randomUUID(),
    roles: ['ADMIN'],
    scopes: [],
    plan: 'PROFESSIONAL' satisfies Plan,
    clientName: 'tests',
    platformAdmin: false,
    ...overrides,
  };
}

export const platformAdminClaims: TenantClaims = {
  tenantId: null,
  userId: 'operator',
  roles: [],
  scopes: [],
  plan: null,
  clientName: 'tests',
  platformAdmin: true,
};

/** Keys, a signer standing in for the gateway, and a verifier for a named subgraph. */
export async function testKeys(): Promise<{ keys: DevKeys; signer: ContextSigner }> {
  const keys = await generateDevKeys();
  return { keys, signer: await createContextSigner(keys.context.privateJwk) };
}

export async function verifierFor(keys: DevKeys, subgraph: string) {
  return createContextVerifier(keys.context.publicJwk, subgraph);
}

export interface GraphQLResponse<TData = Record<string, unknown>> {
  status: number;
  body: { data?: TData | null; errors?: Array<{ message: string; extensions?: Record<string, unknown>; path?: unknown[] }> };
}

/** Posts an operation to a subgraph URL as the gateway would (signed context), or unsigned when claims is null. */
export async function postGraphQL<TData = Record<string, unknown>>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  auth?: { signer: ContextSigner; audience: string; claims: TenantClaims } | { header: string; value: string },
): Promise<GraphQLResponse<TData>> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (auth && 'signer' in auth) headers[CONTEXT_HEADER] = await auth.signer.sign(auth.claims, auth.audience, randomUUID());
  else if (auth) headers[auth.header] = auth.value;
  const response = await fetch(url, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
  return { status: response.status, body: (await response.json()) as GraphQLResponse<TData>['body'] };
}
