import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ContextSigner } from '../../subgraphs/kit/src/auth/contextToken.ts';
import { PartnerDirectoryUnavailable, createPartnerDirectory } from '../src/auth/createPartnerDirectory.ts';
import type { PartnerAccess } from '../src/auth/createPartnerDirectory.ts';

const TTL_MS = 5_000;
const URL = 'http://integrations.test/graphql';
const signer: ContextSigner = { sign: async () => 'signed-context' };
const acme: PartnerAccess = { clientId: 'c1', clientName: 'Acme CRM', tenantId: 't1', documentIds: ['d1'] };

/**
 * The integrations subgraph as the directory sees it (global fetch, stubbed): what it answers now
 * for a key hash and for a (client, document), or an outage; and every question it was asked.
 */
function fakeIntegrations() {
  const state = {
    keys: new Map<string, PartnerAccess>(),
    documents: new Map<string, string>(),
    down: false,
    asked: [] as string[],
  };
  vi.stubGlobal('fetch', async (url: string, init: { body: string }) => {
    expect(url).toBe(URL);
    const { variables } = JSON.parse(init.body) as { variables: Record<string, string> };
    if (state.down) throw new TypeError('fetch failed');
    if (variables.keyHash !== undefined) {
      state.asked.push(`key:${variables.keyHash}`);
      return Response.json({ data: { partnerAccess: state.keys.get(variables.keyHash) ?? null } });
    }
    state.asked.push(`doc:${variables.clientId}:${variables.documentId}`);
    return Response.json({ data: { partnerDocument: state.documents.get(`${variables.clientId}:${variables.documentId}`) ?? null } });
  });
  return state;
}

describe('createPartnerDirectory (cache TTL on an injected clock)', () => {
  let clock: number;
  const directory = () => createPartnerDirectory({ integrationsUrl: URL, signer, ttlMs: TTL_MS, now: () => clock });
  beforeEach(() => {
    clock = 1_000_000;
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('keeps serving a revoked key until the TTL is over, and refuses it from then on', async () => {
    const integrations = fakeIntegrations();
    integrations.keys.set('h1', acme);
    const partners = directory();
    expect(await partners.access('h1')).toEqual(acme);
    integrations.keys.delete('h1'); // revoked
    clock += TTL_MS - 1;
    expect(await partners.access('h1')).toEqual(acme); // still cached: one question so far
    expect(integrations.asked).toEqual(['key:h1']);
    clock += 1; // the TTL is over
    expect(await partners.access('h1')).toBeNull();
    expect(integrations.asked).toEqual(['key:h1', 'key:h1']);
  });

  it('caches negative answers for the TTL too, per key hash', async () => {
    const integrations = fakeIntegrations();
    const partners = directory();
    expect(await partners.access('h2')).toBeNull();
    integrations.keys.set('h2', acme); // created after the miss
    clock += TTL_MS - 1;
    expect(await partners.access('h2')).toBeNull();
    expect(await partners.access('h3')).toBeNull(); // another key is asked on its own
    clock += 1;
    expect(await partners.access('h2')).toEqual(acme);
    expect(integrations.asked).toEqual(['key:h2', 'key:h3', 'key:h2']);
  });

  it('caches registered documents per (client, document) for the TTL', async () => {
    const integrations = fakeIntegrations();
    integrations.documents.set('c1:d1', '{ tenant { name } }');
    const partners = directory();
    expect(await partners.document('c1', 'd1')).toBe('{ tenant { name } }');
    integrations.documents.delete('c1:d1');
    expect(await partners.document('c1', 'd1')).toBe('{ tenant { name } }');
    expect(await partners.document('c2', 'd1')).toBeNull();
    clock += TTL_MS;
    expect(await partners.document('c1', 'd1')).toBeNull();
    expect(integrations.asked).toEqual(['doc:c1:d1', 'doc:c2:d1', 'doc:c1:d1']);
  });

  it('never caches an outage: the next call asks again', async () => {
    const integrations = fakeIntegrations();
    integrations.keys.set('h4', acme);
    integrations.down = true;
    const partners = directory();
    await expect(partners.access('h4')).rejects.toBeInstanceOf(PartnerDirectoryUnavailable);
    integrations.down = false;
    expect(await partners.access('h4')).toEqual(acme); // same clock: not served from the cache
    expect(integrations.asked).toEqual(['key:h4']);
  });
});
