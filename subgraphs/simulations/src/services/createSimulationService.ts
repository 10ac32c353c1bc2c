import { randomBytes } from 'node:crypto';
import type { TenantClaims } from '../../../kit/src/auth/claims.ts';
import { isReadOnly } from '../../../kit/src/auth/claims.ts';
import { badInput, conflict, ErrorCode, forbidden, notFound, PlatformError } from '../../../kit/src/errors.ts';
import { liveSubjects } from '../../../kit/src/live/LiveBus.ts';
import type { LiveBus } from '../../../kit/src/live/LiveBus.ts';
import type { Logger } from '../../../kit/src/log.ts';
import type { PgStore } from '../../../kit/src/store/createPgStore.ts';
import { compileExpression, ExpressionError } from '../engine/expression.ts';
import { validateSimulationSpec } from '../engine/validateSimulationSpec.ts';
import type { SimulationSpec } from '../engine/validateSimulationSpec.ts';
import { Simulation, unfinishedStatuses } from '../entities/Simulation.ts';
import type { SimulationEntity } from '../entities/Simulation.ts';
import type { StartSimulationInput } from '../generated/resolvers.ts';
import { createProgressStream } from '../live/createProgressStream.ts';
import type { TerminalProgressPayload } from '../live/progressPayloads.ts';
import type { SimulationProgressData } from '../live/progressState.ts';
import type { SimulationQueue } from '../runner/createSimulationRunner.ts';
import { isUuid } from '../../../kit/src/isUuid.ts';
import { MAX_UNFINISHED_RUNS_PER_TENANT } from './iterationLimits.ts';
import { toSimulationVariables } from './toSimulationVariables.ts';
import { dailyQuotaExceeded, quotaDay, quotaFor } from '../../../kit/src/auth/planQuotas.ts';

export interface SimulationServiceDeps {
  store: PgStore;
  queue: SimulationQueue;
  /** Progress streams: the runner publishes, `watch` subscribes. */
  live: LiveBus;
  log: Logger;
  claims: TenantClaims;
  /** A progress stream that hears nothing for this long reads the run again (default 5 s). */
  progressRecheckMs?: number;
  /** The clock of the daily quota's UTC day (tests hold it still). Default: the current time. */
  now?: () => Date;
}

/** Live payloads a progress subscriber may hold unread; the newest matter, so the oldest are dropped first. */
const PROGRESS_BUFFER = 32;

/** A seed for callers who gave none: any 32-bit integer (GraphQL's Int), stored so the run can be repeated. */
function randomSeed(): number {
  return randomBytes(4).readInt32BE(0);
}

/** Business rules of the simulations subgraph, bound to one caller. */
export function createSimulationService({ store, queue, live, log, claims, progressRecheckMs = 5_000, now: clock = () => new Date() }: SimulationServiceDeps) {
  const requireTenant = () => {
    if (!claims.tenantId) throw forbidden('This operation needs a tenant');
    if (isReadOnly(claims)) throw forbidden('Starting or cancelling a simulation needs the MEMBER or ADMIN role');
    return claims.tenantId;
  };

  /** Everything that can be wrong with the input, reported at once as BAD_USER_INPUT. */
  function toSpec(input: StartSimulationInput): { name: string; spec: SimulationSpec } {
    const name = input.name.trim();
    const problems: string[] = [];
    const details: Record<string, unknown> = {};
    if (name.length < 1 || name.length > 200) problems.push('`name` must be 1 to 200 characters');
    const { variables, problems: variableProblems } = toSimulationVariables(input.variables);
    for (const problem of variableProblems) problems.push(problem.message);
    if (variableProblems[0]) details.variable = variableProblems[0].variable;
    const spec: SimulationSpec = { variables, expression: input.expression, iterations: input.iterations, seed: input.seed ?? randomSeed() };
    const validation = validateSimulationSpec(spec);
    problems.push(...validation.problems);
    if (validation.problems.some((p) => p.startsWith('expression: '))) {
      details.position = expressionErrorPosition(spec);
    }
    if (problems.length > 0) {
      const message = problems.length === 1 ? problems[0]! : `${problems.length} problems: ${problems.join('; ')}`;
      throw badInput(message, { ...details, problems });
    }
    return { name, spec };
  }

  /** One run of the caller's tenant, read afresh (never from a loader's cache), or null. */
  async function readOwn(id: string): Promise<SimulationEntity | null> {
    const row = await store.run(claims, (em) => em.findOne(Simulation, { id }));
    // RLS and the tenant filter already hide other tenants' runs; stated here too.
    return row && row.tenantId === claims.tenantId ? row : null;
  }

  return {
    async start(input: StartSimulationInput): Promise<SimulationEntity> {
      const tenantId = requireTenant();
      const { name, spec } = toSpec(input);
      const quota = quotaFor(claims.plan);
      const limit = quota.maxSimulationIterations;
      if (spec.iterations > limit) {
        throw new PlatformError(ErrorCode.QUOTA_EXCEEDED, `The ${claims.plan ?? 'TRIAL'} plan allows at most ${limit} iterations per run`, {
          details: { limit, field: 'iterations' },
        });
      }
      const run = await store.run(claims, async (em) => {
        // The plan's daily allowance of new runs (a soft limit: concurrent starts may pass it by a few).
        const { since, resetsAt } = quotaDay(clock());
        const startedToday = await em.count(Simulation, { tenantId, createdAt: { $gte: since } });
        if (startedToday >= quota.simulationsPerDay) throw dailyQuotaExceeded(claims.plan, quota.simulationsPerDay, 'simulation runs', resetsAt);
        const unfinished = await em.count(Simulation, { status: { $in: [...unfinishedStatuses] } });
        if (unfinished >= MAX_UNFINISHED_RUNS_PER_TENANT) {
          throw new PlatformError(
            ErrorCode.QUOTA_EXCEEDED,
            `At most ${MAX_UNFINISHED_RUNS_PER_TENANT} runs may be queued or running at once; wait for one to finish or cancel one`,
            { details: { limit: MAX_UNFINISHED_RUNS_PER_TENANT } },
          );
        }
        const created = em.create(Simulation, {
          tenantId,
          name,
          variables: spec.variables,
          expression: spec.expression,
          iterations: spec.iterations,
          seed: spec.seed,
        });
        await em.flush();
        return created;
      });
      // Queued only once committed: a worker must find the row.
      queue.enqueue({ id: run.id, tenantId });
      log.info('simulation queued', { simulationId: run.id, iterations: run.iterations });
      return run;
    },

    async cancel(id: string): Promise<SimulationEntity> {
      requireTenant();
      if (!isUuid(id)) throw notFound('Simulation', id);
      const run = await store.run(claims, async (em) => {
        // RLS and the tenant filter show only the caller's runs: another tenant's id is "not found".
        const found = await em.findOne(Simulation, { id });
        if (!found) throw notFound('Simulation', id);
        if (found.status === 'CANCELLED') return { current: found, changed: false };
        if (found.status === 'COMPLETED' || found.status === 'FAILED') {
          throw conflict(`Simulation ${JSON.stringify(id)} has already ${found.status === 'COMPLETED' ? 'completed' : 'failed'}`, { id });
        }
        // Conditional, so a run that completes at this very moment keeps its result.
        const changed = await em.nativeUpdate(
          Simulation,
          { id, status: { $in: [...unfinishedStatuses] } },
          { status: 'CANCELLED', finishedAt: new Date(), leaseUntil: null },
        );
        const current = await em.findOneOrFail(Simulation, { id }, { refresh: true });
        if (changed === 0 && current.status !== 'CANCELLED') {
          throw conflict(`Simulation ${JSON.stringify(id)} has already ${current.status.toLowerCase()}`, { id });
        }
        return { current, changed: changed > 0 };
      });
      // The runner that holds it (here, or another replica at its next progress write) stops.
      queue.cancel(id);
      if (run.changed) {
        // Committed, so subscribers end now: a queued run has no runner to tell them, and a running
        // one's runner may be another replica's (it publishes where the worker stopped when it does).
        const terminal: TerminalProgressPayload = {
          status: 'CANCELLED',
          completedIterations: run.current.completedIterations,
          totalIterations: run.current.iterations,
        };
        try {
          live.publish(liveSubjects.simulation(run.current.tenantId, id), terminal);
        } catch (error) {
          log.warn('could not publish the cancellation of a simulation', { simulationId: id, error: String(error) });
        }
      }
      return run.current;
    },

    /**
     * The progress events of one run of the caller's tenant (viewers may watch). The live subject
     * is subscribed before the run is read, so a late joiner gets the stored state first and
     * misses nothing published after it. Unknown ids and other tenants' ids are NOT_FOUND alike.
     */
    async watch(id: string): Promise<AsyncIterableIterator<SimulationProgressData, undefined>> {
      const tenantId = claims.tenantId;
      if (!tenantId) throw forbidden('Watching a simulation needs a tenant');
      if (!isUuid(id)) throw notFound('Simulation', id);
      // The tenant in the subject comes from the claims, never from the input.
      const subscription = live.subscribe(liveSubjects.simulation(tenantId, id), { bufferSize: PROGRESS_BUFFER });
      let first: SimulationEntity | null;
      try {
        first = await readOwn(id);
      } catch (error) {
        await subscription.return();
        throw error;
      }
      if (!first) {
        await subscription.return();
        throw notFound('Simulation', id);
      }
      return createProgressStream({ live: subscription, first, read: () => readOwn(id), recheckAfterMs: progressRecheckMs, log });
    },
  };
}
export type SimulationService = ReturnType<typeof createSimulationService>;

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** The 0-based offset of the expression's first mistake, for clients to underline it. */
function expressionErrorPosition(spec: SimulationSpec): number | undefined {
  try {
    // The engine compiles against the well-formed, de-duplicated names; so does this.
    compileExpression(spec.expression, [...new Set(spec.variables.map((v) => v.name).filter((n) => IDENTIFIER.test(n)))]);
  } catch (error) {
    if (error instanceof ExpressionError) return error.position;
  }
  return undefined;
}
