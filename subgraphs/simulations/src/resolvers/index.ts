import { DateTimeScalar } from '../../../kit/src/scalars.ts';
import type { Resolvers } from '../generated/resolvers.ts';
import { Distribution } from './Distribution.ts';
import { Mutation } from './Mutation.ts';
import { Query } from './Query.ts';
import { Simulation } from './Simulation.ts';
import { SimulationProgress } from './SimulationProgress.ts';
import { Subscription } from './Subscription.ts';
import { Tenant } from './Tenant.ts';

export const resolvers: Resolvers = { DateTime: DateTimeScalar, Query, Mutation, Subscription, Tenant, Simulation, SimulationProgress, Distribution };
