import { execFile, spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { subgraphCatalog } from '../subgraphs/catalog.ts';
import { keyEnvLines } from '../scripts/generateKeys.ts';

/**
 * docker-compose.yml is checked with Debian's docker-compose (`apt-get install docker-compose`),
 * which validates and resolves the file without a Docker engine.
 */
const root = join(import.meta.dirname, '..');
const run = promisify(execFile);
const present = spawnSync('docker-compose', ['version'], { stdio: 'ignore' }).status === 0;
if (!present) console.log('docker-compose is not installed (apt-get install docker-compose): skipping the docker-compose.yml checks');

const apps = ['gateway', ...subgraphCatalog.map((s) => s.name)];
const backing = ['mongo', 'nats', 'postgres', 'redis'];

/** The service blocks of `docker-compose config` output (normalised YAML, two-space indents). */
function serviceBlocks(yaml: string): Map<string, string> {
  const blocks = new Map<string, string>();
  let section: string | undefined;
  let current: string | undefined;
  for (const line of yaml.split('\n')) {
    const top = /^([a-z_-]+):/.exec(line);
    if (top) {
      section = top[1];
      current = undefined;
      continue;
    }
    if (section !== 'services') continue;
    const header = /^ {2}([a-z0-9_-]+):$/.exec(line);
    if (header) blocks.set((current = header[1]!), '');
    else if (current && line.startsWith('    ')) blocks.set(current, `${blocks.get(current)}${line}\n`);
  }
  return blocks;
}

describe.runIf(present)('docker-compose.yml', () => {
  const compose = (...args: string[]) => run('docker-compose', ['--project-directory', root, '-f', join(root, 'docker-compose.yml'), ...args], { cwd: root });

  it('is accepted by docker-compose config', async () => {
    await expect(compose('config', '-q')).resolves.toMatchObject({ stderr: '' });
  });

  it('has the gateway, six subgraphs and the four servers, each with a health check and healthy dependencies', async () => {
    const { stdout } = await compose('config');
    const blocks = serviceBlocks(stdout);
    expect([...blocks.keys()].sort()).toEqual([...apps, ...backing].sort());
    for (const [name, block] of blocks) {
      expect(block, name).toContain('    healthcheck:\n');
      if (!apps.includes(name)) continue;
      expect(block, name).toContain('    build:\n');
      expect(block, name).toMatch(/condition: service_healthy/);
      expect(block, name).not.toMatch(/condition: service_(started|completed)/);
    }
    for (const s of subgraphCatalog) expect(blocks.get('gateway')).toContain(`SUBGRAPH_${s.name.toUpperCase()}_URL: http://${s.name}:${s.port}/graphql`);
    expect(blocks.get('conversations')).toMatch(/MONGODB_URL: mongodb:\/\/mongo:27017/);
    expect(blocks.get('nats')).toMatch(/- -js\n/);
  });

  it('passes the keys of scripts/generateKeys.ts through intact', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'compose-env-'));
    try {
      const lines = await keyEnvLines({ fresh: true, dataDir: dir });
      const envFile = join(dir, 'keys.env');
      await writeFile(envFile, `${lines.join('\n')}\n`);
      const { stdout } = await compose('--env-file', envFile, 'config');
      const blocks = serviceBlocks(stdout);
      const value = (name: string) => {
        const line = lines.find((l) => l.startsWith(`${name}=`))!;
        return line.slice(name.length + 2, -1);
      };
      expect(JSON.parse(value('CONTEXT_PUBLIC_KEY'))).toMatchObject({ kty: 'OKP', crv: 'Ed25519' });
      expect(blocks.get('gateway')).toContain(`CONTEXT_PRIVATE_KEY: '${value('CONTEXT_PRIVATE_KEY')}'`);
      for (const s of subgraphCatalog) expect(blocks.get(s.name)).toContain(`CONTEXT_PUBLIC_KEY: '${value('CONTEXT_PUBLIC_KEY')}'`);
      expect(blocks.get('integrations')).toContain(value('INTEGRATIONS_ENCRYPTION_KEY'));
      expect(blocks.get('tenants')).toContain(`postgres://postgres:${value('POSTGRES_PASSWORD')}@postgres:5432/postgres`);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
