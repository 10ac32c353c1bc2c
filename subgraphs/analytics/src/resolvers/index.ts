import type { Resolvers } from '../generated/resolvers.ts';
import { Tenant } from './Tenant.ts';

export const resolvers: Resolvers = { Tenant };
