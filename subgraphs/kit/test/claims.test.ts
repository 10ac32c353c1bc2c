import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { isReadOnly } from '../src/auth/claims.ts';
import { claimsFor } from '../src/testing/testEnvironment.ts';

describe('isReadOnly', () => {
  const as = (roles: string[]) => claimsFor(randomUUID(), { roles });

  it('lets MEMBER and ADMIN write', () => {
    expect(isReadOnly(as(['MEMBER']))).toBe(false);
    expect(isReadOnly(as(['ADMIN']))).toBe(false);
    expect(isReadOnly(as(['VIEWER', 'MEMBER']))).toBe(false);
  });

  it('keeps viewers, callers with no role and unknown roles to reading', () => {
    expect(isReadOnly(as(['VIEWER']))).toBe(true);
    expect(isReadOnly(as([]))).toBe(true);
    expect(isReadOnly(as(['BILLING']))).toBe(true);
  });
});
