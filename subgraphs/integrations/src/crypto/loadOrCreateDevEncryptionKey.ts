import { randomBytes } from 'node:crypto';
import { link, mkdir, readFile, stat, unlink, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { decodeKey } from './readEncryptionKeys.ts';

export function devEncryptionKeyPath(dataDir: string): string {
  return join(dataDir, 'keys', 'integrations.key');
}

/**
 * Development only: a credential key made on first start under the data folder (git-ignored) and
 * reused afterwards, so credentials stored by `npm start` stay readable across restarts.
 * A file that exists but does not hold a key is an error, never silently replaced: replacing it
 * would make every stored credential unreadable.
 */
export async function loadOrCreateDevEncryptionKey(dataDir: string): Promise<{ key: Buffer; path: string; created: boolean }> {
  const path = devEncryptionKeyPath(dataDir);
  const existing = await readKeyFile(path);
  if (existing) return { key: existing, path, created: false };
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  // Write aside, then link into place: link fails if another process won the race, and then both
  // use the winner's key; nobody ever reads half a file.
  const tmp = `${path}.${process.pid}.tmp`;
  await writeFile(tmp, `${randomBytes(32).toString('base64')}\n`, { mode: 0o600 });
  let created = true;
  try {
    await link(tmp, path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    created = false;
  } finally {
    await unlink(tmp);
  }
  const key = await readKeyFile(path);
  if (!key) throw new Error(`${path} vanished while it was being created`);
  return { key, path, created };
}

async function readKeyFile(path: string): Promise<Buffer | null> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  const key = decodeKey(text.trim());
  if (typeof key === 'string') throw new Error(`${path} does not hold a credential key: it ${key}`);
  if (((await stat(path)).mode & 0o077) !== 0) throw new Error(`${path} is readable by other users; run: chmod 600 ${path}`);
  return key;
}
