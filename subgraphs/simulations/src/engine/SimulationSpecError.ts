/**
 * A simulation spec that cannot run. `problems` lists every mistake found, not just the first, so
 * a client can fix them all before resubmitting.
 */
export class SimulationSpecError extends Error {
  readonly problems: string[];

  constructor(problems: string[]) {
    super(`Invalid simulation spec: ${problems.join('; ')}`);
    this.name = 'SimulationSpecError';
    this.problems = problems;
  }
}
