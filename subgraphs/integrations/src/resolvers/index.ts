import { DateTimeScalar, JSONScalar } from '../../../kit/src/scalars.ts';
import type { Resolvers } from '../generated/resolvers.ts';
import { Integration } from './Integration.ts';
import { Mutation } from './Mutation.ts';
import { PartnerClient, PersistedDocument } from './PartnerClient.ts';
import { Query } from './Query.ts';
import { Tenant } from './Tenant.ts';

export const resolvers: Resolvers = { DateTime: DateTimeScalar, JSON: JSONScalar, Query, Mutation, Tenant, Integration, PartnerClient, PersistedDocument };
