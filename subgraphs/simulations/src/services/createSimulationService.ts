import { randomBytes } from 'node:crypto';
import type { TenantClaims } from '../../../kit/src/auth/claims.ts';
import { isReadOnly } from '../../../kit/src/auth/claims.ts';
import { badInput, conflict, ErrorCode, forbidden, notFound, PlatformError } from '../../../kit/src/errors.ts';
import type { Logger } from '../../../kit/src/log.ts';
import type { PgStore } from '../../../kit/src/store/createPgStore.ts';
import { compileExpression, ExpressionError } from '../engine/expression.ts';
import { validateSimulationSpec } from '../engine/validateSimulationSpec.ts';
import type { SimulationSpec } from '../engine/validateSimulationSpec.ts';
import { Simulation, unfinishedStatuses } from '../entities/Simulation.ts';
import type { SimulationEntity } from '../entities/Simulation.ts';
import type { StartSimulationInput } from '../generated/resolvers.ts';
import type { SimulationQueue } from '../runner/createSimulationRunner.ts';
import { isUuid } from './isUuid.ts';
import { iterationLimitFor, MAX_UNFINISHED_RUNS_PER_TENANT } from './iterationLimits.ts';
import { toSimulationVariables } from './toSimulationVariables.ts';

export interface SimulationServiceDeps {
  store: PgStore;
  queue: SimulationQueue;
  log: Logger;
  claims: TenantClaims;
}

/** A seed for callers who gave none: any 32-bit integer (GraphQL's Int), stored so the run can be repeated. */
function randomSeed(): number {
  return randomBytes(4).readInt32BE(0);
}

/** Business rules of the simulations subgraph, bound to one caller. */
export function createSimulationService({ store, queue, log, claims }: SimulationServiceDeps) {
  const requireTenant = () => {
    if (!claims.tenantId) throw forbidden('This operation needs a tenant');
    if (isReadOnly(claims)) throw forbidden('Viewers may read simulations but not start or cancel them');
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

  return {
    async start(input: StartSimulationInput): Promise<SimulationEntity> {
      const tenantId = requireTenant();
      const { name, spec } = toSpec(input);
      const limit = iterationLimitFor(claims.plan);
      if (spec.iterations > limit) {
        throw new PlatformError(ErrorCode.QUOTA_EXCEEDED, `The ${claims.plan ?? 'TRIAL'} plan allows at most ${limit} iterations per run`, {
          details: { limit, field: 'iterations' },
        });
      }
      const run = await store.run(claims, async (em) => {
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
        if (found.status === 'CANCELLED') return found;
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
        return current;
      });
      // The runner that holds it (here, or another replica at its next progress write) stops.
      queue.cancel(id);
      return run;
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
