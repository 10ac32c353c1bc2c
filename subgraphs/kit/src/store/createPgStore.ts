import { MikroORM } from '@mikro-orm/postgresql';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { EntitySchema } from '@mikro-orm/core';
import { Migrator, Migration } from '@mikro-orm/migrations';
import pg from 'pg';
import type { TenantClaims } from '../auth/claims.ts';
import type { EventBus } from '../bus/EventBus.ts';
import type { PlatformEvent } from '../bus/PlatformEvent.ts';
import type { Logger } from '../log.ts';
import { createCountingLogger } from './countingLogger.ts';
import { createOutboxRelay } from './createOutboxRelay.ts';
import type { OutboxRelay, OutboxRelayOptions } from './createOutboxRelay.ts';
import { insertOutboxEvent } from './outbox.ts';
import { ensureDatabase, ensureAppRole, deriveAppUrl, databaseNameOf } from './pgAdmin.ts';
import { TENANT_SETTING, PLATFORM_ADMIN_SETTING } from './tenantIsolationSql.ts';

export interface SqlMigration {
  /** Stable name recorded once applied, for example `001_init`. */
  name: string;
  statements: readonly string[];
}

export interface PgStoreOptions {
  /** The owner's URL of this service's own database: migrations run as it. */
  adminUrl: string;
  /** The serving role's URL; when unset, a role `<database>_app` is made and used. */
  appUrl?: string;
  /** Password of the derived serving role (none under trust authentication). */
  appPassword?: string | null;
  // biome-ignore lint: entity schemas differ per entity
  entities: EntitySchema<any, any>[];
  migrations: readonly SqlMigration[];
  /** Entities filtered by tenant in every find/count/update/delete (RLS still applies underneath). */
  // biome-ignore lint: entity schemas differ per entity
  tenantScoped: EntitySchema<any, any>[];
  poolMax?: number;
  log: Logger;
  /**
   * The bus the outbox is published to. When given, the store runs an outbox relay (and closes
   * it in `close()`); the migrations must then include `outboxMigration`.
   */
  bus?: EventBus;
  /** Tuning of that relay (tests shorten the polling period). */
  relay?: Pick<OutboxRelayOptions, 'intervalMs' | 'batch' | 'maxBackoffMs'>;
}

/** No tenant matches this id: callers without a tenant (platform operators) see no tenant rows. */
const NO_TENANT = '00000000-0000-0000-0000-000000000000';

export interface PgStore {
  readonly orm: MikroORM;
  readonly appRole: string;
  /** Statements sent so far (not counting transaction bookkeeping); for tests of N+1. */
  statementCount(): number;
  /**
   * Runs `fn` in one transaction whose first statement sets the tenant (transaction-local, so a
   * pooled connection never carries it to the next user), with the tenant filter on.
   */
  run<T>(claims: TenantClaims, fn: (em: EntityManager) => Promise<T>): Promise<T>;
  /**
   * Adds an event to the outbox in the transaction of `em` (the one `run` gave): it is published
   * only if that transaction commits, right after the commit when the store has a relay.
   */
  enqueue(em: EntityManager, event: PlatformEvent): Promise<void>;
  /** The relay this store owns (when created with a bus), else null. */
  readonly relay: OutboxRelay | null;
  ping(): Promise<boolean>;
  /** Closes the relay (after a last attempt to publish), then the connections. */
  close(): Promise<void>;
}

export async function migrate(adminUrl: string, migrations: readonly SqlMigration[], log: Logger): Promise<string[]> {
  await ensureDatabase(adminUrl);
  const lock = new pg.Client({ connectionString: adminUrl });
  await lock.connect();
  // Replicas starting together take turns; the second finds nothing pending.
  await lock.query("select pg_advisory_lock(hashtext('schema_migrations'))");
  try {
    const migrationsList = migrations.map((m) => ({
      name: m.name,
      class: class extends Migration {
        override up() {
          for (const statement of m.statements) this.addSql(statement);
        }
      },
    }));
    const orm = await MikroORM.init({
      clientUrl: adminUrl,
      entities: [],
      discovery: { warnWhenNoEntities: false },
      extensions: [Migrator],
      ensureDatabase: false,
      migrations: { migrationsList, tableName: 'schema_migrations', snapshot: false, silent: true },
      loggerFactory: () => createCountingLogger(log).logger,
    });
    try {
      const applied = await orm.migrator.up();
      if (applied.length > 0) log.info('migrations applied', { migrations: applied.map((a) => a.name) });
      return applied.map((a) => a.name);
    } finally {
      await orm.close();
    }
  } finally {
    await lock.query("select pg_advisory_unlock(hashtext('schema_migrations'))").catch(() => undefined);
    await lock.end();
  }
}

/** Migrates as the owner, makes sure the serving role exists, then serves as that role. */
export async function createPgStore(options: PgStoreOptions): Promise<PgStore> {
  const { log } = options;
  await migrate(options.adminUrl, options.migrations, log);
  const appRole = options.appUrl ? decodeURIComponent(new URL(options.appUrl).username) : `${databaseNameOf(options.adminUrl)}_app`;
  if (!options.appUrl) await ensureAppRole(options.adminUrl, appRole, options.appPassword ?? null);
  const appUrl = options.appUrl ?? deriveAppUrl(options.adminUrl, appRole, options.appPassword ?? null);
  const { logger, counter } = createCountingLogger(log);
  const scoped = new Set(options.tenantScoped.map((e) => e.meta.className));
  const orm = await MikroORM.init({
    clientUrl: appUrl,
    entities: options.entities,
    ensureDatabase: false,
    pool: { min: 0, max: options.poolMax ?? 10, idleTimeoutMillis: 30_000 },
    loggerFactory: () => logger,
    autoJoinRefsForFilters: false,
    filters: {
      tenant: {
        cond: (args: { tenantId: string }) => ({ tenantId: args.tenantId }),
        default: true,
        entity: [...scoped],
      },
    },
  });
  let relay: OutboxRelay | null = null;
  try {
    await verifyServingRole(orm, appRole);
    if (options.bus) {
      await verifyOutboxTable(orm);
      relay = createOutboxRelay({ orm, bus: options.bus, log, ...options.relay });
    }
  } catch (error) {
    await orm.close();
    throw error;
  }
  /** Transactions that enqueued: their commit pokes the relay. */
  const enqueued = new WeakSet<EntityManager>();
  return {
    orm,
    appRole,
    relay,
    statementCount: () => counter.statements,
    async run(claims, fn) {
      const em = orm.em.fork({ clear: true });
      const tenantId = claims.tenantId ?? NO_TENANT;
      em.setFilterParams('tenant', { tenantId });
      const outcome = await em.transactional(async (tem) => {
        await tem.execute(`select set_config('${TENANT_SETTING}', ?, true), set_config('${PLATFORM_ADMIN_SETTING}', ?, true)`, [
          claims.tenantId ?? '',
          claims.platformAdmin ? 'on' : 'off',
        ]);
        tem.setFilterParams('tenant', { tenantId });
        const value = await fn(tem);
        return { value, enqueued: enqueued.has(tem) };
      });
      // Committed: publish now rather than at the next poll.
      if (outcome.enqueued) relay?.poke();
      return outcome.value;
    },
    async enqueue(em, event) {
      await insertOutboxEvent(em, event);
      enqueued.add(em);
    },
    async ping() {
      try {
        await orm.em.fork().execute('select 1');
        return true;
      } catch {
        return false;
      }
    },
    async close() {
      try {
        await relay?.close();
      } finally {
        await orm.close();
      }
    },
  };
}

/** A store with a bus must have the outbox table: say which migration is missing, at start-up. */
async function verifyOutboxTable(orm: MikroORM): Promise<void> {
  const rows = await orm.em.fork().execute<{ found: string | null }[]>("select to_regclass('outbox_events')::text as found");
  if (!rows[0]?.found) throw new Error('the store has a bus but no outbox_events table: append outboxMigration to its migrations');
}

/** Refuses to serve as a role that would bypass row-level security. */
async function verifyServingRole(orm: MikroORM, expected: string): Promise<void> {
  const rows = await orm.em.fork().execute<{ rolname: string; rolsuper: boolean; rolbypassrls: boolean }[]>(
    'select rolname, rolsuper, rolbypassrls from pg_roles where rolname = current_user',
  );
  const role = rows[0];
  if (!role) throw new Error('cannot read the serving role');
  if (role.rolsuper || role.rolbypassrls) {
    throw new Error(`serving role ${role.rolname} bypasses row-level security; configure a plain role (expected ${expected})`);
  }
}
