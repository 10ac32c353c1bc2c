import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { TenantReference, ConversationEntity, MessageEntity, MessageTokenEvent, MessageCompletedEvent } from '../mappers.ts';
import type { ConversationsContext } from '../context.ts';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Omit<T, K extends keyof T> = Pick<T, Exclude<keyof T, K>>;
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** An ISO-8601 date and time in UTC, for example 2026-11-26T10:00:00.000Z. */
  DateTime: { input: Date; output: Date; }
  _FieldSet: { input: unknown; output: unknown; }
};

/** Channels a conversation can come from. */
export type Channel =
  /** Server-to-server API calls. */
  | 'API'
  /** Email threads. */
  | 'EMAIL'
  /** A Slack workspace. */
  | 'SLACK'
  /** Voice calls, transcribed. */
  | 'VOICE'
  /** The platform's web chat. */
  | 'WEB';

/** A chat between people of a tenant and the platform's assistant. */
export type Conversation = {
  __typename?: 'Conversation';
  /** Where the conversation takes place. */
  channel: Channel;
  /** When the conversation was created. */
  createdAt: Scalars['DateTime']['output'];
  /** Stable identifier (UUID) of the conversation. */
  id: Scalars['ID']['output'];
  /** Number of messages in the conversation. */
  messageCount: Scalars['Int']['output'];
  /** The conversation's messages, oldest first. */
  messages: MessageConnection;
  /** The model pinned for this conversation, or null when the tenant's routing policy decides. */
  modelId: Maybe<Scalars['ID']['output']>;
  /** Short title. */
  title: Scalars['String']['output'];
  /** When the last message was posted (or the conversation was created). */
  updatedAt: Scalars['DateTime']['output'];
};


/** A chat between people of a tenant and the platform's assistant. */
export type ConversationMessagesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** A page of conversations. */
export type ConversationConnection = {
  __typename?: 'ConversationConnection';
  /** The conversations of this page with their cursors. */
  edges: Array<ConversationEdge>;
  /** Where this page sits in the whole list. */
  pageInfo: PageInfo;
  /** Number of conversations of the tenant. */
  totalCount: Scalars['Int']['output'];
};

/** A conversation and its cursor. */
export type ConversationEdge = {
  __typename?: 'ConversationEdge';
  /** Opaque cursor to pass as `after` for the next page. */
  cursor: Scalars['String']['output'];
  /** The conversation. */
  node: Conversation;
};

/** A new conversation. */
export type CreateConversationInput = {
  /** Where the conversation takes place; defaults to WEB. */
  channel?: InputMaybe<Channel>;
  /** A model to pin (its id in the models subgraph, a UUID); by default the routing policy decides. */
  modelId?: InputMaybe<Scalars['ID']['input']>;
  /** Short title, 1 to 200 characters. */
  title: Scalars['String']['input'];
};

/** One message of a conversation. */
export type Message = {
  __typename?: 'Message';
  /** The text of the message. */
  content: Scalars['String']['output'];
  /** The conversation the message belongs to. */
  conversation: Conversation;
  /** When the message was posted. */
  createdAt: Scalars['DateTime']['output'];
  /** Stable identifier (UUID) of the message. */
  id: Scalars['ID']['output'];
  /** Who wrote the message. */
  role: MessageRole;
  /** Tokens the message counts for (prompt tokens for users, completion tokens for the assistant). For a posted user message it is an estimate: one token per four characters, rounded up. */
  tokenCount: Scalars['Int']['output'];
};

/** An assistant reply, finished and stored. */
export type MessageCompleted = {
  __typename?: 'MessageCompleted';
  /** The stored reply, with its token count. */
  message: Message;
};

/** A page of messages. */
export type MessageConnection = {
  __typename?: 'MessageConnection';
  /** The messages of this page with their cursors. */
  edges: Array<MessageEdge>;
  /** Where this page sits in the whole list. */
  pageInfo: PageInfo;
};

/** A message and its cursor. */
export type MessageEdge = {
  __typename?: 'MessageEdge';
  /** Opaque cursor to pass as `after` for the next page. */
  cursor: Scalars['String']['output'];
  /** The message. */
  node: Message;
};

/** Authors of messages. */
export type MessageRole =
  /** The platform's assistant (a model's completion). */
  | 'ASSISTANT'
  /** Instructions that frame the conversation. */
  | 'SYSTEM'
  /** A person of the tenant. */
  | 'USER';

/** An event of a conversation's live stream. */
export type MessageStreamEvent = MessageCompleted | MessageToken;

/** One piece of an assistant reply while the model produces it. */
export type MessageToken = {
  __typename?: 'MessageToken';
  /** Position of the piece within the reply: 0, 1, 2… (a gap means a piece was missed). */
  index: Scalars['Int']['output'];
  /** The id the reply will have once stored (the id of the MessageCompleted event's message). */
  messageId: Scalars['ID']['output'];
  /** The text of the piece. */
  text: Scalars['String']['output'];
};

/** Entry points for changes. Every subgraph adds its own; each acts in the caller's tenant only (see each field for the roles it needs). */
export type Mutation = {
  __typename?: 'Mutation';
  /** Starts a conversation in the caller's tenant (members and admins; viewers read only). */
  createConversation: Conversation;
  /** Posts a user message to a conversation of the caller's tenant (members and admins) and counts it on the conversation; publishes `message.created` and asks the models subgraph for the assistant's reply (`completion.requested`), which streams on `messageStream` and is then stored in the conversation. NOT_FOUND when the conversation is not the caller's. */
  sendMessage: Message;
};


/** Entry points for changes. Every subgraph adds its own; each acts in the caller's tenant only (see each field for the roles it needs). */
export type MutationCreateConversationArgs = {
  input: CreateConversationInput;
};


/** Entry points for changes. Every subgraph adds its own; each acts in the caller's tenant only (see each field for the roles it needs). */
export type MutationSendMessageArgs = {
  content: Scalars['String']['input'];
  conversationId: Scalars['ID']['input'];
};

/** Relay page information. */
export type PageInfo = {
  __typename?: 'PageInfo';
  /** Cursor of the last item of the page; pass it as `after` for the next page. */
  endCursor: Maybe<Scalars['String']['output']>;
  /** Whether more items follow this page. */
  hasNextPage: Scalars['Boolean']['output'];
  /** Whether items precede this page. */
  hasPreviousPage: Scalars['Boolean']['output'];
  /** Cursor of the first item of the page. */
  startCursor: Maybe<Scalars['String']['output']>;
};

/** Entry points for reading. Every subgraph adds its own; each answers for the caller's tenant only. */
export type Query = {
  __typename?: 'Query';
  /** One conversation of the caller's tenant, or null if there is none with this id. */
  conversation: Maybe<Conversation>;
};


/** Entry points for reading. Every subgraph adds its own; each answers for the caller's tenant only. */
export type QueryConversationArgs = {
  id: Scalars['ID']['input'];
};

/** Entry points for live streams. Every subgraph adds its own; each streams the caller's tenant only. */
export type Subscription = {
  __typename?: 'Subscription';
  /**
   * The live events of one conversation of the caller's tenant: each assistant reply token by token as
   * the model produces it, then the stored message. Tokens are best effort (a slow or late subscriber
   * may miss some); the MessageCompleted event carries the reply as stored. NOT_FOUND when the
   * conversation is not the caller's.
   */
  messageStream: MessageStreamEvent;
};


/** Entry points for live streams. Every subgraph adds its own; each streams the caller's tenant only. */
export type SubscriptionMessageStreamArgs = {
  conversationId: Scalars['ID']['input'];
};

/** A tenant, as seen by the conversations subgraph. */
export type Tenant = {
  __typename?: 'Tenant';
  /** The tenant's conversations, most recently created first. */
  conversations: ConversationConnection;
  /** Stable identifier (UUID) of the tenant. */
  id: Scalars['ID']['output'];
};


/** A tenant, as seen by the conversations subgraph. */
export type TenantConversationsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};



export type ResolverTypeWrapper<T> = Promise<T> | T;

export type ReferenceResolver<TResult, TReference, TContext> = (
      reference: TReference,
      context: TContext,
      info: GraphQLResolveInfo
    ) => Promise<TResult> | TResult;

      type ScalarCheck<T, S> = S extends true ? T : NullableCheck<T, S>;
      type NullableCheck<T, S> = Maybe<T> extends T ? Maybe<ListCheck<NonNullable<T>, S>> : ListCheck<T, S>;
      type ListCheck<T, S> = T extends (infer U)[] ? NullableCheck<U, S>[] : GraphQLRecursivePick<T, S>;
      export type GraphQLRecursivePick<T, S> = { [K in keyof T & keyof S]: ScalarCheck<T[K], S[K]> };
    

export type ResolverWithResolve<TResult, TParent, TContext, TArgs> = {
  resolve: ResolverFn<TResult, TParent, TContext, TArgs>;
};
export type Resolver<TResult, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = ResolverFn<TResult, TParent, TContext, TArgs> | ResolverWithResolve<TResult, TParent, TContext, TArgs>;

export type ResolverFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => Promise<TResult> | TResult;

export type SubscriptionSubscribeFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => AsyncIterable<TResult> | Promise<AsyncIterable<TResult>>;

export type SubscriptionResolveFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

export interface SubscriptionSubscriberObject<TResult, TKey extends string, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<{ [key in TKey]: TResult }, TParent, TContext, TArgs>;
  resolve?: SubscriptionResolveFn<TResult, { [key in TKey]: TResult }, TContext, TArgs>;
}

export interface SubscriptionResolverObject<TResult, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<any, TParent, TContext, TArgs>;
  resolve: SubscriptionResolveFn<TResult, any, TContext, TArgs>;
}

export type SubscriptionObject<TResult, TKey extends string, TParent, TContext, TArgs> =
  | SubscriptionSubscriberObject<TResult, TKey, TParent, TContext, TArgs>
  | SubscriptionResolverObject<TResult, TParent, TContext, TArgs>;

export type SubscriptionResolver<TResult, TKey extends string, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> =
  | ((...args: any[]) => SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>)
  | SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>;

export type TypeResolveFn<TTypes, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (
  parent: TParent,
  context: TContext,
  info: GraphQLResolveInfo
) => Maybe<TTypes> | Promise<Maybe<TTypes>>;

export type IsTypeOfResolverFn<T = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (obj: T, context: TContext, info: GraphQLResolveInfo) => boolean | Promise<boolean>;

export type NextResolverFn<T> = () => Promise<T>;

export type DirectiveResolverFn<TResult = Record<PropertyKey, never>, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = (
  next: NextResolverFn<TResult>,
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

/** Mapping of federation types */
export type FederationTypes = {
  Conversation: Conversation;
  Message: Message;
  Tenant: Tenant;
};

/** Mapping of federation reference types */
export type FederationReferenceTypes = {
  Conversation:
    ( { __typename: 'Conversation' }
    & GraphQLRecursivePick<FederationTypes['Conversation'], {"id":true}> );
  Message:
    ( { __typename: 'Message' }
    & GraphQLRecursivePick<FederationTypes['Message'], {"id":true}> );
  Tenant:
    ( { __typename: 'Tenant' }
    & GraphQLRecursivePick<FederationTypes['Tenant'], {"id":true}> );
};

/** Mapping of union types */
export type ResolversUnionTypes<_RefType extends Record<string, unknown>> = {
  MessageStreamEvent:
    | ( MessageCompletedEvent )
    | ( MessageTokenEvent )
  ;
};


/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  Channel: Channel;
  Conversation: ResolverTypeWrapper<ConversationEntity>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  ConversationConnection: ResolverTypeWrapper<Omit<ConversationConnection, 'edges'> & { edges: Array<ResolversTypes['ConversationEdge']> }>;
  ConversationEdge: ResolverTypeWrapper<Omit<ConversationEdge, 'node'> & { node: ResolversTypes['Conversation'] }>;
  CreateConversationInput: CreateConversationInput;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  Message: ResolverTypeWrapper<MessageEntity>;
  MessageCompleted: ResolverTypeWrapper<MessageCompletedEvent>;
  MessageConnection: ResolverTypeWrapper<Omit<MessageConnection, 'edges'> & { edges: Array<ResolversTypes['MessageEdge']> }>;
  MessageEdge: ResolverTypeWrapper<Omit<MessageEdge, 'node'> & { node: ResolversTypes['Message'] }>;
  MessageRole: MessageRole;
  MessageStreamEvent: ResolverTypeWrapper<ResolversUnionTypes<ResolversTypes>['MessageStreamEvent']>;
  MessageToken: ResolverTypeWrapper<MessageTokenEvent>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Subscription: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Tenant: ResolverTypeWrapper<TenantReference>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  Conversation: ConversationEntity;
  ID: Scalars['ID']['output'];
  Int: Scalars['Int']['output'];
  String: Scalars['String']['output'];
  ConversationConnection: Omit<ConversationConnection, 'edges'> & { edges: Array<ResolversParentTypes['ConversationEdge']> };
  ConversationEdge: Omit<ConversationEdge, 'node'> & { node: ResolversParentTypes['Conversation'] };
  CreateConversationInput: CreateConversationInput;
  DateTime: Scalars['DateTime']['output'];
  Message: MessageEntity;
  MessageCompleted: MessageCompletedEvent;
  MessageConnection: Omit<MessageConnection, 'edges'> & { edges: Array<ResolversParentTypes['MessageEdge']> };
  MessageEdge: Omit<MessageEdge, 'node'> & { node: ResolversParentTypes['Message'] };
  MessageStreamEvent: ResolversUnionTypes<ResolversParentTypes>['MessageStreamEvent'];
  MessageToken: MessageTokenEvent;
  Mutation: Record<PropertyKey, never>;
  PageInfo: PageInfo;
  Boolean: Scalars['Boolean']['output'];
  Query: Record<PropertyKey, never>;
  Subscription: Record<PropertyKey, never>;
  Tenant: TenantReference;
};

export type ConversationResolvers<ContextType = ConversationsContext, ParentType extends ResolversParentTypes['Conversation'] = ResolversParentTypes['Conversation'], FederationReferenceType extends FederationReferenceTypes['Conversation'] = FederationReferenceTypes['Conversation']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Conversation']> | FederationReferenceType, FederationReferenceType, ContextType>;
  channel?: Resolver<ResolversTypes['Channel'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  messageCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  messages?: Resolver<ResolversTypes['MessageConnection'], ParentType, ContextType, RequireFields<ConversationMessagesArgs, 'first'>>;
  modelId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
};

export type ConversationConnectionResolvers<ContextType = ConversationsContext, ParentType extends ResolversParentTypes['ConversationConnection'] = ResolversParentTypes['ConversationConnection']> = {
  edges?: Resolver<Array<ResolversTypes['ConversationEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ConversationEdgeResolvers<ContextType = ConversationsContext, ParentType extends ResolversParentTypes['ConversationEdge'] = ResolversParentTypes['ConversationEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Conversation'], ParentType, ContextType>;
};

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type MessageResolvers<ContextType = ConversationsContext, ParentType extends ResolversParentTypes['Message'] = ResolversParentTypes['Message'], FederationReferenceType extends FederationReferenceTypes['Message'] = FederationReferenceTypes['Message']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Message']> | FederationReferenceType, FederationReferenceType, ContextType>;
  content?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  conversation?: Resolver<ResolversTypes['Conversation'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  role?: Resolver<ResolversTypes['MessageRole'], ParentType, ContextType>;
  tokenCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type MessageCompletedResolvers<ContextType = ConversationsContext, ParentType extends ResolversParentTypes['MessageCompleted'] = ResolversParentTypes['MessageCompleted']> = {
  message?: Resolver<ResolversTypes['Message'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type MessageConnectionResolvers<ContextType = ConversationsContext, ParentType extends ResolversParentTypes['MessageConnection'] = ResolversParentTypes['MessageConnection']> = {
  edges?: Resolver<Array<ResolversTypes['MessageEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type MessageEdgeResolvers<ContextType = ConversationsContext, ParentType extends ResolversParentTypes['MessageEdge'] = ResolversParentTypes['MessageEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Message'], ParentType, ContextType>;
};

export type MessageStreamEventResolvers<ContextType = ConversationsContext, ParentType extends ResolversParentTypes['MessageStreamEvent'] = ResolversParentTypes['MessageStreamEvent']> = {
  __resolveType: TypeResolveFn<'MessageCompleted' | 'MessageToken', ParentType, ContextType>;
};

export type MessageTokenResolvers<ContextType = ConversationsContext, ParentType extends ResolversParentTypes['MessageToken'] = ResolversParentTypes['MessageToken']> = {
  index?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  messageId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  text?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type MutationResolvers<ContextType = ConversationsContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  createConversation?: Resolver<ResolversTypes['Conversation'], ParentType, ContextType, RequireFields<MutationCreateConversationArgs, 'input'>>;
  sendMessage?: Resolver<ResolversTypes['Message'], ParentType, ContextType, RequireFields<MutationSendMessageArgs, 'content' | 'conversationId'>>;
};

export type PageInfoResolvers<ContextType = ConversationsContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = {
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  hasPreviousPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  startCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type QueryResolvers<ContextType = ConversationsContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  conversation?: Resolver<Maybe<ResolversTypes['Conversation']>, ParentType, ContextType, RequireFields<QueryConversationArgs, 'id'>>;
};

export type SubscriptionResolvers<ContextType = ConversationsContext, ParentType extends ResolversParentTypes['Subscription'] = ResolversParentTypes['Subscription']> = {
  messageStream?: SubscriptionResolver<ResolversTypes['MessageStreamEvent'], "messageStream", ParentType, ContextType, RequireFields<SubscriptionMessageStreamArgs, 'conversationId'>>;
};

export type TenantResolvers<ContextType = ConversationsContext, ParentType extends ResolversParentTypes['Tenant'] = ResolversParentTypes['Tenant'], FederationReferenceType extends FederationReferenceTypes['Tenant'] = FederationReferenceTypes['Tenant']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Tenant']> | FederationReferenceType, FederationReferenceType, ContextType>;
  conversations?: Resolver<ResolversTypes['ConversationConnection'], ParentType, ContextType, RequireFields<TenantConversationsArgs, 'first'>>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type Resolvers<ContextType = ConversationsContext> = {
  Conversation?: ConversationResolvers<ContextType>;
  ConversationConnection?: ConversationConnectionResolvers<ContextType>;
  ConversationEdge?: ConversationEdgeResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  Message?: MessageResolvers<ContextType>;
  MessageCompleted?: MessageCompletedResolvers<ContextType>;
  MessageConnection?: MessageConnectionResolvers<ContextType>;
  MessageEdge?: MessageEdgeResolvers<ContextType>;
  MessageStreamEvent?: MessageStreamEventResolvers<ContextType>;
  MessageToken?: MessageTokenResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  Subscription?: SubscriptionResolvers<ContextType>;
  Tenant?: TenantResolvers<ContextType>;
};

