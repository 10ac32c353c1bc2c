import { parentPort } from 'node:worker_threads';
import { runSimulation } from '../engine/runSimulation.ts';
import type { SimulationProgress } from '../engine/runSimulation.ts';
import type { FromWorker, RunMessage } from './workerMessages.ts';

/**
 * A worker thread of the simulation pool: runs one simulation at a time, synchronously (the
 * thread has nothing else to do), and reports to the pool. The sampling loop never yields, so a
 * stop request cannot arrive as a message: the pool flips a shared flag that the engine polls.
 */

/** Progress is posted at most this often: enough for a live bar, cheap for the pool. */
const PROGRESS_INTERVAL_MS = 100;
/** Iterations between the engine's progress callbacks, where the clock is read. */
const PROGRESS_CHECK_EVERY = 2_000;

const port = parentPort;
if (!port) throw new Error('simulationWorker.ts runs only as a worker thread');

const send = (message: FromWorker) => port.postMessage(message);

function run({ runId, spec, stopFlag }: RunMessage): void {
  const stop = new Int32Array(stopFlag);
  let lastPostedAt = performance.now();
  try {
    const outcome = runSimulation(spec, {
      progressEvery: PROGRESS_CHECK_EVERY,
      shouldStop: () => Atomics.load(stop, 0) === 1,
      onProgress(progress: SimulationProgress) {
        const now = performance.now();
        // The final progress is the outcome itself, posted below.
        if (progress.completed === progress.total || now - lastPostedAt < PROGRESS_INTERVAL_MS) return;
        lastPostedAt = now;
        send({ type: 'progress', runId, progress });
      },
    });
    send({ type: 'done', runId, outcome });
  } catch (error) {
    send({ type: 'failed', runId, message: error instanceof Error ? error.message : String(error) });
  }
}

port.on('message', (message: RunMessage) => {
  if (message.type === 'run') run(message);
});
send({ type: 'ready' });
