import pg from 'pg';

/** Database administration done as the owner role: create the database, the serving role and grants. */
export function databaseNameOf(url: string): string {
  const name = decodeURIComponent(new URL(url).pathname.replace(/^\//, ''));
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new Error(`database name ${JSON.stringify(name)} must be lowercase snake_case`);
  return name;
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export async function ensureDatabase(adminUrl: string): Promise<void> {
  const name = databaseNameOf(adminUrl);
  await withClient(withDatabase(adminUrl, 'postgres'), async (client) => {
    const found = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (found.rowCount === 0) {
      try {
        await client.query(`create database ${quoteIdent(name)}`);
      } catch (error) {
        // Another replica created it between our check and our create.
        if ((error as { code?: string }).code !== '42P04') throw error;
      }
    }
  });
}

/** Drops a database and its serving role (tests clean up with this). */
export async function dropDatabase(adminUrl: string, appRole?: string): Promise<void> {
  const name = databaseNameOf(adminUrl);
  await withClient(withDatabase(adminUrl, 'postgres'), async (client) => {
    await client.query(`drop database if exists ${quoteIdent(name)} with (force)`);
    if (appRole) await client.query(`drop role if exists ${quoteIdent(appRole)}`);
  });
}

/**
 * The serving role: may log in, read and write rows, and nothing else — not superuser, no
 * BYPASSRLS, owns no table, so forced row-level security always applies to it.
 */
export async function ensureAppRole(adminUrl: string, role: string, password: string | null): Promise<void> {
  const database = databaseNameOf(adminUrl);
  await withClient(adminUrl, async (client) => {
    await client.query('select pg_advisory_lock(hashtext($1))', [`role:${role}`]);
    try {
      const exists = await client.query('select 1 from pg_roles where rolname = $1', [role]);
      const pass = password === null ? '' : ` password ${pgLiteral(password)}`;
      if (exists.rowCount === 0) {
        await client.query(`create role ${quoteIdent(role)} login nosuperuser nobypassrls nocreatedb nocreaterole${pass}`);
      } else {
        await client.query(`alter role ${quoteIdent(role)} login nosuperuser nobypassrls${pass}`);
      }
      const r = quoteIdent(role);
      await client.query(`grant connect on database ${quoteIdent(database)} to ${r}`);
      await client.query(`grant usage on schema public to ${r}`);
      await client.query(`grant select, insert, update, delete on all tables in schema public to ${r}`);
      await client.query(`grant usage, select on all sequences in schema public to ${r}`);
    } finally {
      await client.query('select pg_advisory_unlock(hashtext($1))', [`role:${role}`]);
    }
  });
}

function pgLiteral(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

/** The serving URL: the owner's URL with the serving role's name (and its password, if any). */
export function deriveAppUrl(adminUrl: string, role: string, password: string | null): string {
  const u = new URL(adminUrl);
  u.username = role;
  u.password = password ?? '';
  return u.toString();
}
