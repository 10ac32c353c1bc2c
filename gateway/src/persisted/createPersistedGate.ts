import type { HTTPGraphQLRequest } from '@apollo/server';
import { GraphQLError, parse, print } from 'graphql';
import type { DocumentNode } from 'graphql';
import type { TenantClaims } from '../../../subgraphs/kit/src/auth/claims.ts';
import { ErrorCode, PlatformError, unauthenticated } from '../../../subgraphs/kit/src/errors.ts';
import type { Logger } from '../../../subgraphs/kit/src/log.ts';
import { PartnerDirectoryUnavailable } from '../auth/createPartnerDirectory.ts';
import type { PartnerAccess, PartnerDirectory } from '../auth/createPartnerDirectory.ts';
import { TenantDirectoryUnavailable } from '../claims/createTenantDirectory.ts';
import type { TenantDirectory } from '../claims/createTenantDirectory.ts';
import { documentHash, normalizeDocumentId } from './documentIds.ts';
import { isIntrospectionOnly } from './loadSafelist.ts';
import type { Safelist } from './loadSafelist.ts';
import { readGraphQLRequest, withQuery } from './readGraphQLRequest.ts';

/** What the gate decided, before Apollo sees the request. */
export type GateOutcome =
  | { kind: 'pass' }
  | { kind: 'run'; request: HTTPGraphQLRequest; claims?: TenantClaims }
  | { kind: 'refuse'; error: PlatformError };

export const notAllowed = (message: string) => new PlatformError(ErrorCode.PERSISTED_QUERY_NOT_ALLOWED, message, { httpStatus: true });

const unavailable = (what: string) => new PlatformError(ErrorCode.SERVICE_UNAVAILABLE, `${what} is unavailable; try again shortly`, { httpStatus: true });

/**
 * Runs before Apollo parses anything. Partners (an `x-api-key`, no bearer token) run only the
 * documents registered for their client, named by `documentId` or the APQ hash (or sent in full
 * when the text's hash is registered); the gate swaps in the stored text and drops `extensions`,
 * so APQ can never register a partner's text. In safelist mode, bearer callers likewise run only
 * the manifest's documents, introspection aside (INTROSPECTION decides it). Refused documents are
 * never executed.
 */
export function createPersistedGate(deps: {
  /** Null where partner keys are not accepted (they are then refused as unknown). */
  partners: PartnerDirectory | null;
  tenantDirectory: Pick<TenantDirectory, 'lookup'>;
  safelist: Safelist | null;
  introspection: boolean;
  log: Logger;
  /** A text registered through APQ (the shared store), for sockets that name a document by its hash. */
  apqLookup?: (hash: string) => Promise<string | null>;
}) {
  const { log } = deps;
  const printedSafelist = deps.safelist ? new Set([...deps.safelist.values()].map((body) => print(parse(body)))) : null;

  /** The id the request names: the hash of its text, else its documentId / APQ hash. */
  function requestedId(query: string | undefined, documentId: string | undefined): string | PlatformError | null {
    if (query !== undefined) {
      const hash = documentHash(query);
      if (documentId !== undefined && normalizeDocumentId(documentId) !== hash) return notAllowed('The document id does not match the query text');
      return hash;
    }
    return documentId === undefined ? null : normalizeDocumentId(documentId);
  }

  async function partnerClaims(apiKey: string, requestId: string) {
    if (!deps.partners) return unauthenticated('API keys are not accepted here');
    let access: Awaited<ReturnType<PartnerDirectory['access']>>;
    try {
      access = await deps.partners.access(documentHash(apiKey));
    } catch (error) {
      if (!(error instanceof PartnerDirectoryUnavailable)) throw error;
      log.error('partner directory unavailable', { requestId, error: error.message });
      return unavailable('The partner directory');
    }
    if (!access) {
      log.info('refused an unknown or revoked partner key', { requestId });
      return unauthenticated('Unknown or revoked API key');
    }
    let tenant: Awaited<ReturnType<TenantDirectory['lookup']>>;
    try {
      tenant = await deps.tenantDirectory.lookup(access.tenantId);
    } catch (error) {
      if (!(error instanceof TenantDirectoryUnavailable)) throw error;
      return unavailable('The tenant directory');
    }
    if (!tenant) return unauthenticated('The API key belongs to a tenant that does not exist');
    if (tenant.status !== 'ACTIVE') return new PlatformError(ErrorCode.FORBIDDEN, 'This tenant is suspended', { httpStatus: true });
    // MEMBER: a tenant admin chose every document the client may run, writes included (posting
    // messages is a typical integration); without ADMIN, admin-only mutations stay refused even
    // when registered. The gate, not the role, is what limits a partner.
    const claims: TenantClaims = Object.freeze({
      tenantId: access.tenantId,
      userId: null,
      roles: ['MEMBER'],
      scopes: [],
      plan: tenant.plan,
      clientName: access.clientName,
      platformAdmin: false,
    });
    return { access, claims };
  }

  return {
    async check(request: HTTPGraphQLRequest, caller: { apiKey: string | null; bearer: boolean; requestId: string }): Promise<GateOutcome> {
      const partner = caller.apiKey !== null && !caller.bearer;
      if (!partner && !deps.safelist) return { kind: 'pass' };
      const fields = readGraphQLRequest(request);
      if (partner) {
        const found = await partnerClaims(caller.apiKey!, caller.requestId);
        if (found instanceof PlatformError) return { kind: 'refuse', error: found };
        const id = fields ? requestedId(fields.query, fields.documentId) : null;
        if (id instanceof PlatformError) return { kind: 'refuse', error: id };
        if (!fields || id === null) return { kind: 'refuse', error: notAllowed('Partners run registered documents only: send a documentId') };
        const registered = found.access.documentIds.some((d) => normalizeDocumentId(d) === id);
        let body: string | null = null;
        try {
          body = registered ? await deps.partners!.document(found.access.clientId, id) : null;
        } catch (error) {
          if (!(error instanceof PartnerDirectoryUnavailable)) throw error;
          return { kind: 'refuse', error: unavailable('The partner directory') };
        }
        if (body === null) {
          log.info('refused an unregistered partner document', { requestId: caller.requestId, clientId: found.access.clientId, documentId: id });
          return { kind: 'refuse', error: notAllowed('This document is not registered for this client') };
        }
        return { kind: 'run', request: withQuery(request, fields, body), claims: found.claims };
      }
      const safelist = deps.safelist!;
      if (!fields) return { kind: 'pass' };
      const id = requestedId(fields.query, fields.documentId);
      if (id instanceof PlatformError) return { kind: 'refuse', error: id };
      if (id === null) return { kind: 'pass' }; // neither text nor id: Apollo refuses it, nothing runs
      const body = safelist.get(id);
      if (body !== undefined) return { kind: 'run', request: withQuery(request, fields, body) };
      if (fields.query !== undefined && isIntrospectionOnly(fields.query)) {
        return deps.introspection ? { kind: 'pass' } : { kind: 'refuse', error: notAllowed('Introspection is disabled') };
      }
      return { kind: 'refuse', error: notAllowed('Only documents in the safelist run on this gateway') };
    },

    /** A partner key's client and claims (for connection_init), or the refusal. */
    partner: partnerClaims,

    /**
     * The text a graphql-ws subscribe message runs, by the HTTP rules: partner sockets only their
     * client's registered documents (by id, or text whose hash is registered); bearer sockets a
     * hash from the APQ store, and in safelist mode only listed documents, subscriptions included.
     * Errors carry no HTTP status (there is none on a socket).
     */
    async resolveSocketDocument(
      fields: { query: string | undefined; documentId: string | undefined },
      caller: { partner: PartnerAccess | null; requestId: string },
    ): Promise<string | GraphQLError> {
      const refuse = (message: string) => new PlatformError(ErrorCode.PERSISTED_QUERY_NOT_ALLOWED, message);
      const query = fields.query === '' ? undefined : fields.query;
      if (query !== undefined && fields.documentId !== undefined && normalizeDocumentId(fields.documentId) !== documentHash(query)) {
        return refuse('The document id does not match the query text');
      }
      if (caller.partner) {
        const id = query !== undefined ? documentHash(query) : fields.documentId !== undefined ? normalizeDocumentId(fields.documentId) : null;
        if (id === null) return refuse('Partners run registered documents only: send a documentId');
        const registered = caller.partner.documentIds.some((d) => normalizeDocumentId(d) === id);
        let body: string | null = null;
        try {
          body = registered ? await deps.partners!.document(caller.partner.clientId, id) : null;
        } catch (error) {
          if (!(error instanceof PartnerDirectoryUnavailable)) throw error;
          return new PlatformError(ErrorCode.SERVICE_UNAVAILABLE, 'The partner directory is unavailable; try again shortly');
        }
        if (body === null) {
          log.info('refused an unregistered partner document over websocket', { requestId: caller.requestId, clientId: caller.partner.clientId, documentId: id });
          return refuse('This document is not registered for this client');
        }
        return body;
      }
      if (query === undefined) {
        if (fields.documentId === undefined) return new PlatformError(ErrorCode.BAD_REQUEST, 'Send a query or a document id');
        const id = normalizeDocumentId(fields.documentId);
        if (deps.safelist) return deps.safelist.get(id) ?? refuse('Only documents in the safelist run on this gateway');
        const stored = deps.apqLookup ? await deps.apqLookup(id) : null;
        return stored ?? new GraphQLError('PersistedQueryNotFound', { extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } });
      }
      if (!deps.safelist || deps.safelist.has(documentHash(query))) return query;
      let printed: string;
      try {
        printed = print(parse(query));
      } catch {
        return refuse('Only documents in the safelist run on this gateway');
      }
      if (printedSafelist!.has(printed)) return query;
      if (isIntrospectionOnly(query)) return deps.introspection ? query : refuse('Introspection is disabled');
      return refuse('Only documents in the safelist run on this gateway');
    },

    /** The safelist check for queries and mutations over graphql-ws, which arrive parsed (compared printed). */
    allowsDocument(document: DocumentNode): boolean {
      if (!printedSafelist) return true;
      const text = print(document);
      return printedSafelist.has(text) || (deps.introspection && isIntrospectionOnly(text));
    },
  };
}
export type PersistedGate = ReturnType<typeof createPersistedGate>;
