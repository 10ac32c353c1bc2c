import { join } from 'node:path';
import { loadOrCreateDevKeys } from '../subgraphs/kit/src/auth/devKeys.ts';
import { isPlan } from '../subgraphs/kit/src/auth/claims.ts';
import type { Plan } from '../subgraphs/kit/src/auth/claims.ts';
import { readEnv } from '../subgraphs/kit/src/config.ts';
import type { Env } from '../subgraphs/kit/src/config.ts';
import { GATEWAY_PORT } from '../subgraphs/catalog.ts';
import { loadGatewayConfig } from '../gateway/src/config.ts';
import { mintDevToken, parseTokenArgs, TOKEN_USAGE, UsageError, UUID } from './devToken.ts';
import type { DevTokenSigner } from './devToken.ts';
import { createGatewayClient } from './gatewayClient.ts';
import type { GatewayClient } from './gatewayClient.ts';

/**
 * `npm run -s token -- --tenant <id or slug> [--role admin] [--ttl 1h]` and `-- --platform-admin`:
 * prints a development JWT for the local gateway. Issuer and audience are the gateway's own
 * settings (JWT_ISSUER, JWT_AUDIENCE), the key is the dev key the gateway trusts by default.
 */
export async function devTokenSigner(env: Env, root: string): Promise<{ signer: DevTokenSigner; warning: string | null }> {
  const gateway = loadGatewayConfig(env, root);
  const keys = await loadOrCreateDevKeys(gateway.dataDir);
  const warning =
    gateway.jwt.jwksUrl || gateway.jwt.publicJwk
      ? 'JWT_JWKS_URL or JWT_PUBLIC_KEY is set, so a gateway with this configuration does not accept dev tokens'
      : null;
  return { signer: { issuer: gateway.jwt.issuer, audience: gateway.jwt.audience, privateJwk: keys.jwt.privateJwk }, warning };
}

/** A tenant id as is; a slug looked up on the gateway with a short-lived operator token. */
export async function resolveTenant(
  ref: string,
  client: GatewayClient,
  signer: DevTokenSigner,
): Promise<{ id: string; plan: Plan | null }> {
  if (UUID.test(ref)) return { id: ref.toLowerCase(), plan: null };
  const operator = await mintDevToken(signer, { platformAdmin: true, ttlSeconds: 60 });
  const data = await client.request<{ tenantBySlug: { id: string; plan: string } | null }>(
    'query TenantBySlug($slug: String!) { tenantBySlug(slug: $slug) { id plan } }',
    { slug: ref },
    operator,
  );
  if (!data.tenantBySlug) throw new Error(`no tenant has the slug ${JSON.stringify(ref)}`);
  return { id: data.tenantBySlug.id, plan: isPlan(data.tenantBySlug.plan) ? data.tenantBySlug.plan : null };
}

export async function tokenCommand(argv: readonly string[], env: Env, root: string): Promise<{ token: string | null; warning: string | null }> {
  const request = parseTokenArgs(argv);
  if (request.kind === 'help') return { token: null, warning: null };
  const e = readEnv(env);
  const gatewayUrl = e.url('GATEWAY_URL', `http://localhost:${GATEWAY_PORT}/graphql`)!;
  e.done();
  const { signer, warning } = await devTokenSigner(env, root);
  if (request.kind === 'platform-admin') {
    return { token: await mintDevToken(signer, { platformAdmin: true, subject: request.subject, ttlSeconds: request.ttlSeconds }), warning };
  }
  const tenant = await resolveTenant(request.tenant, createGatewayClient(gatewayUrl, { timeoutMs: 10_000 }), signer);
  const token = await mintDevToken(signer, {
    tenantId: tenant.id,
    subject: request.subject,
    roles: request.roles,
    plan: request.plan ?? tenant.plan,
    ttlSeconds: request.ttlSeconds,
  });
  return { token, warning };
}

if (import.meta.main) {
  const root = join(import.meta.dirname, '..');
  try {
    const { token, warning } = await tokenCommand(process.argv.slice(2), process.env, root);
    if (warning) process.stderr.write(`warning: ${warning}\n`);
    if (token === null) process.stdout.write(`${TOKEN_USAGE}\n`);
    else process.stdout.write(`${token}\n`);
  } catch (error) {
    process.stderr.write(`npm run token: ${error instanceof Error ? error.message : String(error)}\n`);
    if (error instanceof UsageError) process.stderr.write(`\n${TOKEN_USAGE}\n`);
    process.exitCode = error instanceof UsageError ? 2 : 1;
  }
}
