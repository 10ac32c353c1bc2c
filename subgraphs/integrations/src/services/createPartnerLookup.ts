import type { EntityManager } from '@mikro-orm/postgresql';
import type { TenantClaims } from '../../../kit/src/auth/claims.ts';
import { forbidden } from '../../../kit/src/errors.ts';
import { isUuid } from '../../../kit/src/isUuid.ts';
import type { PgStore } from '../../../kit/src/store/createPgStore.ts';
import { TENANT_SETTING } from '../../../kit/src/store/tenantIsolationSql.ts';
import type { PartnerAccessView } from '../mappers.ts';
import { PARTNER_LOOKUP_SCOPE, PARTNER_LOOKUP_SETTING } from '../partners/partnerLookupSetting.ts';

const HEX_SHA256 = /^[0-9a-f]{64}$/;

/**
 * The gateway's lookups of partner keys and documents, which cross tenants: a partner's call
 * arrives with a key, not a tenant. Only a caller whose (gateway-signed) claims carry
 * PARTNER_LOOKUP_SCOPE may use them. Each transaction turns the lookup flag on just to find the
 * client (keys and clients, read-only), then off again, and reads the documents under the tenant it
 * found, with plain tenant isolation.
 */
export function createPartnerLookup(store: PgStore, claims: TenantClaims) {
  const requireScope = () => {
    if (!claims.scopes.includes(PARTNER_LOOKUP_SCOPE)) throw forbidden(`Needs the ${PARTNER_LOOKUP_SCOPE} scope`);
  };

  /** Runs `find` with the flag on, then scopes the rest of the transaction to the tenant found. */
  async function findThenScope<T extends { tenant_id: string }>(em: EntityManager, sql: string, params: unknown[]): Promise<T | null> {
    await em.execute(`select set_config('${PARTNER_LOOKUP_SETTING}', 'on', true)`);
    const rows = await em.execute<T[]>(sql, params);
    await em.execute(`select set_config('${PARTNER_LOOKUP_SETTING}', 'off', true)`);
    const row = rows[0] ?? null;
    if (row) await em.execute(`select set_config('${TENANT_SETTING}', ?, true)`, [row.tenant_id]);
    return row;
  }

  return {
    /** The client holding this active key, or null (unknown key, revoked key). */
    async access(keyHash: string): Promise<PartnerAccessView | null> {
      requireScope();
      if (!HEX_SHA256.test(keyHash)) return null;
      return store.run(claims, async (em) => {
        const client = await findThenScope<{ id: string; name: string; tenant_id: string }>(
          em,
          `select c.id, c.name, c.tenant_id from partner_keys k join partner_clients c on c.id = k.client_id and c.tenant_id = k.tenant_id
           where k.key_hash = ? and k.revoked_at is null and c.revoked_at is null`,
          [keyHash],
        );
        if (!client) return null;
        const documents = await em.execute<{ document_id: string }[]>(
          'select document_id from persisted_documents where client_id = ? and tenant_id = ? order by document_id',
          [client.id, client.tenant_id],
        );
        return { clientId: client.id, clientName: client.name, tenantId: client.tenant_id, documentIds: documents.map((d) => d.document_id) };
      });
    },

    /** The body of a document registered for the client, or null. */
    async document(clientId: string, documentId: string): Promise<string | null> {
      requireScope();
      if (!isUuid(clientId)) return null;
      const bare = documentId.replace(/^sha256:/i, '').toLowerCase();
      return store.run(claims, async (em) => {
        const client = await findThenScope<{ tenant_id: string }>(em, 'select tenant_id from partner_clients where id = ?', [clientId]);
        if (!client) return null;
        const rows = await em.execute<{ body: string }[]>(
          // A hash registered as `sha256:<hex>` is also found by its bare hex (APQ's form), and the reverse.
          'select body from persisted_documents where client_id = ? and tenant_id = ? and document_id in (?, ?) limit 1',
          [clientId, client.tenant_id, bare, `sha256:${bare}`],
        );
        return rows[0]?.body ?? null;
      });
    },
  };
}
export type PartnerLookup = ReturnType<typeof createPartnerLookup>;
