import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { resolveTenantReference } from '../src/auth/tenantReference.ts';
import { claimsFor, platformAdminClaims } from '../src/testing/testEnvironment.ts';

describe('resolveTenantReference', () => {
  const tenantId = randomUUID();

  it("resolves the caller's own tenant to its id", async () => {
    expect(await resolveTenantReference({ id: tenantId }, claimsFor(tenantId))).toEqual({ id: tenantId });
  });

  it('resolves another tenant, and references without a usable id, to null', async () => {
    const claims = claimsFor(tenantId);
    expect(await resolveTenantReference({ id: randomUUID() }, claims)).toBeNull();
    expect(await resolveTenantReference({}, claims)).toBeNull();
    expect(await resolveTenantReference({ id: 'nope' }, claims)).toBeNull();
    expect(await resolveTenantReference({ id: [tenantId] }, claims)).toBeNull();
  });

  it('refuses callers without a tenant (platform operators) with FORBIDDEN, whatever the id', async () => {
    for (const reference of [{ id: tenantId }, { id: 'nope' }, {}]) {
      await expect(resolveTenantReference(reference, platformAdminClaims)).rejects.toMatchObject({
        message: 'Platform operators see tenant records, not tenant data',
        extensions: { code: 'FORBIDDEN' },
      });
    }
  });
});
