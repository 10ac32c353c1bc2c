import { describe, expect, it } from 'vitest';
import { createContextSigner, createContextVerifier, ContextTokenError } from '../src/auth/contextToken.ts';
import { generateDevKeys } from '../src/auth/devKeys.ts';
import { claimsFor } from '../src/testing/testEnvironment.ts';

describe('gateway context tokens', () => {
  it('carries the claims to the subgraph it was signed for', async () => {
    const keys = await generateDevKeys();
    const signer = await createContextSigner(keys.context.privateJwk);
    const verifier = await createContextVerifier(keys.context.publicJwk, 'models');
    const claims = claimsFor('3d0c4a8e-2b1f-4c6d-9e8a-7b6c5d4e3f2a', { roles: ['ADMIN', 'MEMBER'], scopes: ['read'] });
    const verified = await verifier.verify(await signer.sign(claims, 'models', 'req-12345678'));
    expect(verified.requestId).toBe('req-12345678');
    expect(verified.claims).toEqual(claims);
  });

  it('refuses a token for another subgraph, from another key, expired, or missing', async () => {
    const keys = await generateDevKeys();
    const rogue = await generateDevKeys();
    const claims = claimsFor('3d0c4a8e-2b1f-4c6d-9e8a-7b6c5d4e3f2a');
    const verifier = await createContextVerifier(keys.context.publicJwk, 'models');
    const signer = await createContextSigner(keys.context.privateJwk);
    const expiredSigner = await createContextSigner(keys.context.privateJwk, -10);
    const rogueSigner = await createContextSigner(rogue.context.privateJwk);
    await expect(verifier.verify(await signer.sign(claims, 'tenants', 'r'))).rejects.toBeInstanceOf(ContextTokenError);
    await expect(verifier.verify(await rogueSigner.sign(claims, 'models', 'r'))).rejects.toBeInstanceOf(ContextTokenError);
    await expect(verifier.verify(await expiredSigner.sign(claims, 'models', 'r'))).rejects.toBeInstanceOf(ContextTokenError);
    await expect(verifier.verify(undefined)).rejects.toBeInstanceOf(ContextTokenError);
    await expect(verifier.verify('x.y.z')).rejects.toBeInstanceOf(ContextTokenError);
  });
});

describe('context token lifetime', () => {
  it('never outlives the caller credential it was derived from', async () => {
    const keys = await generateDevKeys();
    const signer = await createContextSigner(keys.context.privateJwk, 60);
    const verifier = await createContextVerifier(keys.context.publicJwk, 'models');
    const soon = Math.floor(Date.now() / 1000) + 5;
    const token = await signer.sign(claimsFor('3d0c4a8e-2b1f-4c6d-9e8a-7b6c5d4e3f2a', { expiresAt: soon }), 'models');
    const payload = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8')) as { exp: number };
    expect(payload.exp).toBe(soon);
    const expired = await signer.sign(claimsFor('3d0c4a8e-2b1f-4c6d-9e8a-7b6c5d4e3f2a', { expiresAt: soon - 60 }), 'models');
    await expect(verifier.verify(expired)).rejects.toBeInstanceOf(ContextTokenError);
  });
});
