import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { GraphQLSchema } from 'graphql';
import type { TenantClaims } from '../../../kit/src/auth/claims.ts';
import { hasRole } from '../../../kit/src/auth/claims.ts';
import { createEvent } from '../../../kit/src/bus/PlatformEvent.ts';
import { forbidden, notFound } from '../../../kit/src/errors.ts';
import { isUuid } from '../../../kit/src/isUuid.ts';
import type { Logger } from '../../../kit/src/log.ts';
import type { PgStore } from '../../../kit/src/store/createPgStore.ts';
import { PartnerClient } from '../entities/PartnerClient.ts';
import type { PartnerClientEntity } from '../entities/PartnerClient.ts';
import { PartnerKey } from '../entities/PartnerKey.ts';
import { PersistedDocument } from '../entities/PersistedDocument.ts';
import { generateApiKey } from '../partners/partnerApiKey.ts';
import { parseManifest } from '../partners/parseManifest.ts';
import type { PartnerClientWithKey } from '../mappers.ts';
import { validateIntegrationName } from './validateIntegrationInput.ts';

export interface PartnerServiceDeps {
  store: PgStore;
  log: Logger;
  claims: TenantClaims;
  /** The API schema documents are validated against (the current supergraph's). */
  apiSchema: () => GraphQLSchema;
}

/** Partner clients of the caller's tenant: keys (shown once, stored hashed) and their documents. */
export function createPartnerService({ store, log, claims, apiSchema }: PartnerServiceDeps) {
  const requireAdmin = () => {
    if (!claims.tenantId) throw forbidden('This operation needs a tenant');
    if (!hasRole(claims, 'ADMIN')) throw forbidden('Tenant admins only');
    return claims.tenantId;
  };

  /** RLS already hides other tenants' clients; the check states the rule where the code reads it. */
  async function findOwn(em: EntityManager, id: string): Promise<PartnerClientEntity> {
    const row = isUuid(id) ? await em.findOne(PartnerClient, { id }) : null;
    if (!row || row.tenantId !== claims.tenantId) throw notFound('PartnerClient', id);
    return row;
  }

  /** Revokes the active key (if any) and, when asked, issues a new one, in the caller's transaction. */
  async function replaceKey(em: EntityManager, client: PartnerClientEntity, issue: boolean): Promise<string | null> {
    const now = new Date();
    await em.nativeUpdate(PartnerKey, { clientId: client.id, revokedAt: null }, { revokedAt: now });
    if (!issue) return null;
    const { apiKey, keyHash, prefix } = generateApiKey();
    em.create(PartnerKey, { clientId: client.id, tenantId: client.tenantId, keyHash, prefix });
    return apiKey;
  }

  return {
    async create(input: { name: string }): Promise<PartnerClientWithKey> {
      const tenantId = requireAdmin();
      const name = validateIntegrationName(input.name);
      const result = await store.run(claims, async (em) => {
        const client = em.create(PartnerClient, { tenantId, name, revokedAt: null });
        await em.flush();
        const apiKey = (await replaceKey(em, client, true))!;
        await em.flush();
        await store.enqueue(em, createEvent('partner_client.created', tenantId, 'integrations', { clientId: client.id }));
        return { client, apiKey };
      });
      log.info('partner client created', { clientId: result.client.id });
      return result;
    },

    async rotateKey(clientId: string): Promise<PartnerClientWithKey> {
      const tenantId = requireAdmin();
      const result = await store.run(claims, async (em) => {
        const client = await findOwn(em, clientId);
        const apiKey = (await replaceKey(em, client, true))!;
        client.revokedAt = null;
        await em.flush();
        // The gateway drops what it cached for the old key when it sees this event.
        await store.enqueue(em, createEvent('partner_key.rotated', tenantId, 'integrations', { clientId }));
        return { client, apiKey };
      });
      log.info('partner key rotated', { clientId });
      return result;
    },

    async revokeKey(clientId: string): Promise<PartnerClientEntity> {
      const tenantId = requireAdmin();
      const client = await store.run(claims, async (em) => {
        const found = await findOwn(em, clientId);
        await replaceKey(em, found, false);
        found.revokedAt ??= new Date();
        await em.flush();
        await store.enqueue(em, createEvent('partner_key.revoked', tenantId, 'integrations', { clientId }));
        return found;
      });
      log.info('partner key revoked', { clientId });
      return client;
    },

    /** Validates the whole manifest first: nothing is stored unless every document is valid. */
    async registerDocuments(clientId: string, manifest: unknown): Promise<string[]> {
      const tenantId = requireAdmin();
      const documents = parseManifest(manifest, apiSchema());
      await store.run(claims, async (em) => {
        await findOwn(em, clientId);
        // A document already registered under its id keeps its row: the id is the body's hash.
        const qb = em.createQueryBuilder(PersistedDocument);
        await qb
          .insert(documents.map((d) => ({ id: randomUUID(), clientId, tenantId, ...d })))
          .onConflict(['clientId', 'documentId'])
          .ignore()
          .execute();
        await store.enqueue(em, createEvent('persisted_documents.registered', tenantId, 'integrations', { clientId, count: documents.length }));
      });
      log.info('persisted documents registered', { clientId, documents: documents.length });
      return documents.map((d) => d.documentId);
    },
  };
}
export type PartnerService = ReturnType<typeof createPartnerService>;
