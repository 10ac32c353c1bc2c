import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { TenantRef, IntegrationEntity, PartnerClientEntity, PersistedDocumentEntity, PartnerAccessView, PartnerClientWithKey } from '../mappers.ts';
import type { IntegrationsContext } from '../context.ts';
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

/** A new partner client. */
export type CreatePartnerClientInput = {
  /** Display name, 1 to 100 characters (trimmed). */
  name: Scalars['String']['input'];
};

/** The created client and its API key. */
export type CreatePartnerClientPayload = {
  __typename?: 'CreatePartnerClientPayload';
  /** The API key (ptk_...). Shown only here: the platform stores its hash alone. */
  apiKey: Scalars['String']['output'];
  /** The new client. */
  client: PartnerClient;
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
  /** Creates a partner client and its first API key; the key is returned only in this response and stored hashed. Tenant admins only. */
  createPartnerClient: CreatePartnerClientPayload;
  /** Registers the documents a partner client may run, from a manifest; every document is validated against the current API schema and an invalid manifest is refused as a whole. Tenant admins only. */
  registerPersistedDocuments: RegisterPersistedDocumentsPayload;
  /** Revokes the partner client's API key: calls with it are refused from then on. Tenant admins only. */
  revokePartnerKey: PartnerClient;
  /** Issues a new API key for a partner client and revokes the one it had (also after a revocation). Tenant admins only. */
  rotatePartnerKey: RotatePartnerKeyPayload;
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
export type MutationCreatePartnerClientArgs = {
  input: CreatePartnerClientInput;
};


/** Entry points for changes. Every subgraph adds its own; each acts in the caller's tenant only (see each field for the roles it needs). */
export type MutationRegisterPersistedDocumentsArgs = {
  clientId: Scalars['ID']['input'];
  manifest: Scalars['JSON']['input'];
};


/** Entry points for changes. Every subgraph adds its own; each acts in the caller's tenant only (see each field for the roles it needs). */
export type MutationRevokePartnerKeyArgs = {
  clientId: Scalars['ID']['input'];
};


/** Entry points for changes. Every subgraph adds its own; each acts in the caller's tenant only (see each field for the roles it needs). */
export type MutationRotatePartnerKeyArgs = {
  clientId: Scalars['ID']['input'];
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

/** What the gateway needs to serve a partner's call: the client, its tenant and the documents it may run. */
export type PartnerAccess = {
  __typename?: 'PartnerAccess';
  /** The partner client. */
  clientId: Scalars['ID']['output'];
  /** Its display name (becomes clientName in the claims). */
  clientName: Scalars['String']['output'];
  /** Ids of every document registered for the client. */
  documentIds: Array<Scalars['String']['output']>;
  /** The tenant the client belongs to. */
  tenantId: Scalars['ID']['output'];
};

/** An application of a partner that calls the platform with an API key and may run only the documents registered for it. */
export type PartnerClient = {
  __typename?: 'PartnerClient';
  /** When the client was created. */
  createdAt: Scalars['DateTime']['output'];
  /** The documents the client may run, newest first. */
  documents: PersistedDocumentConnection;
  /** Stable identifier (UUID) of the client. */
  id: Scalars['ID']['output'];
  /** The first characters of the active key (to recognise it), or null when there is none. */
  keyPrefix: Maybe<Scalars['String']['output']>;
  /** Display name. */
  name: Scalars['String']['output'];
  /** When its key was revoked with no replacement since; null while it holds an active key. */
  revokedAt: Maybe<Scalars['DateTime']['output']>;
};


/** An application of a partner that calls the platform with an API key and may run only the documents registered for it. */
export type PartnerClientDocumentsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** An operation registered for a partner client. */
export type PersistedDocument = {
  __typename?: 'PersistedDocument';
  /** The document's text. */
  body: Scalars['String']['output'];
  /** When it was registered. */
  createdAt: Scalars['DateTime']['output'];
  /** The document's id as registered: the SHA-256 of its body. */
  id: Scalars['String']['output'];
  /** Name of the operation, if it has one. */
  operationName: Maybe<Scalars['String']['output']>;
  /** Kind of operation: query, mutation or subscription. */
  operationType: Scalars['String']['output'];
};

/** A page of persisted documents. */
export type PersistedDocumentConnection = {
  __typename?: 'PersistedDocumentConnection';
  /** The documents of this page with their cursors. */
  edges: Array<PersistedDocumentEdge>;
  /** Where this page sits in the whole list. */
  pageInfo: PageInfo;
};

/** A persisted document and its cursor. */
export type PersistedDocumentEdge = {
  __typename?: 'PersistedDocumentEdge';
  /** Opaque cursor to pass as `after` for the next page. */
  cursor: Scalars['String']['output'];
  /** The document. */
  node: PersistedDocument;
};

/** Entry points for reading. Every subgraph adds its own; each answers for the caller's tenant only. */
export type Query = {
  __typename?: 'Query';
  /** One integration of the caller's tenant, or null. */
  integration: Maybe<Integration>;
  /** The partner client holding an active key with this hash, across tenants, or null (unknown or revoked). For the gateway's internal identity only (scope internal:partner-lookup); never in the public API. */
  partnerAccess: Maybe<PartnerAccess>;
  /** The body of a document registered for a partner client, or null. For the gateway's internal identity only (scope internal:partner-lookup); never in the public API. */
  partnerDocument: Maybe<Scalars['String']['output']>;
};


/** Entry points for reading. Every subgraph adds its own; each answers for the caller's tenant only. */
export type QueryIntegrationArgs = {
  id: Scalars['ID']['input'];
};


/** Entry points for reading. Every subgraph adds its own; each answers for the caller's tenant only. */
export type QueryPartnerAccessArgs = {
  keyHash: Scalars['String']['input'];
};


/** Entry points for reading. Every subgraph adds its own; each answers for the caller's tenant only. */
export type QueryPartnerDocumentArgs = {
  clientId: Scalars['ID']['input'];
  documentId: Scalars['String']['input'];
};

/** The outcome of registering a manifest. */
export type RegisterPersistedDocumentsPayload = {
  __typename?: 'RegisterPersistedDocumentsPayload';
  /** Ids of every document of the manifest, now registered for the client (including ones registered before). */
  documentIds: Array<Scalars['String']['output']>;
};

/** The client and its new API key. */
export type RotatePartnerKeyPayload = {
  __typename?: 'RotatePartnerKeyPayload';
  /** The new API key (ptk_...). Shown only here; the previous key no longer works. */
  apiKey: Scalars['String']['output'];
  /** The client. */
  client: PartnerClient;
};

/** A tenant, as seen by the integrations subgraph. */
export type Tenant = {
  __typename?: 'Tenant';
  /** Stable identifier (UUID) of the tenant. */
  id: Scalars['ID']['output'];
  /** External systems the tenant has connected, newest first. */
  integrations: Array<Integration>;
  /** Partner clients of the tenant (applications that call the platform with an API key), newest first. Tenant admins only; others get an empty list. */
  partnerClients: Array<PartnerClient>;
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
  PartnerClient: PartnerClient;
  Tenant: Tenant;
};

/** Mapping of federation reference types */
export type FederationReferenceTypes = {
  Integration:
    ( { __typename: 'Integration' }
    & GraphQLRecursivePick<FederationTypes['Integration'], {"id":true}> );
  PartnerClient:
    ( { __typename: 'PartnerClient' }
    & GraphQLRecursivePick<FederationTypes['PartnerClient'], {"id":true}> );
  Tenant:
    ( { __typename: 'Tenant' }
    & GraphQLRecursivePick<FederationTypes['Tenant'], {"id":true}> );
};



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  CreateIntegrationInput: CreateIntegrationInput;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  CreatePartnerClientInput: CreatePartnerClientInput;
  CreatePartnerClientPayload: ResolverTypeWrapper<PartnerClientWithKey>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  Integration: ResolverTypeWrapper<IntegrationEntity>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  IntegrationKind: IntegrationKind;
  IntegrationStatus: IntegrationStatus;
  JSON: ResolverTypeWrapper<Scalars['JSON']['output']>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  PartnerAccess: ResolverTypeWrapper<PartnerAccessView>;
  PartnerClient: ResolverTypeWrapper<PartnerClientEntity>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  PersistedDocument: ResolverTypeWrapper<PersistedDocumentEntity>;
  PersistedDocumentConnection: ResolverTypeWrapper<Omit<PersistedDocumentConnection, 'edges'> & { edges: Array<ResolversTypes['PersistedDocumentEdge']> }>;
  PersistedDocumentEdge: ResolverTypeWrapper<Omit<PersistedDocumentEdge, 'node'> & { node: ResolversTypes['PersistedDocument'] }>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  RegisterPersistedDocumentsPayload: ResolverTypeWrapper<RegisterPersistedDocumentsPayload>;
  RotatePartnerKeyPayload: ResolverTypeWrapper<PartnerClientWithKey>;
  Tenant: ResolverTypeWrapper<TenantRef>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  CreateIntegrationInput: CreateIntegrationInput;
  String: Scalars['String']['output'];
  CreatePartnerClientInput: CreatePartnerClientInput;
  CreatePartnerClientPayload: PartnerClientWithKey;
  DateTime: Scalars['DateTime']['output'];
  Integration: IntegrationEntity;
  ID: Scalars['ID']['output'];
  JSON: Scalars['JSON']['output'];
  Mutation: Record<PropertyKey, never>;
  PageInfo: PageInfo;
  Boolean: Scalars['Boolean']['output'];
  PartnerAccess: PartnerAccessView;
  PartnerClient: PartnerClientEntity;
  Int: Scalars['Int']['output'];
  PersistedDocument: PersistedDocumentEntity;
  PersistedDocumentConnection: Omit<PersistedDocumentConnection, 'edges'> & { edges: Array<ResolversParentTypes['PersistedDocumentEdge']> };
  PersistedDocumentEdge: Omit<PersistedDocumentEdge, 'node'> & { node: ResolversParentTypes['PersistedDocument'] };
  Query: Record<PropertyKey, never>;
  RegisterPersistedDocumentsPayload: RegisterPersistedDocumentsPayload;
  RotatePartnerKeyPayload: PartnerClientWithKey;
  Tenant: TenantRef;
};

export type CreatePartnerClientPayloadResolvers<ContextType = IntegrationsContext, ParentType extends ResolversParentTypes['CreatePartnerClientPayload'] = ResolversParentTypes['CreatePartnerClientPayload']> = {
  apiKey?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  client?: Resolver<ResolversTypes['PartnerClient'], ParentType, ContextType>;
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
  createPartnerClient?: Resolver<ResolversTypes['CreatePartnerClientPayload'], ParentType, ContextType, RequireFields<MutationCreatePartnerClientArgs, 'input'>>;
  registerPersistedDocuments?: Resolver<ResolversTypes['RegisterPersistedDocumentsPayload'], ParentType, ContextType, RequireFields<MutationRegisterPersistedDocumentsArgs, 'clientId' | 'manifest'>>;
  revokePartnerKey?: Resolver<ResolversTypes['PartnerClient'], ParentType, ContextType, RequireFields<MutationRevokePartnerKeyArgs, 'clientId'>>;
  rotatePartnerKey?: Resolver<ResolversTypes['RotatePartnerKeyPayload'], ParentType, ContextType, RequireFields<MutationRotatePartnerKeyArgs, 'clientId'>>;
  setIntegrationCredentials?: Resolver<ResolversTypes['Integration'], ParentType, ContextType, RequireFields<MutationSetIntegrationCredentialsArgs, 'credentials' | 'id'>>;
  setIntegrationStatus?: Resolver<ResolversTypes['Integration'], ParentType, ContextType, RequireFields<MutationSetIntegrationStatusArgs, 'id' | 'status'>>;
};

export type PageInfoResolvers<ContextType = IntegrationsContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = {
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  hasPreviousPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  startCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type PartnerAccessResolvers<ContextType = IntegrationsContext, ParentType extends ResolversParentTypes['PartnerAccess'] = ResolversParentTypes['PartnerAccess']> = {
  clientId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  clientName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  documentIds?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  tenantId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type PartnerClientResolvers<ContextType = IntegrationsContext, ParentType extends ResolversParentTypes['PartnerClient'] = ResolversParentTypes['PartnerClient'], FederationReferenceType extends FederationReferenceTypes['PartnerClient'] = FederationReferenceTypes['PartnerClient']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['PartnerClient']> | FederationReferenceType, FederationReferenceType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  documents?: Resolver<ResolversTypes['PersistedDocumentConnection'], ParentType, ContextType, Partial<PartnerClientDocumentsArgs>>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  keyPrefix?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  revokedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
};

export type PersistedDocumentResolvers<ContextType = IntegrationsContext, ParentType extends ResolversParentTypes['PersistedDocument'] = ResolversParentTypes['PersistedDocument']> = {
  body?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  operationName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  operationType?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type PersistedDocumentConnectionResolvers<ContextType = IntegrationsContext, ParentType extends ResolversParentTypes['PersistedDocumentConnection'] = ResolversParentTypes['PersistedDocumentConnection']> = {
  edges?: Resolver<Array<ResolversTypes['PersistedDocumentEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type PersistedDocumentEdgeResolvers<ContextType = IntegrationsContext, ParentType extends ResolversParentTypes['PersistedDocumentEdge'] = ResolversParentTypes['PersistedDocumentEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['PersistedDocument'], ParentType, ContextType>;
};

export type QueryResolvers<ContextType = IntegrationsContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  integration?: Resolver<Maybe<ResolversTypes['Integration']>, ParentType, ContextType, RequireFields<QueryIntegrationArgs, 'id'>>;
  partnerAccess?: Resolver<Maybe<ResolversTypes['PartnerAccess']>, ParentType, ContextType, RequireFields<QueryPartnerAccessArgs, 'keyHash'>>;
  partnerDocument?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType, RequireFields<QueryPartnerDocumentArgs, 'clientId' | 'documentId'>>;
};

export type RegisterPersistedDocumentsPayloadResolvers<ContextType = IntegrationsContext, ParentType extends ResolversParentTypes['RegisterPersistedDocumentsPayload'] = ResolversParentTypes['RegisterPersistedDocumentsPayload']> = {
  documentIds?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
};

export type RotatePartnerKeyPayloadResolvers<ContextType = IntegrationsContext, ParentType extends ResolversParentTypes['RotatePartnerKeyPayload'] = ResolversParentTypes['RotatePartnerKeyPayload']> = {
  apiKey?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  client?: Resolver<ResolversTypes['PartnerClient'], ParentType, ContextType>;
};

export type TenantResolvers<ContextType = IntegrationsContext, ParentType extends ResolversParentTypes['Tenant'] = ResolversParentTypes['Tenant'], FederationReferenceType extends FederationReferenceTypes['Tenant'] = FederationReferenceTypes['Tenant']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Tenant']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  integrations?: Resolver<Array<ResolversTypes['Integration']>, ParentType, ContextType>;
  partnerClients?: Resolver<Array<ResolversTypes['PartnerClient']>, ParentType, ContextType>;
};

export type Resolvers<ContextType = IntegrationsContext> = {
  CreatePartnerClientPayload?: CreatePartnerClientPayloadResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  Integration?: IntegrationResolvers<ContextType>;
  JSON?: GraphQLScalarType;
  Mutation?: MutationResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  PartnerAccess?: PartnerAccessResolvers<ContextType>;
  PartnerClient?: PartnerClientResolvers<ContextType>;
  PersistedDocument?: PersistedDocumentResolvers<ContextType>;
  PersistedDocumentConnection?: PersistedDocumentConnectionResolvers<ContextType>;
  PersistedDocumentEdge?: PersistedDocumentEdgeResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  RegisterPersistedDocumentsPayload?: RegisterPersistedDocumentsPayloadResolvers<ContextType>;
  RotatePartnerKeyPayload?: RotatePartnerKeyPayloadResolvers<ContextType>;
  Tenant?: TenantResolvers<ContextType>;
};

