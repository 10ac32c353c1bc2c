import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { generateDevKeys, loadOrCreateDevKeys } from '../subgraphs/kit/src/auth/devKeys.ts';
import { readEnv } from '../subgraphs/kit/src/config.ts';

/**
 * Prints the secrets docker-compose.yml reads, as .env lines:
 *
 *   npm exec -- node scripts/generateKeys.ts > .env           # the dev keys of .data/keys, so `npm run token` works
 *   npm exec -- node scripts/generateKeys.ts --fresh > .env   # new keys; set JWT_JWKS_URL to your identity provider
 *
 * (`npm exec -- node` runs the project's Node 24, which runs .ts files.)
 *
 * Values are single-quoted: JWKs are JSON, and both Compose implementations read quoted values literally.
 */
export async function keyEnvLines(options: { fresh: boolean; dataDir: string }): Promise<string[]> {
  const keys = options.fresh ? await generateDevKeys() : await loadOrCreateDevKeys(options.dataDir);
  const secret = () => randomBytes(24).toString('base64url');
  const line = (name: string, value: string) => `${name}='${value}'`;
  const lines = [
    '# Secrets for docker-compose.yml (made by scripts/generateKeys.ts). Keep this file out of git.',
    '# The gateway signs the context it forwards with this Ed25519 key; subgraphs verify it with the public half.',
    line('CONTEXT_PRIVATE_KEY', JSON.stringify(keys.context.privateJwk)),
    line('CONTEXT_PUBLIC_KEY', JSON.stringify(keys.context.publicJwk)),
  ];
  if (options.fresh) {
    lines.push(
      '# Bearer tokens: point the gateway at your identity provider (or set JWT_PUBLIC_KEY to one public JWK).',
      "JWT_JWKS_URL=''",
    );
  } else {
    lines.push(
      '# Bearer tokens: the development identity key of .data/keys/dev-keys.json, so `npm run token` mints tokens this stack accepts.',
      line('JWT_PUBLIC_KEY', JSON.stringify(keys.jwt.publicJwk)),
    );
  }
  lines.push(
    '# AES-256-GCM key for integration credentials at rest (base64 of 32 random bytes).',
    line('INTEGRATIONS_ENCRYPTION_KEY', randomBytes(32).toString('base64')),
    '# PostgreSQL: the owner role (migrations) and the serving roles the subgraphs create.',
    line('POSTGRES_PASSWORD', secret()),
    line('APP_DATABASE_PASSWORD', secret()),
  );
  return lines;
}

if (import.meta.main) {
  const args = process.argv.slice(2);
  if (args.some((a) => a !== '--fresh')) {
    process.stderr.write('Usage: npm exec -- node scripts/generateKeys.ts [--fresh] > .env\n');
    process.exit(2);
  }
  const env = readEnv(process.env);
  const dataDir = env.string('DATA_DIR', join(import.meta.dirname, '..', '.data'));
  env.done();
  const lines = await keyEnvLines({ fresh: args.includes('--fresh'), dataDir });
  process.stdout.write(`${lines.join('\n')}\n`);
}
