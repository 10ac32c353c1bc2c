import type { SimulationOutcome, SimulationProgress, SimulationSpec } from '../engine/runSimulation.ts';

/** The pool asks an idle worker to run one simulation; `stopFlag` (one Int32) becomes 1 to stop it. */
export interface RunMessage {
  type: 'run';
  runId: string;
  spec: SimulationSpec;
  stopFlag: SharedArrayBuffer;
}

export type FromWorker =
  /** The worker loaded its modules and waits for work. */
  | { type: 'ready' }
  | { type: 'progress'; runId: string; progress: SimulationProgress }
  | { type: 'done'; runId: string; outcome: SimulationOutcome }
  /** The engine refused or failed the run (the worker itself is fine and takes the next one). */
  | { type: 'failed'; runId: string; message: string };
