import { JSONScalar } from '../../../kit/src/scalars.ts';
import type { Resolvers } from '../generated/resolvers.ts';
import { Conversation } from './Conversation.ts';
import { Model } from './Model.ts';
import { Mutation } from './Mutation.ts';
import { Provider } from './Provider.ts';
import { Query } from './Query.ts';
import { RoutingPolicy } from './RoutingPolicy.ts';
import { Tenant } from './Tenant.ts';

export const resolvers: Resolvers = { JSON: JSONScalar, Query, Mutation, Tenant, Conversation, Model, Provider, RoutingPolicy };
