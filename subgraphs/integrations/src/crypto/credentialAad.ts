/**
 * The associated data bound into every credential ciphertext: purpose, tenant and integration.
 * Decryption of a ciphertext copied to another row (another tenant's, or another integration of the
 * same tenant) then fails authentication instead of handing out someone else's secret.
 * JSON keeps the fields unambiguous; the version lets the binding change later without confusion.
 */
export function credentialAad(tenantId: string, integrationId: string): Buffer {
  return Buffer.from(JSON.stringify(['integrations.credentials.v1', tenantId, integrationId]), 'utf8');
}
