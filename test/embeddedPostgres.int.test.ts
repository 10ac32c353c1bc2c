import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../subgraphs/kit/src/log.ts';
import { startEmbeddedPostgres } from '../scripts/embeddedPostgres.ts';
import type { EmbeddedPostgres } from '../scripts/embeddedPostgres.ts';

/** The embedded PostgreSQL of `npm start`: first run, restarts, and what a killed run leaves behind. */
const root = join(import.meta.dirname, '..');
const node = join(root, 'node_modules', '.bin', 'node');
const isRoot = userInfo().uid === 0;

let base: string;
let dataDir: string;
let secretsFile: string;
let port: number;
const children: ChildProcess[] = [];

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port: free } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return free;
}

const start = () => startEmbeddedPostgres({ dataDir, port, secretsFile, log: silentLogger });

async function query<T>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows as T[];
  } finally {
    await client.end();
  }
}

/** `npm start` in another process, as far as PostgreSQL is concerned. */
async function startInChild(): Promise<ChildProcess> {
  const script = join(base, 'child.ts');
  await writeFile(
    script,
    `import { startEmbeddedPostgres } from ${JSON.stringify(join(root, 'scripts', 'embeddedPostgres.ts'))};
import { silentLogger } from ${JSON.stringify(join(root, 'subgraphs', 'kit', 'src', 'log.ts'))};
const pg = await startEmbeddedPostgres({ dataDir: ${JSON.stringify(dataDir)}, port: ${port}, secretsFile: ${JSON.stringify(secretsFile)}, log: silentLogger });
process.on('SIGTERM', () => void pg.stop().then(() => process.exit(0)));
console.log('ready');
setInterval(() => {}, 1000);
`,
  );
  const child = spawn(node, [script], { stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('ready') && resolve());
    child.once('exit', (code) => reject(new Error(`child exited ${code}: ${stderr}`)));
  });
  return child;
}

async function postmasterPid(): Promise<number> {
  return Number((await readFile(join(dataDir, 'postmaster.pid'), 'utf8')).split('\n')[0]);
}

/** Running, not merely not yet reaped: an orphan's zombie lingers until PID 1 collects it. */
function alive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return !/^\d+ \(.*\) [ZX]/.test(stat);
  } catch {
    return false;
  }
}

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'embedded-pg-test-'));
  dataDir = join(base, '.data', 'postgres');
  secretsFile = join(base, '.data', 'keys', 'embedded-postgres.json');
  port = await freePort();
});

afterAll(async () => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  // Whatever a failed test left running goes with its directory.
  if (existsSync(join(dataDir, 'postmaster.pid'))) {
    const pid = await postmasterPid().catch(() => 0);
    if (pid > 0 && alive(pid)) process.kill(pid, 'SIGINT');
    await new Promise((r) => setTimeout(r, 500));
  }
  await rm(base, { recursive: true, force: true });
});

describe('startEmbeddedPostgres', () => {
  if (!isRoot) console.log('not running as root: the check that the postgres user can reach the directory does not apply');
  it.runIf(isRoot)('as root, names the directory the postgres user cannot reach', async () => {
    await chmod(base, 0o700);
    await expect(start()).rejects.toThrow(/cannot reach .* is not searchable by others; set EMBEDDED_PG_DIR/);
    await chmod(base, 0o755);
  });

  it('initialises a cluster on first use, with passwords, on loopback only, and keeps data across restarts', async () => {
    await chmod(base, 0o755);
    let server: EmbeddedPostgres = await start();
    expect(existsSync(join(dataDir, 'PG_VERSION'))).toBe(true);
    expect(await query<{ listen: string }>(server.url, "select current_setting('listen_addresses') as listen")).toEqual([{ listen: '127.0.0.1' }]);
    const wrong = new URL(server.url);
    wrong.password = 'wrong';
    await expect(query(wrong.toString(), 'select 1')).rejects.toThrow(/password authentication failed/);
    await query(server.url, 'create table kept (n int); insert into kept values (42)');
    await server.stop();
    await expect(query(server.url, 'select 1')).rejects.toThrow(/ECONNREFUSED/);

    server = await start();
    expect(await query(server.url, 'select n from kept')).toEqual([{ n: 42 }]);
    await server.stop();
  });

  it('stops the server a SIGKILLed run left behind, then starts its own', async () => {
    const child = await startInChild();
    const orphan = await postmasterPid();
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
    expect(alive(orphan)).toBe(true);

    const server = await start();
    try {
      expect(alive(orphan)).toBe(false);
      expect(await postmasterPid()).not.toBe(orphan);
      expect(await query(server.url, 'select n from kept')).toEqual([{ n: 42 }]);
    } finally {
      await server.stop();
    }
  });

  it('refuses a cluster another live npm start is using', async () => {
    const child = await startInChild();
    await expect(start()).rejects.toThrow(`in use by another npm start (pid ${child.pid})`);
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    const server = await start();
    await server.stop();
  });

  it('removes a postmaster.pid whose process is gone', async () => {
    const gone = spawn('true');
    await new Promise((resolve) => gone.once('exit', resolve));
    await writeFile(join(dataDir, 'postmaster.pid'), `${gone.pid}\n${dataDir}\n`);
    const server = await start();
    try {
      expect(await query(server.url, 'select 1 as one')).toEqual([{ one: 1 }]);
    } finally {
      await server.stop();
    }
  });

  it('says when the port is taken', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(port, '127.0.0.1', resolve));
    try {
      await expect(start()).rejects.toThrow(/did not start on port \d+ \(the port is taken: set EMBEDDED_PG_PORT/);
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });
});
