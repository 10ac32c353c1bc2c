export type { TenantEntity } from './entities/Tenant.ts';
export type { UserEntity } from './entities/User.ts';
export type { ApiKeyEntity } from './entities/ApiKey.ts';
