import type { LiveSubscription } from '../../../kit/src/live/LiveBus.ts';
import type { Logger } from '../../../kit/src/log.ts';
import type { SimulationEntity } from '../entities/Simulation.ts';
import { isTerminalStatus, parseProgressPayload } from './progressPayloads.ts';
import { progressOfLive, progressOfRow } from './progressState.ts';
import type { SimulationProgressData } from './progressState.ts';

export interface ProgressStreamOptions {
  /** The run's live subject, subscribed BEFORE `first` was read: nothing published after that read is missed. */
  live: LiveSubscription;
  /** The run as stored when the subscriber joined (already checked to be the caller's). */
  first: SimulationEntity;
  /** Reads the run again, as the caller (null when it is not there). */
  read: () => Promise<SimulationEntity | null>;
  /**
   * Without a live payload for this long, the stream reads the run again: the live bus is lossy,
   * and a final payload lost (or a run ended by a process that died) must not leave it open forever.
   */
  recheckAfterMs: number;
  log: Logger;
}

const RECHECK = Symbol('recheck');
const done: IteratorReturnResult<undefined> = { done: true, value: undefined };

/**
 * The events of one `simulationProgress` subscription: the stored state first, then live
 * payloads, ending after the first final state. Progress never goes back for a subscriber
 * (payloads buffered before the first read are older than it). Hand-written rather than an
 * `async function*`: `return()` must free the live subscription even while a `next()` waits
 * (a generator queues `return()` behind the pending `next()`, which could wait forever).
 */
export function createProgressStream(options: ProgressStreamOptions): AsyncIterableIterator<SimulationProgressData, undefined> {
  const { live, read, recheckAfterMs, log } = options;
  let base = options.first;
  let last: SimulationProgressData | null = null;
  let ended = false;
  let pendingLive: Promise<IteratorResult<unknown>> | null = null;
  let turn: Promise<unknown> = Promise.resolve();

  function end(): void {
    if (ended) return;
    ended = true;
    // Resolves a waiting live next() with done, so a pull in progress ends too.
    void live.return();
  }

  function emit(state: SimulationProgressData): IteratorResult<SimulationProgressData, undefined> {
    last = state;
    if (isTerminalStatus(state.simulation.status)) end();
    return { done: false, value: state };
  }

  function isNews(state: SimulationProgressData): boolean {
    if (!last || isTerminalStatus(state.simulation.status)) return true;
    if (state.simulation.status !== last.simulation.status) return true;
    return state.completedIterations > last.completedIterations;
  }

  function nextLive(): Promise<IteratorResult<unknown> | typeof RECHECK> {
    pendingLive ??= live.next();
    let timer: NodeJS.Timeout | undefined;
    const recheck = new Promise<typeof RECHECK>((resolve) => {
      timer = setTimeout(() => resolve(RECHECK), recheckAfterMs);
    });
    return Promise.race([pendingLive, recheck]).finally(() => clearTimeout(timer));
  }

  async function pull(): Promise<IteratorResult<SimulationProgressData, undefined>> {
    if (ended) return done;
    if (!last) return emit(progressOfRow(base));
    while (!ended) {
      const step = await nextLive();
      if (ended) break;
      if (step === RECHECK) {
        const row = await read();
        if (ended) break;
        if (!row) {
          end();
          break;
        }
        base = row;
        const state = progressOfRow(row, last.running);
        if (isNews(state)) return emit(state);
        continue;
      }
      pendingLive = null;
      if (step.done) {
        // The live bus closed (shutdown): the client reconnects and starts from the store again.
        end();
        break;
      }
      const payload = parseProgressPayload(step.value);
      if (!payload) {
        log.warn('skipped a malformed simulation progress payload', { simulationId: base.id });
        continue;
      }
      if (payload.status === 'RUNNING') {
        const state = progressOfLive(base, payload);
        if (isNews(state)) return emit(state);
        continue;
      }
      // Final: published after its commit, so the row has it whole (finishedAt, error, result).
      const row = await read();
      if (ended) break;
      return emit(row && isTerminalStatus(row.status) ? progressOfRow(row) : progressOfLive(base, payload));
    }
    return done;
  }

  const stream: AsyncIterableIterator<SimulationProgressData, undefined> = {
    next() {
      // One pull at a time, in order, whoever calls.
      const result = turn.then(pull).catch((error: unknown) => {
        end();
        throw error;
      });
      turn = result.catch(() => undefined);
      return result;
    },
    async return() {
      end();
      return done;
    },
    [Symbol.asyncIterator]() {
      return stream;
    },
  };
  return stream;
}
