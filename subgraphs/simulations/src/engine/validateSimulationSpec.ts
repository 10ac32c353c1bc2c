import { validateDistribution } from './distributions.ts';
import type { Distribution } from './distributions.ts';
import { compileExpression, ExpressionError } from './expression.ts';
import type { CompiledExpression } from './expression.ts';

export type SimulationVariable = { name: string; distribution: Distribution };

export type SimulationSpec = {
  variables: SimulationVariable[];
  /** Combines one sample of every variable into one outcome, e.g. `price * volume - cost`. */
  expression: string;
  iterations: number;
  seed: number;
};

export const MAX_ITERATIONS = 10_000_000;
export const MAX_VARIABLES = 50;

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

export type SpecValidation =
  | { problems: []; expression: CompiledExpression }
  | { problems: string[]; expression: undefined };

/**
 * Checks a spec as a whole and reports every problem at once. The expression is compiled against
 * the well-formed, de-duplicated names, so a misspelt variable is reported once, as such, and not
 * again as an unknown reference.
 */
export function validateSimulationSpec(spec: SimulationSpec): SpecValidation {
  const problems: string[] = [];
  const { iterations, seed, expression } = spec;

  if (!Number.isInteger(iterations) || iterations < 1 || iterations > MAX_ITERATIONS) {
    problems.push(`iterations must be an integer from 1 to ${MAX_ITERATIONS}, got ${String(iterations)}`);
  }
  if (!Number.isSafeInteger(seed)) {
    problems.push(`seed must be a safe integer, got ${String(seed)}`);
  }

  const variables = Array.isArray(spec.variables) ? spec.variables : [];
  if (variables.length < 1 || variables.length > MAX_VARIABLES) {
    problems.push(`variables must list 1 to ${MAX_VARIABLES} variables, got ${variables.length}`);
  }
  const names: string[] = [];
  const seen = new Set<string>();
  for (const { name, distribution } of variables) {
    if (typeof name !== 'string' || !IDENTIFIER.test(name)) {
      problems.push(`Variable name ${JSON.stringify(name)} is not an identifier (a letter or "_", then letters, digits or "_")`);
    } else if (seen.has(name)) {
      problems.push(`Variable name ${JSON.stringify(name)} is used more than once`);
    } else {
      seen.add(name);
      names.push(name);
    }
    problems.push(...validateDistribution(String(name), distribution));
  }

  let compiled: CompiledExpression | undefined;
  if (typeof expression !== 'string') {
    problems.push(`expression must be a string, got ${typeof expression}`);
  } else {
    try {
      compiled = compileExpression(expression, names);
    } catch (error) {
      if (!(error instanceof ExpressionError)) throw error;
      problems.push(`expression: ${error.message}`);
    }
  }

  if (problems.length > 0 || compiled === undefined) return { problems, expression: undefined };
  return { problems: [], expression: compiled };
}
