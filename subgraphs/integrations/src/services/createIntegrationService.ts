import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { TenantClaims } from '../../../kit/src/auth/claims.ts';
import { hasRole } from '../../../kit/src/auth/claims.ts';
import { createEvent } from '../../../kit/src/bus/PlatformEvent.ts';
import { badInput, ErrorCode, forbidden, notFound, PlatformError } from '../../../kit/src/errors.ts';
import type { Logger } from '../../../kit/src/log.ts';
import type { PgStore } from '../../../kit/src/store/createPgStore.ts';
import type { CredentialCipher, SealedSecret } from '../crypto/createCredentialCipher.ts';
import { credentialAad } from '../crypto/credentialAad.ts';
import { Integration, integrationKinds, integrationStatuses } from '../entities/Integration.ts';
import type { IntegrationEntity, IntegrationKindName, IntegrationStatusName } from '../entities/Integration.ts';
import { quotaFor } from '../../../kit/src/auth/planQuotas.ts';
import { isUuid, validateCredentials, validateEndpoint, validateIntegrationName } from './validateIntegrationInput.ts';
import type { ValidCredentials } from './validateIntegrationInput.ts';

export interface IntegrationServiceDeps {
  store: PgStore;
  /** Unused: events leave through the store's outbox (`store.enqueue`). Kept while server.ts still passes it. */
  log: Logger;
  claims: TenantClaims;
  cipher: CredentialCipher;
}

export interface CreateIntegrationData {
  name: string;
  kind: IntegrationKindName;
  endpoint?: string | null;
  credentials?: unknown;
}

const sealedProperties = ['credentialsKeyId', 'credentialsIv', 'credentialsTag', 'credentialsCiphertext'] as const;

/** The sealed-credential columns for a value (or all null when there is none). */
function sealedColumns(sealed: SealedSecret | null) {
  return {
    credentialsKeyId: sealed?.keyId ?? null,
    credentialsIv: sealed?.iv ?? null,
    credentialsTag: sealed?.tag ?? null,
    credentialsCiphertext: sealed?.ciphertext ?? null,
  };
}

/** Business rules of the integrations subgraph, bound to one caller. */
export function createIntegrationService({ store, log, claims, cipher }: IntegrationServiceDeps) {
  const requireAdmin = () => {
    if (!claims.tenantId) throw forbidden('This operation needs a tenant');
    if (!hasRole(claims, 'ADMIN')) throw forbidden('Tenant admins only');
    return claims.tenantId;
  };
  const seal = (tenantId: string, integrationId: string, credentials: ValidCredentials | null) =>
    credentials && credentials.fields.length > 0 ? cipher.encrypt(credentials.plaintext, credentialAad(tenantId, integrationId)) : null;

  /** RLS already hides other tenants' rows; the check states the rule where the code reads it. */
  async function findOwn(em: EntityManager, id: string, withSecrets = false): Promise<IntegrationEntity | null> {
    if (!claims.tenantId || !isUuid(id)) return null;
    const row = await em.findOne(Integration, { id }, withSecrets ? { populate: [...sealedProperties] } : {});
    return row && row.tenantId === claims.tenantId ? row : null;
  }

  return {
    async create(input: CreateIntegrationData): Promise<IntegrationEntity> {
      const tenantId = requireAdmin();
      const name = validateIntegrationName(input.name);
      if (!integrationKinds.includes(input.kind)) throw badInput(`\`kind\` must be one of ${integrationKinds.join(', ')}`, { field: 'kind' });
      const endpoint = validateEndpoint(input.endpoint);
      const credentials = input.credentials === null || input.credentials === undefined ? null : validateCredentials(input.credentials);
      const limit = quotaFor(claims.plan).maxIntegrations;
      const id = randomUUID();
      const sealed = seal(tenantId, id, credentials);
      const integration = await store.run(claims, async (em) => {
        // Creates of one tenant take turns, so two at once cannot both pass the count below.
        await em.execute('select pg_advisory_xact_lock(hashtextextended(?, 0))', [`integrations:create:${tenantId}`]);
        const count = await em.count(Integration, { tenantId });
        if (count >= limit) {
          throw new PlatformError(ErrorCode.QUOTA_EXCEEDED, `The ${claims.plan ?? 'TRIAL'} plan allows at most ${limit} integrations`, {
            details: { limit, plan: claims.plan ?? 'TRIAL' },
          });
        }
        const created = em.create(Integration, {
          id,
          tenantId,
          name,
          kind: input.kind,
          endpoint,
          credentialFields: credentials?.fields ?? [],
          ...sealedColumns(sealed),
          credentialsUpdatedAt: sealed ? new Date() : null,
        });
        await em.flush();
        // Field names only, never values: events leave the subgraph.
        await store.enqueue(
          em,
          createEvent('integration.created', tenantId, 'integrations', { integrationId: id, kind: input.kind, credentialFields: created.credentialFields }),
        );
        return created;
      });
      log.info('integration created', { integrationId: id, kind: input.kind });
      return integration;
    },

    /** Replaces the credentials; an empty object removes them. */
    async setCredentials(id: string, value: unknown): Promise<IntegrationEntity> {
      const tenantId = requireAdmin();
      const credentials = validateCredentials(value);
      const sealed = seal(tenantId, id, credentials);
      const integration = await store.run(claims, async (em) => {
        // Loaded with its sealed columns so the unit of work sees every column it replaces.
        const row = await findOwn(em, id, true);
        if (!row) throw notFound('Integration', id);
        em.assign(row, { credentialFields: credentials.fields, ...sealedColumns(sealed), credentialsUpdatedAt: new Date() });
        await em.flush();
        await store.enqueue(
          em,
          createEvent('integration.credentials_set', tenantId, 'integrations', { integrationId: id, credentialFields: credentials.fields }),
        );
        return row;
      });
      log.info('integration credentials set', { integrationId: id, fields: credentials.fields.length });
      return integration;
    },

    async setStatus(id: string, status: IntegrationStatusName): Promise<IntegrationEntity> {
      const tenantId = requireAdmin();
      if (!integrationStatuses.includes(status)) throw badInput(`\`status\` must be one of ${integrationStatuses.join(', ')}`, { field: 'status' });
      return store.run(claims, async (em) => {
        const found = await findOwn(em, id);
        if (!found) throw notFound('Integration', id);
        if (found.status === status) return found; // no change, nothing to announce
        found.status = status;
        await em.flush();
        await store.enqueue(em, createEvent('integration.status_changed', tenantId, 'integrations', { integrationId: id, status }));
        return found;
      });
    },

    /**
     * The credentials in clear, for the platform's own calls to the external system. Not part of
     * the graph: nothing a client sends can reach it. Values sealed under a previous key are
     * re-sealed under the current one on the way, so a rotation completes as credentials are used.
     */
    async credentialsFor(id: string): Promise<Record<string, string>> {
      return store.run(claims, async (em) => {
        const row = await findOwn(em, id, true);
        if (!row) throw notFound('Integration', id);
        const { credentialsKeyId: keyId, credentialsIv: iv, credentialsTag: tag, credentialsCiphertext: ciphertext } = row;
        if (!keyId || !iv || !tag || !ciphertext) return {};
        const aad = credentialAad(row.tenantId, row.id);
        const plaintext = cipher.decrypt({ keyId, iv, tag, ciphertext }, aad);
        if (keyId !== cipher.currentKeyId) {
          em.assign(row, sealedColumns(cipher.encrypt(plaintext, aad)));
          await em.flush();
          log.info('integration credentials re-sealed under the current key', { integrationId: row.id, from: keyId, to: cipher.currentKeyId });
        }
        return JSON.parse(plaintext) as Record<string, string>;
      });
    },
  };
}
export type IntegrationService = ReturnType<typeof createIntegrationService>;
