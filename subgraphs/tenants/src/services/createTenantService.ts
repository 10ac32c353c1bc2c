import { createHash, randomBytes } from 'node:crypto';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { TenantClaims, Plan } from '../../../kit/src/auth/claims.ts';
import { hasRole } from '../../../kit/src/auth/claims.ts';
import { createEvent } from '../../../kit/src/bus/PlatformEvent.ts';
import { badInput, conflict, forbidden, notFound, unauthenticated } from '../../../kit/src/errors.ts';
import { isUuid } from '../../../kit/src/isUuid.ts';
import type { Logger } from '../../../kit/src/log.ts';
import { pageRequest, toConnection } from '../../../kit/src/pagination.ts';
import type { PageArgs } from '../../../kit/src/pagination.ts';
import type { PgStore } from '../../../kit/src/store/createPgStore.ts';
import { ApiKey } from '../entities/ApiKey.ts';
import { Tenant } from '../entities/Tenant.ts';
import type { TenantEntity } from '../entities/Tenant.ts';
import { User } from '../entities/User.ts';
import type { RoleName } from '../entities/User.ts';

const SLUG = /^[a-z][a-z0-9-]{2,39}$/;
const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,255}$/;

export interface TenantServiceDeps {
  store: PgStore;
  /** Unused: events leave through the store's outbox (`store.enqueue`). Kept while server.ts still passes it. */
  log: Logger;
  claims: TenantClaims;
}

function requireText(field: string, value: string, max: number): string {
  const trimmed = value.trim();
  if (trimmed.length < 1 || trimmed.length > max) throw badInput(`\`${field}\` must be 1 to ${max} characters`, { field });
  return trimmed;
}

/** Business rules of the tenants subgraph, bound to one caller. */
export function createTenantService({ store, log, claims }: TenantServiceDeps) {
  const requireTenant = () => {
    if (!claims.tenantId) throw forbidden('This operation needs a tenant');
    return claims.tenantId;
  };
  const requireAdmin = () => {
    const tenantId = requireTenant();
    if (!hasRole(claims, 'ADMIN')) throw forbidden('Only tenant admins may do this');
    return tenantId;
  };

  return {
    async list(args: PageArgs) {
      if (!claims.platformAdmin) throw forbidden('Only platform operators may list tenants');
      const page = pageRequest(args);
      return store.run(claims, async (em) => {
        const where = page.after
          ? { $or: [{ createdAt: { $lt: page.after.createdAt } }, { createdAt: page.after.createdAt, id: { $lt: page.after.id } }] }
          : {};
        const [rows, totalCount] = await Promise.all([
          em.find(Tenant, where, { orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], limit: page.limit }),
          em.count(Tenant, {}),
        ]);
        return { ...toConnection(rows, page), totalCount };
      });
    },

    async bySlug(slug: string): Promise<TenantEntity | null> {
      // RLS shows a tenant only its own row, and operators every row.
      return store.run(claims, (em) => em.findOne(Tenant, { slug }));
    },

    async create(input: { slug: string; name: string; plan?: Plan | null }): Promise<TenantEntity> {
      if (!claims.platformAdmin) throw forbidden('Only platform operators may create tenants');
      if (!SLUG.test(input.slug)) {
        throw badInput('`slug` must be 3 to 40 lowercase letters, digits or dashes, starting with a letter', { field: 'slug' });
      }
      const name = requireText('name', input.name, 200);
      let tenant: TenantEntity;
      try {
        tenant = await store.run(claims, async (em) => {
          const created = em.create(Tenant, { slug: input.slug, name, plan: input.plan ?? 'TRIAL' });
          await em.flush();
          // Committed with the tenant, published by the store's outbox relay.
          await store.enqueue(em, createEvent('tenant.created', created.id, 'tenants', { slug: created.slug, plan: created.plan }));
          return created;
        });
      } catch (error) {
        if (error instanceof UniqueConstraintViolationException) throw conflict(`A tenant with slug "${input.slug}" exists`, { field: 'slug' });
        throw error;
      }
      log.info('tenant created', { tenantId: tenant.id, slug: tenant.slug });
      return tenant;
    },

    async me() {
      // Identity providers issue subjects like "auth0|abc": such a caller has no user row here.
      if (!claims.tenantId || !isUuid(claims.userId)) return null;
      const userId = claims.userId;
      return store.run(claims, (em) => em.findOne(User, { id: userId }));
    },

    async createUser(input: { email: string; name: string; roles?: readonly RoleName[] | null }) {
      const tenantId = requireAdmin();
      const email = input.email.trim().toLowerCase();
      if (!EMAIL.test(email)) throw badInput('`email` is not an email address', { field: 'email' });
      const name = requireText('name', input.name, 200);
      try {
        return await store.run(claims, async (em) => {
          const user = em.create(User, { tenantId, email, name, roles: [...new Set<RoleName>(input.roles ?? ['MEMBER'])] });
          await em.flush();
          return user;
        });
      } catch (error) {
        if (error instanceof UniqueConstraintViolationException) throw conflict(`A user with email "${email}" exists`, { field: 'email' });
        throw error;
      }
    },

    async createApiKey(input: { name: string; scopes?: readonly string[] | null }) {
      const tenantId = requireAdmin();
      const name = requireText('name', input.name, 100);
      const secret = `pk_${randomBytes(24).toString('base64url')}`;
      const apiKey = await store.run(claims, async (em) => {
        const created = em.create(ApiKey, {
          tenantId,
          name,
          prefix: secret.slice(0, 10),
          secretHash: createHash('sha256').update(secret).digest('hex'),
          scopes: [...new Set(input.scopes ?? [])],
        });
        await em.flush();
        return created;
      });
      return { apiKey, secret };
    },

    async revokeApiKey(id: string) {
      requireAdmin();
      if (!isUuid(id)) throw notFound('API key', id);
      return store.run(claims, async (em) => {
        const key = await em.findOne(ApiKey, { id });
        if (!key) throw notFound('API key', id);
        key.revokedAt ??= new Date();
        await em.flush();
        return key;
      });
    },

    ensureAuthenticated() {
      if (!claims.tenantId && !claims.platformAdmin) throw unauthenticated('No tenant in the request context', false);
    },
  };
}
export type TenantService = ReturnType<typeof createTenantService>;
