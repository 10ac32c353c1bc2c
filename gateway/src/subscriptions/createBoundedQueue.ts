export type QueueItem<T> = { done: false; value: T } | { done: true; error?: unknown };

export interface BoundedQueue<T> {
  /** Hands the value to a waiting reader, else buffers it; when the buffer is full the OLDEST value is dropped. */
  push(value: T): void;
  /** No more values: readers get what is buffered, then `done`. */
  end(): void;
  /** The source failed: readers get what is buffered, then `done` with the error. */
  fail(error: unknown): void;
  /** Stops at once: the buffer is emptied and waiting readers get `done`. */
  close(): void;
  /** The next item, waiting for one when the buffer is empty. */
  pull(): Promise<QueueItem<T>>;
  readonly size: number;
  readonly dropped: number;
}

/**
 * A fixed-capacity queue between a source that pushes (an upstream subscription) and a reader
 * that pulls at the client's pace. A slow client makes the queue drop its oldest events, never
 * grow: a stream of tokens or progress stays live and bounded, and `dropped` says how many went.
 */
export function createBoundedQueue<T>(options: { capacity: number; onDrop?: (dropped: number) => void }): BoundedQueue<T> {
  const { capacity } = options;
  if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`queue capacity must be a positive integer, got ${capacity}`);
  const buffer: T[] = [];
  const readers: Array<(item: QueueItem<T>) => void> = [];
  let ending: { error?: unknown } | null = null;
  let closed = false;
  let dropped = 0;

  const settle = () => {
    if (!ending || buffer.length > 0) return;
    const item: QueueItem<T> = 'error' in ending ? { done: true, error: ending.error } : { done: true };
    for (const reader of readers.splice(0)) reader(item);
  };

  return {
    push(value) {
      if (closed || ending) return;
      const reader = readers.shift();
      if (reader) {
        reader({ done: false, value });
        return;
      }
      buffer.push(value);
      if (buffer.length > capacity) {
        buffer.shift();
        dropped += 1;
        options.onDrop?.(dropped);
      }
    },
    end() {
      if (closed || ending) return;
      ending = {};
      settle();
    },
    fail(error) {
      if (closed || ending) return;
      ending = { error };
      settle();
    },
    close() {
      closed = true;
      buffer.length = 0;
      for (const reader of readers.splice(0)) reader({ done: true });
    },
    pull() {
      if (buffer.length > 0) return Promise.resolve({ done: false, value: buffer.shift()! });
      if (closed) return Promise.resolve({ done: true });
      if (ending) return Promise.resolve('error' in ending ? { done: true, error: ending.error } : { done: true });
      return new Promise((resolve) => readers.push(resolve));
    },
    get size() {
      return buffer.length;
    },
    get dropped() {
      return dropped;
    },
  };
}
