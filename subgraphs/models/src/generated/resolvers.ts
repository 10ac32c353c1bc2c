import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { TenantRef, ConversationRef, ModelRecord, ProviderRecord, RoutingPolicyRecord } from '../mappers.ts';
import type { ModelsContext } from '../context.ts';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** Any JSON value. */
  JSON: { input: unknown; output: unknown; }
  _FieldSet: { input: unknown; output: unknown; }
};

/** A conversation, as seen by the models subgraph. */
export type Conversation = {
  __typename?: 'Conversation';
  /** Stable identifier of the conversation. */
  id: Scalars['ID']['output'];
  /**
   * The model that answers in this conversation: the pinned one while it exists in the tenant and is
   * enabled, else the default of the tenant's routing policy; null when neither is available.
   */
  model: Maybe<Model>;
  /** The model pinned by the conversation, if any. */
  modelId: Maybe<Scalars['ID']['output']>;
};

/** A new model. */
export type CreateModelInput = {
  /** Largest prompt plus completion, in tokens (1 to 10000000, default 128000). */
  contextWindow?: InputMaybe<Scalars['Int']['input']>;
  /** Price of one million prompt tokens, in US dollars (0 or more, default 0). */
  inputCostPerMillion?: InputMaybe<Scalars['Float']['input']>;
  /** The provider's name for the model, 1 to 200 characters, unique within the provider. */
  name: Scalars['String']['input'];
  /** Price of one million completion tokens, in US dollars (0 or more, default 0). */
  outputCostPerMillion?: InputMaybe<Scalars['Float']['input']>;
  /** The provider that serves it (a provider of the caller's tenant). */
  providerId: Scalars['ID']['input'];
};

/** A new provider configuration. */
export type CreateProviderInput = {
  /** Base URL of the provider's API (http or https, without credentials), if not the default. BUILTIN takes none. */
  baseUrl?: InputMaybe<Scalars['String']['input']>;
  /** Protocol the provider speaks. */
  kind: ProviderKind;
  /** Display name, 1 to 100 characters, unique within the tenant. */
  name: Scalars['String']['input'];
};

/** An LLM offered by a provider to a tenant. */
export type Model = {
  __typename?: 'Model';
  /** Largest prompt plus completion, in tokens. */
  contextWindow: Scalars['Int']['output'];
  /** Whether requests may be routed to the model. */
  enabled: Scalars['Boolean']['output'];
  /** Stable identifier (UUID) of the model. */
  id: Scalars['ID']['output'];
  /** Price of one million prompt tokens, in US dollars. */
  inputCostPerMillion: Scalars['Float']['output'];
  /** The provider's name for the model, for example gpt-4o-mini. */
  name: Scalars['String']['output'];
  /** Price of one million completion tokens, in US dollars. */
  outputCostPerMillion: Scalars['Float']['output'];
  /** Kind of provider that serves the model. */
  provider: ProviderKind;
  /** The provider configuration that serves the model. */
  providerConfig: Provider;
};

/** Entry points for changes. Every subgraph adds its own; each acts in the caller's tenant only (see each field for the roles it needs). */
export type Mutation = {
  __typename?: 'Mutation';
  /** Adds a model to a provider of the caller's tenant. Tenant admins only. */
  createModel: Model;
  /** Adds a provider configuration to the caller's tenant. Tenant admins only. */
  createProvider: Provider;
  /**
   * Sets (creates or replaces) the caller's tenant's dialog flow, from which the built-in dialog engine
   * (BUILTIN models) answers: `{ "intents": [{ "name", "patterns": [...], "reply" }], "fallbackReply" }`.
   * A pattern is a keyword or phrase, matched case-insensitively as whole words, or a regular expression
   * written `/like this/`; the reply of the intent matching the last user message is given, else the
   * fallback reply. At most 100 intents of 50 patterns each; replies up to 4000 characters.
   * BAD_USER_INPUT lists every problem at once (`extensions.problems`). Tenant admins only.
   */
  setDialogFlow: Scalars['Boolean']['output'];
  /** Sets (creates or replaces) the caller's tenant's routing policy. Tenant admins only. */
  setRoutingPolicy: RoutingPolicy;
};


/** Entry points for changes. Every subgraph adds its own; each acts in the caller's tenant only (see each field for the roles it needs). */
export type MutationCreateModelArgs = {
  input: CreateModelInput;
};


/** Entry points for changes. Every subgraph adds its own; each acts in the caller's tenant only (see each field for the roles it needs). */
export type MutationCreateProviderArgs = {
  input: CreateProviderInput;
};


/** Entry points for changes. Every subgraph adds its own; each acts in the caller's tenant only (see each field for the roles it needs). */
export type MutationSetDialogFlowArgs = {
  flow: Scalars['JSON']['input'];
};


/** Entry points for changes. Every subgraph adds its own; each acts in the caller's tenant only (see each field for the roles it needs). */
export type MutationSetRoutingPolicyArgs = {
  input: RoutingPolicyInput;
};

/** A provider account of a tenant. Credentials come from configuration and are never shown. */
export type Provider = {
  __typename?: 'Provider';
  /** Base URL of the provider's API, if not the default. */
  baseUrl: Maybe<Scalars['String']['output']>;
  /** Stable identifier (UUID) of the provider configuration. */
  id: Scalars['ID']['output'];
  /** Protocol the provider speaks. */
  kind: ProviderKind;
  /** Models offered through this provider, ordered by name. */
  models: Array<Model>;
  /** Display name, unique within the tenant. */
  name: Scalars['String']['output'];
};

/** Kinds of LLM provider the platform can call. */
export type ProviderKind =
  /** Anthropic's Messages API. */
  | 'ANTHROPIC'
  /** Azure OpenAI (chat-completions protocol). */
  | 'AZURE_OPENAI'
  /** The built-in dialog-flow engine, which works offline. */
  | 'BUILTIN'
  /** A local Ollama server (chat-completions protocol). */
  | 'OLLAMA'
  /** OpenAI's chat-completions API. */
  | 'OPENAI'
  /** A vLLM server (chat-completions protocol). */
  | 'VLLM';

/** Entry points for reading. Every subgraph adds its own; each answers for the caller's tenant only. */
export type Query = {
  __typename?: 'Query';
  /** One model of the caller's tenant, or null (also for another tenant's model). */
  model: Maybe<Model>;
};


/** Entry points for reading. Every subgraph adds its own; each answers for the caller's tenant only. */
export type QueryModelArgs = {
  id: Scalars['ID']['input'];
};

/** How requests of a tenant pick a model, and where they go when it fails. */
export type RoutingPolicy = {
  __typename?: 'RoutingPolicy';
  /** The model used when a conversation pins none. */
  defaultModel: Model;
  /** Models tried in order when the default fails before its first token or times out. */
  fallbackChain: Array<Model>;
  /** How long to wait for a first token before falling back, in milliseconds. */
  firstTokenTimeoutMs: Scalars['Int']['output'];
  /** Stable identifier of the policy. */
  id: Scalars['ID']['output'];
};

/** A routing policy. */
export type RoutingPolicyInput = {
  /** The model used when a conversation pins none (an enabled model of the caller's tenant). */
  defaultModelId: Scalars['ID']['input'];
  /** Models to try in order when the default fails: at most 5, distinct, enabled, of the caller's tenant, not the default. */
  fallbackModelIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** How long to wait for a first token, in milliseconds (100 to 120000, default 15000). */
  firstTokenTimeoutMs?: InputMaybe<Scalars['Int']['input']>;
};

/** A tenant, as seen by the models subgraph. */
export type Tenant = {
  __typename?: 'Tenant';
  /** The flow the built-in dialog engine answers from (see `setDialogFlow`); null while none is stored, and the platform's default flow applies. */
  dialogFlow: Maybe<Scalars['JSON']['output']>;
  /** Stable identifier (UUID) of the tenant. */
  id: Scalars['ID']['output'];
  /** Models configured for the tenant, ordered by name. */
  models: Array<Model>;
  /** LLM providers configured for the tenant, ordered by name. */
  providers: Array<Provider>;
  /** How the tenant's requests pick a model; null until one is set. */
  routingPolicy: Maybe<RoutingPolicy>;
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
  Model: Model;
  Tenant: Tenant;
};

/** Mapping of federation reference types */
export type FederationReferenceTypes = {
  Conversation:
    ( { __typename: 'Conversation' }
    & GraphQLRecursivePick<FederationTypes['Conversation'], {"id":true}>
    & ( Record<PropertyKey, never>
        | GraphQLRecursivePick<FederationTypes['Conversation'], {"modelId":true}> ) );
  Model:
    ( { __typename: 'Model' }
    & GraphQLRecursivePick<FederationTypes['Model'], {"id":true}> );
  Tenant:
    ( { __typename: 'Tenant' }
    & GraphQLRecursivePick<FederationTypes['Tenant'], {"id":true}> );
};



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  Conversation: ResolverTypeWrapper<ConversationRef>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  CreateModelInput: CreateModelInput;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  CreateProviderInput: CreateProviderInput;
  JSON: ResolverTypeWrapper<Scalars['JSON']['output']>;
  Model: ResolverTypeWrapper<ModelRecord>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Provider: ResolverTypeWrapper<ProviderRecord>;
  ProviderKind: ProviderKind;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  RoutingPolicy: ResolverTypeWrapper<RoutingPolicyRecord>;
  RoutingPolicyInput: RoutingPolicyInput;
  Tenant: ResolverTypeWrapper<TenantRef>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  Conversation: ConversationRef;
  ID: Scalars['ID']['output'];
  CreateModelInput: CreateModelInput;
  Int: Scalars['Int']['output'];
  Float: Scalars['Float']['output'];
  String: Scalars['String']['output'];
  CreateProviderInput: CreateProviderInput;
  JSON: Scalars['JSON']['output'];
  Model: ModelRecord;
  Boolean: Scalars['Boolean']['output'];
  Mutation: Record<PropertyKey, never>;
  Provider: ProviderRecord;
  Query: Record<PropertyKey, never>;
  RoutingPolicy: RoutingPolicyRecord;
  RoutingPolicyInput: RoutingPolicyInput;
  Tenant: TenantRef;
};

export type ConversationResolvers<ContextType = ModelsContext, ParentType extends ResolversParentTypes['Conversation'] = ResolversParentTypes['Conversation'], FederationReferenceType extends FederationReferenceTypes['Conversation'] = FederationReferenceTypes['Conversation']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Conversation']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  model?: Resolver<Maybe<ResolversTypes['Model']>, ParentType, ContextType>;
};

export interface JsonScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['JSON'], any> {
  name: 'JSON';
}

export type ModelResolvers<ContextType = ModelsContext, ParentType extends ResolversParentTypes['Model'] = ResolversParentTypes['Model'], FederationReferenceType extends FederationReferenceTypes['Model'] = FederationReferenceTypes['Model']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Model']> | FederationReferenceType, FederationReferenceType, ContextType>;
  contextWindow?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  enabled?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  inputCostPerMillion?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  outputCostPerMillion?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  provider?: Resolver<ResolversTypes['ProviderKind'], ParentType, ContextType>;
  providerConfig?: Resolver<ResolversTypes['Provider'], ParentType, ContextType>;
};

export type MutationResolvers<ContextType = ModelsContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  createModel?: Resolver<ResolversTypes['Model'], ParentType, ContextType, RequireFields<MutationCreateModelArgs, 'input'>>;
  createProvider?: Resolver<ResolversTypes['Provider'], ParentType, ContextType, RequireFields<MutationCreateProviderArgs, 'input'>>;
  setDialogFlow?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationSetDialogFlowArgs, 'flow'>>;
  setRoutingPolicy?: Resolver<ResolversTypes['RoutingPolicy'], ParentType, ContextType, RequireFields<MutationSetRoutingPolicyArgs, 'input'>>;
};

export type ProviderResolvers<ContextType = ModelsContext, ParentType extends ResolversParentTypes['Provider'] = ResolversParentTypes['Provider']> = {
  baseUrl?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['ProviderKind'], ParentType, ContextType>;
  models?: Resolver<Array<ResolversTypes['Model']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type QueryResolvers<ContextType = ModelsContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  model?: Resolver<Maybe<ResolversTypes['Model']>, ParentType, ContextType, RequireFields<QueryModelArgs, 'id'>>;
};

export type RoutingPolicyResolvers<ContextType = ModelsContext, ParentType extends ResolversParentTypes['RoutingPolicy'] = ResolversParentTypes['RoutingPolicy']> = {
  defaultModel?: Resolver<ResolversTypes['Model'], ParentType, ContextType>;
  fallbackChain?: Resolver<Array<ResolversTypes['Model']>, ParentType, ContextType>;
  firstTokenTimeoutMs?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type TenantResolvers<ContextType = ModelsContext, ParentType extends ResolversParentTypes['Tenant'] = ResolversParentTypes['Tenant'], FederationReferenceType extends FederationReferenceTypes['Tenant'] = FederationReferenceTypes['Tenant']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Tenant']> | FederationReferenceType, FederationReferenceType, ContextType>;
  dialogFlow?: Resolver<Maybe<ResolversTypes['JSON']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  models?: Resolver<Array<ResolversTypes['Model']>, ParentType, ContextType>;
  providers?: Resolver<Array<ResolversTypes['Provider']>, ParentType, ContextType>;
  routingPolicy?: Resolver<Maybe<ResolversTypes['RoutingPolicy']>, ParentType, ContextType>;
};

export type Resolvers<ContextType = ModelsContext> = {
  Conversation?: ConversationResolvers<ContextType>;
  JSON?: GraphQLScalarType;
  Model?: ModelResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  Provider?: ProviderResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  RoutingPolicy?: RoutingPolicyResolvers<ContextType>;
  Tenant?: TenantResolvers<ContextType>;
};

