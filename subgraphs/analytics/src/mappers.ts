/**
 * Analytics stores no tenant row: a Tenant here is only the key the gateway sends, checked
 * against the caller's claims before any field of it resolves.
 */
export interface TenantRef {
  id: string;
}
