import type { GraphQLResolveInfo } from 'graphql';
import type { TenantRef } from '../mappers.ts';
import type { AnalyticsContext } from '../context.ts';
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
  _FieldSet: { input: unknown; output: unknown; }
};

/** A tenant, as seen by the analytics subgraph. */
export type Tenant = {
  __typename?: 'Tenant';
  /** Stable identifier (UUID) of the tenant. */
  id: Scalars['ID']['output'];
  /** Usage of the tenant, built from the events the platform publishes. */
  usage: Usage;
};


/** A tenant, as seen by the analytics subgraph. */
export type TenantUsageArgs = {
  days?: Scalars['Int']['input'];
};

/** Usage of a tenant: totals since it was created and a daily breakdown. */
export type Usage = {
  __typename?: 'Usage';
  /** Model completions finished, all time. */
  completionsTotal: Scalars['Int']['output'];
  /** Cost of completions, all time, in US dollars. */
  costUsd: Scalars['Float']['output'];
  /** Counts per day (UTC) for the requested window, oldest first; days without activity are included with zeros. */
  daily: Array<UsageDay>;
  /** Chat messages posted, all time. */
  messagesTotal: Scalars['Int']['output'];
  /** Simulation runs completed, all time. */
  simulationsTotal: Scalars['Int']['output'];
  /** Tokens counted on messages and completions, all time. A whole number, typed Float because totals outgrow 32-bit Int. */
  tokensTotal: Scalars['Float']['output'];
};

/** Usage of one UTC day. */
export type UsageDay = {
  __typename?: 'UsageDay';
  /** Model completions finished that day. */
  completions: Scalars['Int']['output'];
  /** Cost of that day's completions, in US dollars. */
  costUsd: Scalars['Float']['output'];
  /** The day, as YYYY-MM-DD. */
  date: Scalars['String']['output'];
  /** Chat messages posted that day. */
  messages: Scalars['Int']['output'];
  /** Simulation runs completed that day. */
  simulations: Scalars['Int']['output'];
  /** Tokens counted that day. A whole number, typed Float because a busy tenant's day can outgrow 32-bit Int. */
  tokens: Scalars['Float']['output'];
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
};

/** Mapping of federation reference types */
export type FederationReferenceTypes = {
  Tenant:
    ( { __typename: 'Tenant' }
    & GraphQLRecursivePick<FederationTypes['Tenant'], {"id":true}> );
};



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  Tenant: ResolverTypeWrapper<TenantRef>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  Usage: ResolverTypeWrapper<Usage>;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  UsageDay: ResolverTypeWrapper<UsageDay>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  Tenant: TenantRef;
  ID: Scalars['ID']['output'];
  Int: Scalars['Int']['output'];
  Usage: Usage;
  Float: Scalars['Float']['output'];
  UsageDay: UsageDay;
  String: Scalars['String']['output'];
  Boolean: Scalars['Boolean']['output'];
};

export type TenantResolvers<ContextType = AnalyticsContext, ParentType extends ResolversParentTypes['Tenant'] = ResolversParentTypes['Tenant'], FederationReferenceType extends FederationReferenceTypes['Tenant'] = FederationReferenceTypes['Tenant']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Tenant']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  usage?: Resolver<ResolversTypes['Usage'], ParentType, ContextType, RequireFields<TenantUsageArgs, 'days'>>;
};

export type UsageResolvers<ContextType = AnalyticsContext, ParentType extends ResolversParentTypes['Usage'] = ResolversParentTypes['Usage']> = {
  completionsTotal?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  costUsd?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  daily?: Resolver<Array<ResolversTypes['UsageDay']>, ParentType, ContextType>;
  messagesTotal?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  simulationsTotal?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  tokensTotal?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
};

export type UsageDayResolvers<ContextType = AnalyticsContext, ParentType extends ResolversParentTypes['UsageDay'] = ResolversParentTypes['UsageDay']> = {
  completions?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  costUsd?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  date?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  messages?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  simulations?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  tokens?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
};

export type Resolvers<ContextType = AnalyticsContext> = {
  Tenant?: TenantResolvers<ContextType>;
  Usage?: UsageResolvers<ContextType>;
  UsageDay?: UsageDayResolvers<ContextType>;
};

