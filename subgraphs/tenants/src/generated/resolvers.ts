import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { TenantEntity, UserEntity, ApiKeyEntity } from '../mappers.ts';
import type { TenantsContext } from '../context.ts';
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

/** A key for server-to-server access of a tenant. Only its prefix is ever shown after creation. */
export type ApiKey = {
  __typename?: 'ApiKey';
  /** When the key was created. */
  createdAt: Scalars['DateTime']['output'];
  /** Stable identifier of the key. */
  id: Scalars['ID']['output'];
  /** What the key is for. */
  name: Scalars['String']['output'];
  /** The first characters of the key, to recognise it. */
  prefix: Scalars['String']['output'];
  /** When the key was revoked, if it was. */
  revokedAt: Maybe<Scalars['DateTime']['output']>;
  /** Scopes granted to calls made with the key. */
  scopes: Array<Scalars['String']['output']>;
};

/** A new API key. */
export type CreateApiKeyInput = {
  /** What the key is for, 1 to 100 characters. */
  name: Scalars['String']['input'];
  /** Scopes granted to calls made with the key. */
  scopes?: InputMaybe<Array<Scalars['String']['input']>>;
};

/** A newly issued API key with its secret. */
export type CreateApiKeyPayload = {
  __typename?: 'CreateApiKeyPayload';
  /** The stored key (without its secret). */
  apiKey: ApiKey;
  /** The secret, shown this once; only its hash is stored. */
  secret: Scalars['String']['output'];
};

/** A new tenant. */
export type CreateTenantInput = {
  /** Display name, 1 to 200 characters. */
  name: Scalars['String']['input'];
  /** The tier; defaults to TRIAL. */
  plan?: InputMaybe<Plan>;
  /** Unique slug: 3 to 40 lowercase letters, digits or dashes, starting with a letter. */
  slug: Scalars['String']['input'];
};

/** A new user of the caller's tenant. */
export type CreateUserInput = {
  /** Email address, unique within the tenant. */
  email: Scalars['String']['input'];
  /** Display name, 1 to 200 characters. */
  name: Scalars['String']['input'];
  /** Roles; defaults to MEMBER. */
  roles?: InputMaybe<Array<Role>>;
};

/** Entry points for changes. Every subgraph adds its own; each acts in the caller's tenant only (see each field for the roles it needs). */
export type Mutation = {
  __typename?: 'Mutation';
  /** Issues an API key for the caller's tenant; the secret is returned once. Tenant admins only. */
  createApiKey: CreateApiKeyPayload;
  /** Creates a tenant. Platform operators only; publishes `tenant.created`. */
  createTenant: Tenant;
  /** Adds a user to the caller's tenant. Tenant admins only. */
  createUser: User;
  /** Revokes an API key of the caller's tenant. Tenant admins only. */
  revokeApiKey: ApiKey;
};


/** Entry points for changes. Every subgraph adds its own; each acts in the caller's tenant only (see each field for the roles it needs). */
export type MutationCreateApiKeyArgs = {
  input: CreateApiKeyInput;
};


/** Entry points for changes. Every subgraph adds its own; each acts in the caller's tenant only (see each field for the roles it needs). */
export type MutationCreateTenantArgs = {
  input: CreateTenantInput;
};


/** Entry points for changes. Every subgraph adds its own; each acts in the caller's tenant only (see each field for the roles it needs). */
export type MutationCreateUserArgs = {
  input: CreateUserInput;
};


/** Entry points for changes. Every subgraph adds its own; each acts in the caller's tenant only (see each field for the roles it needs). */
export type MutationRevokeApiKeyArgs = {
  id: Scalars['ID']['input'];
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

/** Commercial tiers. Trial and standard tenants share tables; professional and enterprise ones get more isolation. */
export type Plan =
  /** Contracted tier with the highest limits. */
  | 'ENTERPRISE'
  /** Teams with higher limits. */
  | 'PROFESSIONAL'
  /** Self-service paid tier. */
  | 'STANDARD'
  /** Time-limited evaluation. */
  | 'TRIAL';

/** Entry points for reading. Every subgraph adds its own; each answers for the caller's tenant only. */
export type Query = {
  __typename?: 'Query';
  /** The signed-in user, when the caller is a user. */
  me: Maybe<User>;
  /** The caller's own tenant (null for platform operators acting outside a tenant). */
  tenant: Maybe<Tenant>;
  /** A tenant by its slug: the caller's own, or any for platform operators. */
  tenantBySlug: Maybe<Tenant>;
  /** Every tenant, newest first. Platform operators only. */
  tenants: TenantConnection;
};


/** Entry points for reading. Every subgraph adds its own; each answers for the caller's tenant only. */
export type QueryTenantBySlugArgs = {
  slug: Scalars['String']['input'];
};


/** Entry points for reading. Every subgraph adds its own; each answers for the caller's tenant only. */
export type QueryTenantsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** Per-plan limits of a tenant. */
export type Quota = {
  __typename?: 'Quota';
  /** Number of integrations the tenant may configure. */
  maxIntegrations: Scalars['Int']['output'];
  /** Largest iteration count of one simulation run. */
  maxSimulationIterations: Scalars['Int']['output'];
  /** Chat messages the tenant may send per day. */
  messagesPerDay: Scalars['Int']['output'];
  /** GraphQL operations the tenant may send per minute, all gateway replicas together (beyond it: RATE_LIMITED). */
  requestsPerMinute: Scalars['Int']['output'];
  /** Monte Carlo runs the tenant may start per day. */
  simulationsPerDay: Scalars['Int']['output'];
};

/** Roles within a tenant. */
export type Role =
  /** Manages the tenant: users, keys, integrations, models. */
  | 'ADMIN'
  /** Uses the platform: conversations and simulations. */
  | 'MEMBER'
  /** Reads only. */
  | 'VIEWER';

/**
 * An organisation using the platform. Every row of every subgraph belongs to exactly one tenant,
 * and a caller only ever sees its own.
 */
export type Tenant = {
  __typename?: 'Tenant';
  /** API keys issued to the tenant (secrets are never shown again after creation). */
  apiKeys: Array<ApiKey>;
  /** When the tenant was created. */
  createdAt: Scalars['DateTime']['output'];
  /** Stable identifier (UUID) of the tenant. */
  id: Scalars['ID']['output'];
  /** Display name. */
  name: Scalars['String']['output'];
  /** The tier the tenant pays for; it decides quotas and isolation (shared rows, own schema or own database). */
  plan: Plan;
  /** Limits that apply to this tenant, from its plan. */
  quota: Quota;
  /** Short, unique, URL-safe name (lowercase letters, digits and dashes). */
  slug: Scalars['String']['output'];
  /** Whether the tenant may use the platform. */
  status: TenantStatus;
  /** People who can sign in for this tenant, newest first. */
  users: UserConnection;
};


/**
 * An organisation using the platform. Every row of every subgraph belongs to exactly one tenant,
 * and a caller only ever sees its own.
 */
export type TenantUsersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** A tenant page for platform operators. */
export type TenantConnection = {
  __typename?: 'TenantConnection';
  /** The tenants of this page with their cursors. */
  edges: Array<TenantEdge>;
  /** Where this page sits in the whole list. */
  pageInfo: PageInfo;
  /** Number of tenants on the platform. */
  totalCount: Scalars['Int']['output'];
};

/** A tenant and its cursor. */
export type TenantEdge = {
  __typename?: 'TenantEdge';
  /** Opaque cursor to pass as `after` for the next page. */
  cursor: Scalars['String']['output'];
  /** The tenant. */
  node: Tenant;
};

/** Lifecycle state of a tenant. */
export type TenantStatus =
  /** The tenant can use the platform. */
  | 'ACTIVE'
  /** Access is paused (for example unpaid invoices); data is kept. */
  | 'SUSPENDED';

/** A person who signs in for a tenant. */
export type User = {
  __typename?: 'User';
  /** When the user was added. */
  createdAt: Scalars['DateTime']['output'];
  /** Email address, unique within the tenant. */
  email: Scalars['String']['output'];
  /** Stable identifier (UUID) of the user. */
  id: Scalars['ID']['output'];
  /** Display name. */
  name: Scalars['String']['output'];
  /** What the user may do within the tenant. */
  roles: Array<Role>;
};

/** A page of users. */
export type UserConnection = {
  __typename?: 'UserConnection';
  /** The users of this page with their cursors. */
  edges: Array<UserEdge>;
  /** Where this page sits in the whole list. */
  pageInfo: PageInfo;
  /** Number of users of the tenant. */
  totalCount: Scalars['Int']['output'];
};

/** A user and its cursor. */
export type UserEdge = {
  __typename?: 'UserEdge';
  /** Opaque cursor to pass as `after` for the next page. */
  cursor: Scalars['String']['output'];
  /** The user. */
  node: User;
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
  Tenant: Tenant;
  User: User;
};

/** Mapping of federation reference types */
export type FederationReferenceTypes = {
  Tenant:
    ( { __typename: 'Tenant' }
    & GraphQLRecursivePick<FederationTypes['Tenant'], {"id":true}> );
  User:
    ( { __typename: 'User' }
    & GraphQLRecursivePick<FederationTypes['User'], {"id":true}> );
};



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  ApiKey: ResolverTypeWrapper<ApiKeyEntity>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  CreateApiKeyInput: CreateApiKeyInput;
  CreateApiKeyPayload: ResolverTypeWrapper<Omit<CreateApiKeyPayload, 'apiKey'> & { apiKey: ResolversTypes['ApiKey'] }>;
  CreateTenantInput: CreateTenantInput;
  CreateUserInput: CreateUserInput;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  Plan: Plan;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  Quota: ResolverTypeWrapper<Quota>;
  Role: Role;
  Tenant: ResolverTypeWrapper<TenantEntity>;
  TenantConnection: ResolverTypeWrapper<Omit<TenantConnection, 'edges'> & { edges: Array<ResolversTypes['TenantEdge']> }>;
  TenantEdge: ResolverTypeWrapper<Omit<TenantEdge, 'node'> & { node: ResolversTypes['Tenant'] }>;
  TenantStatus: TenantStatus;
  User: ResolverTypeWrapper<UserEntity>;
  UserConnection: ResolverTypeWrapper<Omit<UserConnection, 'edges'> & { edges: Array<ResolversTypes['UserEdge']> }>;
  UserEdge: ResolverTypeWrapper<Omit<UserEdge, 'node'> & { node: ResolversTypes['User'] }>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  ApiKey: ApiKeyEntity;
  ID: Scalars['ID']['output'];
  String: Scalars['String']['output'];
  CreateApiKeyInput: CreateApiKeyInput;
  CreateApiKeyPayload: Omit<CreateApiKeyPayload, 'apiKey'> & { apiKey: ResolversParentTypes['ApiKey'] };
  CreateTenantInput: CreateTenantInput;
  CreateUserInput: CreateUserInput;
  DateTime: Scalars['DateTime']['output'];
  Mutation: Record<PropertyKey, never>;
  PageInfo: PageInfo;
  Boolean: Scalars['Boolean']['output'];
  Query: Record<PropertyKey, never>;
  Int: Scalars['Int']['output'];
  Quota: Quota;
  Tenant: TenantEntity;
  TenantConnection: Omit<TenantConnection, 'edges'> & { edges: Array<ResolversParentTypes['TenantEdge']> };
  TenantEdge: Omit<TenantEdge, 'node'> & { node: ResolversParentTypes['Tenant'] };
  User: UserEntity;
  UserConnection: Omit<UserConnection, 'edges'> & { edges: Array<ResolversParentTypes['UserEdge']> };
  UserEdge: Omit<UserEdge, 'node'> & { node: ResolversParentTypes['User'] };
};

export type ApiKeyResolvers<ContextType = TenantsContext, ParentType extends ResolversParentTypes['ApiKey'] = ResolversParentTypes['ApiKey']> = {
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  prefix?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  revokedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  scopes?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
};

export type CreateApiKeyPayloadResolvers<ContextType = TenantsContext, ParentType extends ResolversParentTypes['CreateApiKeyPayload'] = ResolversParentTypes['CreateApiKeyPayload']> = {
  apiKey?: Resolver<ResolversTypes['ApiKey'], ParentType, ContextType>;
  secret?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type MutationResolvers<ContextType = TenantsContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  createApiKey?: Resolver<ResolversTypes['CreateApiKeyPayload'], ParentType, ContextType, RequireFields<MutationCreateApiKeyArgs, 'input'>>;
  createTenant?: Resolver<ResolversTypes['Tenant'], ParentType, ContextType, RequireFields<MutationCreateTenantArgs, 'input'>>;
  createUser?: Resolver<ResolversTypes['User'], ParentType, ContextType, RequireFields<MutationCreateUserArgs, 'input'>>;
  revokeApiKey?: Resolver<ResolversTypes['ApiKey'], ParentType, ContextType, RequireFields<MutationRevokeApiKeyArgs, 'id'>>;
};

export type PageInfoResolvers<ContextType = TenantsContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = {
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  hasPreviousPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  startCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type QueryResolvers<ContextType = TenantsContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  me?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
  tenant?: Resolver<Maybe<ResolversTypes['Tenant']>, ParentType, ContextType>;
  tenantBySlug?: Resolver<Maybe<ResolversTypes['Tenant']>, ParentType, ContextType, RequireFields<QueryTenantBySlugArgs, 'slug'>>;
  tenants?: Resolver<ResolversTypes['TenantConnection'], ParentType, ContextType, RequireFields<QueryTenantsArgs, 'first'>>;
};

export type QuotaResolvers<ContextType = TenantsContext, ParentType extends ResolversParentTypes['Quota'] = ResolversParentTypes['Quota']> = {
  maxIntegrations?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  maxSimulationIterations?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  messagesPerDay?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  requestsPerMinute?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  simulationsPerDay?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type TenantResolvers<ContextType = TenantsContext, ParentType extends ResolversParentTypes['Tenant'] = ResolversParentTypes['Tenant'], FederationReferenceType extends FederationReferenceTypes['Tenant'] = FederationReferenceTypes['Tenant']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Tenant']> | FederationReferenceType, FederationReferenceType, ContextType>;
  apiKeys?: Resolver<Array<ResolversTypes['ApiKey']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  plan?: Resolver<ResolversTypes['Plan'], ParentType, ContextType>;
  quota?: Resolver<ResolversTypes['Quota'], ParentType, ContextType>;
  slug?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['TenantStatus'], ParentType, ContextType>;
  users?: Resolver<ResolversTypes['UserConnection'], ParentType, ContextType, RequireFields<TenantUsersArgs, 'first'>>;
};

export type TenantConnectionResolvers<ContextType = TenantsContext, ParentType extends ResolversParentTypes['TenantConnection'] = ResolversParentTypes['TenantConnection']> = {
  edges?: Resolver<Array<ResolversTypes['TenantEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type TenantEdgeResolvers<ContextType = TenantsContext, ParentType extends ResolversParentTypes['TenantEdge'] = ResolversParentTypes['TenantEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Tenant'], ParentType, ContextType>;
};

export type UserResolvers<ContextType = TenantsContext, ParentType extends ResolversParentTypes['User'] = ResolversParentTypes['User'], FederationReferenceType extends FederationReferenceTypes['User'] = FederationReferenceTypes['User']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['User']> | FederationReferenceType, FederationReferenceType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  email?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  roles?: Resolver<Array<ResolversTypes['Role']>, ParentType, ContextType>;
};

export type UserConnectionResolvers<ContextType = TenantsContext, ParentType extends ResolversParentTypes['UserConnection'] = ResolversParentTypes['UserConnection']> = {
  edges?: Resolver<Array<ResolversTypes['UserEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type UserEdgeResolvers<ContextType = TenantsContext, ParentType extends ResolversParentTypes['UserEdge'] = ResolversParentTypes['UserEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
};

export type Resolvers<ContextType = TenantsContext> = {
  ApiKey?: ApiKeyResolvers<ContextType>;
  CreateApiKeyPayload?: CreateApiKeyPayloadResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  Mutation?: MutationResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  Quota?: QuotaResolvers<ContextType>;
  Tenant?: TenantResolvers<ContextType>;
  TenantConnection?: TenantConnectionResolvers<ContextType>;
  TenantEdge?: TenantEdgeResolvers<ContextType>;
  User?: UserResolvers<ContextType>;
  UserConnection?: UserConnectionResolvers<ContextType>;
  UserEdge?: UserEdgeResolvers<ContextType>;
};

