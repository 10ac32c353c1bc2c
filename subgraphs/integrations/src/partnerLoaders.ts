import DataLoader from 'dataloader';
import type { TenantClaims } from '../../kit/src/auth/claims.ts';
import { isUuid } from '../../kit/src/isUuid.ts';
import type { PageRequest } from '../../kit/src/pagination.ts';
import type { PgStore } from '../../kit/src/store/createPgStore.ts';
import { PartnerClient } from './entities/PartnerClient.ts';
import type { PartnerClientEntity } from './entities/PartnerClient.ts';
import { PartnerKey } from './entities/PartnerKey.ts';
import { PersistedDocument } from './entities/PersistedDocument.ts';
import type { PersistedDocumentEntity } from './entities/PersistedDocument.ts';

/**
 * Batches the partner lookups of one request. Only the caller's tenant is answered: RLS hides other
 * tenants' rows, and the checks below say so in code too.
 */
export function createPartnerLoaders(store: PgStore, claims: TenantClaims) {
  const tenantId = claims.tenantId;
  /** One loader per page shape, so every client's page of the same shape is one query. */
  const documentPages = new Map<string, DataLoader<string, PersistedDocumentEntity[]>>();

  const documentsPage = (page: PageRequest) =>
    new DataLoader<string, PersistedDocumentEntity[]>(async (clientIds) => {
      const wanted = [...new Set(clientIds.filter(isUuid))];
      if (!tenantId || wanted.length === 0) return clientIds.map(() => []);
      const after = page.after ? 'and (created_at, id) < (?, ?)' : '';
      const params: unknown[] = [tenantId, ...wanted, ...(page.after ? [page.after.createdAt, page.after.id] : []), page.limit];
      const rows = await store.run(claims, async (em) => {
        // The newest `limit` rows of each client, in one statement.
        const raw = await em.execute<Record<string, unknown>[]>(
          `select * from (
             select d.*, row_number() over (partition by client_id order by created_at desc, id desc) as rank
             from persisted_documents d
             where tenant_id = ? and client_id in (${wanted.map(() => '?').join(', ')}) ${after}
           ) ranked where rank <= ? order by created_at desc, id desc`,
          params,
        );
        return raw.map((row) => em.map(PersistedDocument, row));
      });
      const byClient = new Map<string, PersistedDocumentEntity[]>();
      for (const row of rows) {
        if (row.tenantId !== tenantId) continue;
        byClient.set(row.clientId, [...(byClient.get(row.clientId) ?? []), row]);
      }
      return clientIds.map((id) => byClient.get(id) ?? []);
    });

  return {
    partnerClientById: new DataLoader<string, PartnerClientEntity | null>(async (ids) => {
      const wanted = [...new Set(ids.filter(isUuid))];
      if (!tenantId || wanted.length === 0) return ids.map(() => null);
      const rows = await store.run(claims, (em) => em.find(PartnerClient, { id: { $in: wanted } }));
      const byId = new Map(rows.filter((row) => row.tenantId === tenantId).map((row) => [row.id, row]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    partnerClientsByTenant: new DataLoader<string, PartnerClientEntity[]>(async (tenantIds) => {
      if (!tenantId || !tenantIds.includes(tenantId)) return tenantIds.map(() => []);
      const rows = await store.run(claims, (em) => em.find(PartnerClient, { tenantId }, { orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] }));
      return tenantIds.map((id) => (id === tenantId ? rows : []));
    }),
    /** The prefix of each client's active key, or null. */
    keyPrefixByClient: new DataLoader<string, string | null>(async (clientIds) => {
      const wanted = [...new Set(clientIds.filter(isUuid))];
      if (!tenantId || wanted.length === 0) return clientIds.map(() => null);
      const rows = await store.run(claims, (em) => em.find(PartnerKey, { clientId: { $in: wanted }, revokedAt: null }));
      const byClient = new Map(rows.filter((row) => row.tenantId === tenantId).map((row) => [row.clientId, row.prefix]));
      return clientIds.map((id) => byClient.get(id) ?? null);
    }),
    documentsByClient(page: PageRequest): DataLoader<string, PersistedDocumentEntity[]> {
      const key = `${page.limit}|${page.after?.createdAt.toISOString() ?? ''}|${page.after?.id ?? ''}`;
      let loader = documentPages.get(key);
      if (!loader) {
        loader = documentsPage(page);
        documentPages.set(key, loader);
      }
      return loader;
    },
  };
}
export type PartnerLoaders = ReturnType<typeof createPartnerLoaders>;
