import { DateTimeScalar } from '../../../kit/src/scalars.ts';
import type { Resolvers } from '../generated/resolvers.ts';
import { Conversation } from './Conversation.ts';
import { Message } from './Message.ts';
import { MessageCompleted, MessageStreamEvent } from './MessageStreamEvent.ts';
import { Mutation } from './Mutation.ts';
import { Query } from './Query.ts';
import { Subscription } from './Subscription.ts';
import { Tenant } from './Tenant.ts';

export const resolvers: Resolvers = {
  DateTime: DateTimeScalar,
  Query,
  Mutation,
  Subscription,
  Tenant,
  Conversation,
  Message,
  MessageStreamEvent,
  MessageCompleted,
};
