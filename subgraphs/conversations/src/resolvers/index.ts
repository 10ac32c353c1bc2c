import { DateTimeScalar } from '../../../kit/src/scalars.ts';
import type { Resolvers } from '../generated/resolvers.ts';
import { Conversation } from './Conversation.ts';
import { Message } from './Message.ts';
import { Mutation } from './Mutation.ts';
import { Query } from './Query.ts';
import { Tenant } from './Tenant.ts';

export const resolvers: Resolvers = { DateTime: DateTimeScalar, Query, Mutation, Tenant, Conversation, Message };
