import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { TenantRef, IntegrationEntity } from '../mappers.ts';
import type { IntegrationsContext } from '../context.ts';
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
  /** An ISO-8601 date and time in UTC, for example 2026-11-26T10:00:00.000Z. */
  DateTime: { input: Date; output: Date; }
  /** Any JSON value. */
  JSON: { input: unknown; output: unknown; }
  _FieldSet: { input: unknown; output: unknown; }
};

/** A new integration. */
export type CreateIntegrationInput = {
  /** Credential fields: an object of strings, at most 32 fields and 8 KiB serialized; stored encrypted, never returned. */
  credentials?: InputMaybe<Scalars['JSON']['input']>;
  /** The system's endpoint (http or https URL), if it has one. */
  endpoint?: InputMaybe<Scalars['String']['input']>;
  /** How the platform talks to the system. */
  kind: IntegrationKind;
  /** Display name, 1 to 100 characters (trimmed). */
  name: Scalars['String']['input'];
};

/** A connection to an external system. Its credentials are encrypted at rest and never returned. */
export type Integration = {
  __typename?: 'Integration';
  /** When the integration was created. */
  createdAt: Scalars['DateTime']['output'];
  /** Names of the credential fields stored (their values are never shown). */
  credentialFields: Array<Scalars['String']['output']>;
  /** When the credentials were last set. */
  credentialsUpdatedAt: Maybe<Scalars['DateTime']['output']>;
  /** The system's endpoint, if it has one. */
  endpoint: Maybe<Scalars['String']['output']>;
  /** Stable identifier (UUID) of the integration. */
  id: Scalars['ID']['output'];
  /** How the platform talks to the system. */
  kind: IntegrationKind;
  /** Display name. */
  name: Scalars['String']['output'];
  /** Whether the integration is in use. */
  status: IntegrationStatus;
};

/** Ways of talking to an external system. */
export type IntegrationKind =
  /** A GraphQL API the platform calls. */
  | 'GRAPHQL'
  /** A REST API the platform calls. */
  | 'REST'
  /** A Salesforce organisation. */
  | 'SALESFORCE'
  /** A Slack workspace. */
  | 'SLACK'
  /** A URL the platform posts events to. */
  | 'WEBHOOK';

/** Lifecycle of an integration. */
export type IntegrationStatus =
  /** In use. */
  | 'ACTIVE'
  /** Switched off; credentials kept. */
  | 'DISABLED';

/** Entry points for changes. Every subgraph adds its own; each acts in the caller's tenant only (see each field for the roles it needs). */
export type Mutation = {
  __typename?: 'Mutation';
  /** Connects an external system to the caller's tenant. Tenant admins only. */
  createIntegration: Integration;
  /** Replaces the credentials of an integration. Tenant admins only. */
  setIntegrationCredentials: Integration;
  /** Enables or disables an integration. Tenant admins only. */
  setIntegrationStatus: Integration;
};


/** Entry points for changes. Every subgraph adds its own; each acts in the caller's tenant only (see each field for the roles it needs). */
export type MutationCreateIntegrationArgs = {
  input: CreateIntegrationInput;
};


/** Entry points for changes. Every subgraph adds its own; each acts in the caller's tenant only (see each field for the roles it needs). */
export type MutationSetIntegrationCredentialsArgs = {
  credentials: Scalars['JSON']['input'];
  id: Scalars['ID']['input'];
};


/** Entry points for changes. Every subgraph adds its own; each acts in the caller's tenant only (see each field for the roles it needs). */
export type MutationSetIntegrationStatusArgs = {
  id: Scalars['ID']['input'];
  status: IntegrationStatus;
};

/** Entry points for reading. Every subgraph adds its own; each answers for the caller's tenant only. */
export type Query = {
  __typename?: 'Query';
  /** One integration of the caller's tenant, or null. */
  integration: Maybe<Integration>;
};


/** Entry points for reading. Every subgraph adds its own; each answers for the caller's tenant only. */
export type QueryIntegrationArgs = {
  id: Scalars['ID']['input'];
};

/** A tenant, as seen by the integrations subgraph. */
export type Tenant = {
  __typename?: 'Tenant';
  /** Stable identifier (UUID) of the tenant. */
  id: Scalars['ID']['output'];
  /** External systems the tenant has connected, newest first. */
  integrations: Array<Integration>;
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
  Integration: Integration;
  Tenant: Tenant;
};

/** Mapping of federation reference types */
export type FederationReferenceTypes = {
  Integration:
    ( { __typename: 'Integration' }
    & GraphQLRecursivePick<FederationTypes['Integration'], {"id":true}> );
  Tenant:
    ( { __typename: 'Tenant' }
    & GraphQLRecursivePick<FederationTypes['Tenant'], {"id":true}> );
};



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  CreateIntegrationInput: CreateIntegrationInput;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  Integration: ResolverTypeWrapper<IntegrationEntity>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  IntegrationKind: IntegrationKind;
  IntegrationStatus: IntegrationStatus;
  JSON: ResolverTypeWrapper<Scalars['JSON']['output']>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Tenant: ResolverTypeWrapper<TenantRef>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  CreateIntegrationInput: CreateIntegrationInput;
  String: Scalars['String']['output'];
  DateTime: Scalars['DateTime']['output'];
  Integration: IntegrationEntity;
  ID: Scalars['ID']['output'];
  JSON: Scalars['JSON']['output'];
  Mutation: Record<PropertyKey, never>;
  Query: Record<PropertyKey, never>;
  Tenant: TenantRef;
  Boolean: Scalars['Boolean']['output'];
};

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type IntegrationResolvers<ContextType = IntegrationsContext, ParentType extends ResolversParentTypes['Integration'] = ResolversParentTypes['Integration'], FederationReferenceType extends FederationReferenceTypes['Integration'] = FederationReferenceTypes['Integration']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Integration']> | FederationReferenceType, FederationReferenceType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  credentialFields?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  credentialsUpdatedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  endpoint?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['IntegrationKind'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['IntegrationStatus'], ParentType, ContextType>;
};

export interface JsonScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['JSON'], any> {
  name: 'JSON';
}

export type MutationResolvers<ContextType = IntegrationsContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  createIntegration?: Resolver<ResolversTypes['Integration'], ParentType, ContextType, RequireFields<MutationCreateIntegrationArgs, 'input'>>;
  setIntegrationCredentials?: Resolver<ResolversTypes['Integration'], ParentType, ContextType, RequireFields<MutationSetIntegrationCredentialsArgs, 'credentials' | 'id'>>;
  setIntegrationStatus?: Resolver<ResolversTypes['Integration'], ParentType, ContextType, RequireFields<MutationSetIntegrationStatusArgs, 'id' | 'status'>>;
};

export type QueryResolvers<ContextType = IntegrationsContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  integration?: Resolver<Maybe<ResolversTypes['Integration']>, ParentType, ContextType, RequireFields<QueryIntegrationArgs, 'id'>>;
};

export type TenantResolvers<ContextType = IntegrationsContext, ParentType extends ResolversParentTypes['Tenant'] = ResolversParentTypes['Tenant'], FederationReferenceType extends FederationReferenceTypes['Tenant'] = FederationReferenceTypes['Tenant']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Tenant']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  integrations?: Resolver<Array<ResolversTypes['Integration']>, ParentType, ContextType>;
};

export type Resolvers<ContextType = IntegrationsContext> = {
  DateTime?: GraphQLScalarType;
  Integration?: IntegrationResolvers<ContextType>;
  JSON?: GraphQLScalarType;
  Mutation?: MutationResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  Tenant?: TenantResolvers<ContextType>;
};

