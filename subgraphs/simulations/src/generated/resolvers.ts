import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { TenantRef, SimulationEntity, SimulationConnectionData, SimulationVariableData, SimulationResultData, SimulationProgressData, UniformDistributionData, NormalDistributionData, TriangularDistributionData, LognormalDistributionData } from '../mappers.ts';
import type { SimulationsContext } from '../context.ts';
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

/** A probability distribution of an input variable. */
export type Distribution = LognormalDistribution | NormalDistribution | TriangularDistribution | UniformDistribution;

/** Exactly one distribution. */
export type DistributionInput =
  /** Lognormal with the mean and standard deviation of the logarithm. */
  { lognormal: LognormalInput; normal?: never; triangular?: never; uniform?: never; }
  |  /** Normal with a mean and standard deviation. */
  { lognormal?: never; normal: NormalInput; triangular?: never; uniform?: never; }
  |  /** Triangular with min, mode and max. */
  { lognormal?: never; normal?: never; triangular: TriangularInput; uniform?: never; }
  |  /** Uniform between min and max. */
  { lognormal?: never; normal?: never; triangular?: never; uniform: UniformInput; };

/** One bar of a histogram: the outputs in [lower, upper). */
export type HistogramBin = {
  __typename?: 'HistogramBin';
  /** Number of outputs in the bin. */
  count: Scalars['Int']['output'];
  /** Lower edge (inclusive). */
  lower: Scalars['Float']['output'];
  /** Upper edge (exclusive, inclusive for the last bin). */
  upper: Scalars['Float']['output'];
};

/** A variable whose logarithm is normal with mean mu and standard deviation sigma. */
export type LognormalDistribution = {
  __typename?: 'LognormalDistribution';
  /** Mean of the logarithm. */
  mu: Scalars['Float']['output'];
  /** Standard deviation of the logarithm (positive). */
  sigma: Scalars['Float']['output'];
};

/** Parameters of a lognormal distribution (sigma > 0). */
export type LognormalInput = {
  /** Mean of the logarithm. */
  mu: Scalars['Float']['input'];
  /** Standard deviation of the logarithm. */
  sigma: Scalars['Float']['input'];
};

/** Entry points for changes. Every subgraph adds its own; each acts in the caller's tenant only (see each field for the roles it needs). */
export type Mutation = {
  __typename?: 'Mutation';
  /** Stops a queued or running run of the caller's tenant. */
  cancelSimulation: Simulation;
  /** Queues a run for the caller's tenant and returns at once; a worker runs it off the request path. */
  startSimulation: Simulation;
};


/** Entry points for changes. Every subgraph adds its own; each acts in the caller's tenant only (see each field for the roles it needs). */
export type MutationCancelSimulationArgs = {
  id: Scalars['ID']['input'];
};


/** Entry points for changes. Every subgraph adds its own; each acts in the caller's tenant only (see each field for the roles it needs). */
export type MutationStartSimulationArgs = {
  input: StartSimulationInput;
};

/** The bell curve. */
export type NormalDistribution = {
  __typename?: 'NormalDistribution';
  /** Mean. */
  mean: Scalars['Float']['output'];
  /** Standard deviation (positive). */
  stdDev: Scalars['Float']['output'];
};

/** Parameters of a normal distribution (stdDev > 0). */
export type NormalInput = {
  /** Mean. */
  mean: Scalars['Float']['input'];
  /** Standard deviation. */
  stdDev: Scalars['Float']['input'];
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
  /** One run of the caller's tenant, or null. */
  simulation: Maybe<Simulation>;
};


/** Entry points for reading. Every subgraph adds its own; each answers for the caller's tenant only. */
export type QuerySimulationArgs = {
  id: Scalars['ID']['input'];
};

/** Statistics of the finite outputs sampled so far (both 0 while there are none). */
export type RunningStatistics = {
  __typename?: 'RunningStatistics';
  /** Mean so far. */
  mean: Scalars['Float']['output'];
  /** Standard deviation so far. */
  stdDev: Scalars['Float']['output'];
};

/** One Monte Carlo run: named random variables, an output expression, and the distribution of the output. */
export type Simulation = {
  __typename?: 'Simulation';
  /** Iterations done so far. */
  completedIterations: Scalars['Int']['output'];
  /** When the run was requested. */
  createdAt: Scalars['DateTime']['output'];
  /** Why the run failed, if it did. */
  error: Maybe<Scalars['String']['output']>;
  /** The output expression over the variables. */
  expression: Scalars['String']['output'];
  /** When the run completed, failed or was cancelled. */
  finishedAt: Maybe<Scalars['DateTime']['output']>;
  /** Stable identifier (UUID) of the run. */
  id: Scalars['ID']['output'];
  /** Number of iterations requested. */
  iterations: Scalars['Int']['output'];
  /** Display name of the model being simulated. */
  name: Scalars['String']['output'];
  /** The distribution of the output, once the run has completed. */
  result: Maybe<SimulationResult>;
  /** Seed of the random number generator: the same seed and inputs give the same result. */
  seed: Scalars['Int']['output'];
  /** When a worker started the run. */
  startedAt: Maybe<Scalars['DateTime']['output']>;
  /** Where the run is in its life. */
  status: SimulationStatus;
  /** The tenant the run belongs to. */
  tenant: Tenant;
  /** The input variables and their distributions. */
  variables: Array<SimulationVariable>;
};

/** A page of simulation runs. */
export type SimulationConnection = {
  __typename?: 'SimulationConnection';
  /** The runs of this page with their cursors. */
  edges: Array<SimulationEdge>;
  /** Where this page sits in the whole list. */
  pageInfo: PageInfo;
  /** Number of runs of the tenant. */
  totalCount: Scalars['Int']['output'];
};

/** A run and its cursor. */
export type SimulationEdge = {
  __typename?: 'SimulationEdge';
  /** Opaque cursor to pass as `after` for the next page. */
  cursor: Scalars['String']['output'];
  /** The run. */
  node: Simulation;
};

/** Where a run is: one event of `simulationProgress`. */
export type SimulationProgress = {
  __typename?: 'SimulationProgress';
  /** Iterations done so far. */
  completedIterations: Scalars['Int']['output'];
  /** completedIterations / totalIterations * 100. */
  percent: Scalars['Float']['output'];
  /** The distribution of the output, in the final event of a completed run. */
  result: Maybe<SimulationResult>;
  /** Mean and standard deviation of the outputs so far, while the run is sampling (null before and after). */
  running: Maybe<RunningStatistics>;
  /** The run, as of this event (its `status` says whether this is the final event). */
  simulation: Simulation;
  /** Iterations requested. */
  totalIterations: Scalars['Int']['output'];
};

/** The distribution of the output of a completed run. */
export type SimulationResult = {
  __typename?: 'SimulationResult';
  /** Equal-width histogram of the output between min and max. */
  histogram: Array<HistogramBin>;
  /** Largest output. */
  max: Scalars['Float']['output'];
  /** Mean of the output. */
  mean: Scalars['Float']['output'];
  /** Smallest output. */
  min: Scalars['Float']['output'];
  /** Iterations whose output was not a finite number (for example log of a negative), left out of the statistics. */
  nonFinite: Scalars['Int']['output'];
  /** 5th percentile. */
  p5: Scalars['Float']['output'];
  /** 10th percentile. */
  p10: Scalars['Float']['output'];
  /** 25th percentile. */
  p25: Scalars['Float']['output'];
  /** Median. */
  p50: Scalars['Float']['output'];
  /** 75th percentile. */
  p75: Scalars['Float']['output'];
  /** 90th percentile. */
  p90: Scalars['Float']['output'];
  /** 95th percentile. */
  p95: Scalars['Float']['output'];
  /** Iterations whose output was a finite number (the rest are counted in `nonFinite`). */
  samples: Scalars['Int']['output'];
  /** Standard deviation of the output. */
  stdDev: Scalars['Float']['output'];
};

/** Life of a simulation run. */
export type SimulationStatus =
  /** Stopped on request. */
  | 'CANCELLED'
  /** Finished; the result is available. */
  | 'COMPLETED'
  /** Stopped by an error (see `error`). */
  | 'FAILED'
  /** Accepted, waiting for a worker. */
  | 'QUEUED'
  /** A worker is sampling. */
  | 'RUNNING';

/** A named input variable of a simulation. */
export type SimulationVariable = {
  __typename?: 'SimulationVariable';
  /** The distribution its values are drawn from. */
  distribution: Distribution;
  /** The name used in the expression. */
  name: Scalars['String']['output'];
};

/**
 * A named variable and its distribution. Give exactly one of the distribution fields; the
 * distribution alone is also accepted as a @oneOf `distribution` input.
 */
export type SimulationVariableInput = {
  /** The distribution as one @oneOf input (an alternative to the fields above). */
  distribution?: InputMaybe<DistributionInput>;
  /** Draw from a lognormal distribution. */
  lognormal?: InputMaybe<LognormalInput>;
  /** The name used in the expression: a letter or underscore, then letters, digits or underscores. */
  name: Scalars['String']['input'];
  /** Draw from a normal distribution. */
  normal?: InputMaybe<NormalInput>;
  /** Draw from a triangular distribution. */
  triangular?: InputMaybe<TriangularInput>;
  /** Draw from a uniform distribution. */
  uniform?: InputMaybe<UniformInput>;
};

/** A Monte Carlo run to start. */
export type StartSimulationInput = {
  /**
   * The output over the variables: numbers, variable names, + - * / ^, parentheses and
   * min, max, exp, log, sqrt, abs. At most 2,000 characters.
   */
  expression: Scalars['String']['input'];
  /** Iterations, 1 to the tenant's plan limit (at most 10,000,000). */
  iterations: Scalars['Int']['input'];
  /** Display name, 1 to 200 characters. */
  name: Scalars['String']['input'];
  /** Seed of the random number generator (a 32-bit integer); random when omitted. */
  seed?: InputMaybe<Scalars['Int']['input']>;
  /** 1 to 50 named variables, each with exactly one distribution. */
  variables: Array<SimulationVariableInput>;
};

/** Entry points for live streams. Every subgraph adds its own; each streams the caller's tenant only. */
export type Subscription = {
  __typename?: 'Subscription';
  /**
   * Progress of one run of the caller's tenant: first where it is now (a late joiner catches up at
   * once), then about every 100 ms while it runs, then one final event with the result; the stream
   * completes after that final event (at once for a run that has already finished). An unknown id,
   * or another tenant's, is NOT_FOUND.
   */
  simulationProgress: SimulationProgress;
};


/** Entry points for live streams. Every subgraph adds its own; each streams the caller's tenant only. */
export type SubscriptionSimulationProgressArgs = {
  id: Scalars['ID']['input'];
};

/** A tenant, as seen by the simulations subgraph. */
export type Tenant = {
  __typename?: 'Tenant';
  /** Stable identifier (UUID) of the tenant. */
  id: Scalars['ID']['output'];
  /** The tenant's simulation runs, newest first. */
  simulations: SimulationConnection;
};


/** A tenant, as seen by the simulations subgraph. */
export type TenantSimulationsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** A distribution rising linearly from min to mode and falling to max. */
export type TriangularDistribution = {
  __typename?: 'TriangularDistribution';
  /** Upper bound. */
  max: Scalars['Float']['output'];
  /** Lower bound. */
  min: Scalars['Float']['output'];
  /** Most likely value. */
  mode: Scalars['Float']['output'];
};

/** Parameters of a triangular distribution (min <= mode <= max, min < max). */
export type TriangularInput = {
  /** Upper bound. */
  max: Scalars['Float']['input'];
  /** Lower bound. */
  min: Scalars['Float']['input'];
  /** Most likely value. */
  mode: Scalars['Float']['input'];
};

/** Every value between min and max equally likely. */
export type UniformDistribution = {
  __typename?: 'UniformDistribution';
  /** Upper bound. */
  max: Scalars['Float']['output'];
  /** Lower bound. */
  min: Scalars['Float']['output'];
};

/** Parameters of a uniform distribution (min < max). */
export type UniformInput = {
  /** Upper bound. */
  max: Scalars['Float']['input'];
  /** Lower bound. */
  min: Scalars['Float']['input'];
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
  Simulation: Simulation;
  Tenant: Tenant;
};

/** Mapping of federation reference types */
export type FederationReferenceTypes = {
  Simulation:
    ( { __typename: 'Simulation' }
    & GraphQLRecursivePick<FederationTypes['Simulation'], {"id":true}> );
  Tenant:
    ( { __typename: 'Tenant' }
    & GraphQLRecursivePick<FederationTypes['Tenant'], {"id":true}> );
};

/** Mapping of union types */
export type ResolversUnionTypes<_RefType extends Record<string, unknown>> = {
  Distribution:
    | ( LognormalDistributionData )
    | ( NormalDistributionData )
    | ( TriangularDistributionData )
    | ( UniformDistributionData )
  ;
};


/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  Distribution: ResolverTypeWrapper<ResolversUnionTypes<ResolversTypes>['Distribution']>;
  DistributionInput: DistributionInput;
  HistogramBin: ResolverTypeWrapper<HistogramBin>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  LognormalDistribution: ResolverTypeWrapper<LognormalDistributionData>;
  LognormalInput: LognormalInput;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  NormalDistribution: ResolverTypeWrapper<NormalDistributionData>;
  NormalInput: NormalInput;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  RunningStatistics: ResolverTypeWrapper<RunningStatistics>;
  Simulation: ResolverTypeWrapper<SimulationEntity>;
  SimulationConnection: ResolverTypeWrapper<SimulationConnectionData>;
  SimulationEdge: ResolverTypeWrapper<Omit<SimulationEdge, 'node'> & { node: ResolversTypes['Simulation'] }>;
  SimulationProgress: ResolverTypeWrapper<SimulationProgressData>;
  SimulationResult: ResolverTypeWrapper<SimulationResultData>;
  SimulationStatus: SimulationStatus;
  SimulationVariable: ResolverTypeWrapper<SimulationVariableData>;
  SimulationVariableInput: SimulationVariableInput;
  StartSimulationInput: StartSimulationInput;
  Subscription: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Tenant: ResolverTypeWrapper<TenantRef>;
  TriangularDistribution: ResolverTypeWrapper<TriangularDistributionData>;
  TriangularInput: TriangularInput;
  UniformDistribution: ResolverTypeWrapper<UniformDistributionData>;
  UniformInput: UniformInput;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  DateTime: Scalars['DateTime']['output'];
  Distribution: ResolversUnionTypes<ResolversParentTypes>['Distribution'];
  DistributionInput: DistributionInput;
  HistogramBin: HistogramBin;
  Int: Scalars['Int']['output'];
  Float: Scalars['Float']['output'];
  LognormalDistribution: LognormalDistributionData;
  LognormalInput: LognormalInput;
  Mutation: Record<PropertyKey, never>;
  ID: Scalars['ID']['output'];
  NormalDistribution: NormalDistributionData;
  NormalInput: NormalInput;
  PageInfo: PageInfo;
  String: Scalars['String']['output'];
  Boolean: Scalars['Boolean']['output'];
  Query: Record<PropertyKey, never>;
  RunningStatistics: RunningStatistics;
  Simulation: SimulationEntity;
  SimulationConnection: SimulationConnectionData;
  SimulationEdge: Omit<SimulationEdge, 'node'> & { node: ResolversParentTypes['Simulation'] };
  SimulationProgress: SimulationProgressData;
  SimulationResult: SimulationResultData;
  SimulationVariable: SimulationVariableData;
  SimulationVariableInput: SimulationVariableInput;
  StartSimulationInput: StartSimulationInput;
  Subscription: Record<PropertyKey, never>;
  Tenant: TenantRef;
  TriangularDistribution: TriangularDistributionData;
  TriangularInput: TriangularInput;
  UniformDistribution: UniformDistributionData;
  UniformInput: UniformInput;
};

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type DistributionResolvers<ContextType = SimulationsContext, ParentType extends ResolversParentTypes['Distribution'] = ResolversParentTypes['Distribution']> = {
  __resolveType: TypeResolveFn<'LognormalDistribution' | 'NormalDistribution' | 'TriangularDistribution' | 'UniformDistribution', ParentType, ContextType>;
};

export type HistogramBinResolvers<ContextType = SimulationsContext, ParentType extends ResolversParentTypes['HistogramBin'] = ResolversParentTypes['HistogramBin']> = {
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  lower?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  upper?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
};

export type LognormalDistributionResolvers<ContextType = SimulationsContext, ParentType extends ResolversParentTypes['LognormalDistribution'] = ResolversParentTypes['LognormalDistribution']> = {
  mu?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  sigma?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type MutationResolvers<ContextType = SimulationsContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  cancelSimulation?: Resolver<ResolversTypes['Simulation'], ParentType, ContextType, RequireFields<MutationCancelSimulationArgs, 'id'>>;
  startSimulation?: Resolver<ResolversTypes['Simulation'], ParentType, ContextType, RequireFields<MutationStartSimulationArgs, 'input'>>;
};

export type NormalDistributionResolvers<ContextType = SimulationsContext, ParentType extends ResolversParentTypes['NormalDistribution'] = ResolversParentTypes['NormalDistribution']> = {
  mean?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  stdDev?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type PageInfoResolvers<ContextType = SimulationsContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = {
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  hasPreviousPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  startCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type QueryResolvers<ContextType = SimulationsContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  simulation?: Resolver<Maybe<ResolversTypes['Simulation']>, ParentType, ContextType, RequireFields<QuerySimulationArgs, 'id'>>;
};

export type RunningStatisticsResolvers<ContextType = SimulationsContext, ParentType extends ResolversParentTypes['RunningStatistics'] = ResolversParentTypes['RunningStatistics']> = {
  mean?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  stdDev?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
};

export type SimulationResolvers<ContextType = SimulationsContext, ParentType extends ResolversParentTypes['Simulation'] = ResolversParentTypes['Simulation'], FederationReferenceType extends FederationReferenceTypes['Simulation'] = FederationReferenceTypes['Simulation']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Simulation']> | FederationReferenceType, FederationReferenceType, ContextType>;
  completedIterations?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  error?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  expression?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  finishedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  iterations?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  result?: Resolver<Maybe<ResolversTypes['SimulationResult']>, ParentType, ContextType>;
  seed?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  startedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['SimulationStatus'], ParentType, ContextType>;
  tenant?: Resolver<ResolversTypes['Tenant'], ParentType, ContextType>;
  variables?: Resolver<Array<ResolversTypes['SimulationVariable']>, ParentType, ContextType>;
};

export type SimulationConnectionResolvers<ContextType = SimulationsContext, ParentType extends ResolversParentTypes['SimulationConnection'] = ResolversParentTypes['SimulationConnection']> = {
  edges?: Resolver<Array<ResolversTypes['SimulationEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type SimulationEdgeResolvers<ContextType = SimulationsContext, ParentType extends ResolversParentTypes['SimulationEdge'] = ResolversParentTypes['SimulationEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Simulation'], ParentType, ContextType>;
};

export type SimulationProgressResolvers<ContextType = SimulationsContext, ParentType extends ResolversParentTypes['SimulationProgress'] = ResolversParentTypes['SimulationProgress']> = {
  completedIterations?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  percent?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  result?: Resolver<Maybe<ResolversTypes['SimulationResult']>, ParentType, ContextType>;
  running?: Resolver<Maybe<ResolversTypes['RunningStatistics']>, ParentType, ContextType>;
  simulation?: Resolver<ResolversTypes['Simulation'], ParentType, ContextType>;
  totalIterations?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type SimulationResultResolvers<ContextType = SimulationsContext, ParentType extends ResolversParentTypes['SimulationResult'] = ResolversParentTypes['SimulationResult']> = {
  histogram?: Resolver<Array<ResolversTypes['HistogramBin']>, ParentType, ContextType>;
  max?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  mean?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  min?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  nonFinite?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  p5?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  p10?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  p25?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  p50?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  p75?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  p90?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  p95?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  samples?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  stdDev?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
};

export type SimulationVariableResolvers<ContextType = SimulationsContext, ParentType extends ResolversParentTypes['SimulationVariable'] = ResolversParentTypes['SimulationVariable']> = {
  distribution?: Resolver<ResolversTypes['Distribution'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type SubscriptionResolvers<ContextType = SimulationsContext, ParentType extends ResolversParentTypes['Subscription'] = ResolversParentTypes['Subscription']> = {
  simulationProgress?: SubscriptionResolver<ResolversTypes['SimulationProgress'], "simulationProgress", ParentType, ContextType, RequireFields<SubscriptionSimulationProgressArgs, 'id'>>;
};

export type TenantResolvers<ContextType = SimulationsContext, ParentType extends ResolversParentTypes['Tenant'] = ResolversParentTypes['Tenant'], FederationReferenceType extends FederationReferenceTypes['Tenant'] = FederationReferenceTypes['Tenant']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Tenant']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  simulations?: Resolver<ResolversTypes['SimulationConnection'], ParentType, ContextType, RequireFields<TenantSimulationsArgs, 'first'>>;
};

export type TriangularDistributionResolvers<ContextType = SimulationsContext, ParentType extends ResolversParentTypes['TriangularDistribution'] = ResolversParentTypes['TriangularDistribution']> = {
  max?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  min?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  mode?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type UniformDistributionResolvers<ContextType = SimulationsContext, ParentType extends ResolversParentTypes['UniformDistribution'] = ResolversParentTypes['UniformDistribution']> = {
  max?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  min?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type Resolvers<ContextType = SimulationsContext> = {
  DateTime?: GraphQLScalarType;
  Distribution?: DistributionResolvers<ContextType>;
  HistogramBin?: HistogramBinResolvers<ContextType>;
  LognormalDistribution?: LognormalDistributionResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  NormalDistribution?: NormalDistributionResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  RunningStatistics?: RunningStatisticsResolvers<ContextType>;
  Simulation?: SimulationResolvers<ContextType>;
  SimulationConnection?: SimulationConnectionResolvers<ContextType>;
  SimulationEdge?: SimulationEdgeResolvers<ContextType>;
  SimulationProgress?: SimulationProgressResolvers<ContextType>;
  SimulationResult?: SimulationResultResolvers<ContextType>;
  SimulationVariable?: SimulationVariableResolvers<ContextType>;
  Subscription?: SubscriptionResolvers<ContextType>;
  Tenant?: TenantResolvers<ContextType>;
  TriangularDistribution?: TriangularDistributionResolvers<ContextType>;
  UniformDistribution?: UniformDistributionResolvers<ContextType>;
};

