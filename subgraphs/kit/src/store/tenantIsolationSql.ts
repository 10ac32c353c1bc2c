/**
 * Row-level security for a tenant-owned table: forced (so the owner is bound too), with USING and
 * WITH CHECK, keyed on the transaction-local `app.tenant_id`. With no tenant set, a query sees and
 * writes nothing — a missed filter in code returns no other tenant's rows.
 */
export const TENANT_SETTING = 'app.tenant_id';
export const PLATFORM_ADMIN_SETTING = 'app.platform_admin';

export const currentTenantSql = `nullif(current_setting('${TENANT_SETTING}', true), '')::uuid`;
export const isPlatformAdminSql = `coalesce(current_setting('${PLATFORM_ADMIN_SETTING}', true), '') = 'on'`;

export function tenantIsolationSql(table: string, options: { column?: string; platformAdminBypass?: boolean } = {}): string[] {
  const column = options.column ?? 'tenant_id';
  const rule = options.platformAdminBypass
    ? `(${column} = ${currentTenantSql} or ${isPlatformAdminSql})`
    : `(${column} = ${currentTenantSql})`;
  return [
    `alter table ${table} enable row level security`,
    `alter table ${table} force row level security`,
    `drop policy if exists tenant_isolation on ${table}`,
    `create policy tenant_isolation on ${table} using ${rule} with check ${rule}`,
  ];
}
