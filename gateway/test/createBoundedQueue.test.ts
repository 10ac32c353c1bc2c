import { describe, expect, it } from 'vitest';
import { createBoundedQueue } from '../src/subscriptions/createBoundedQueue.ts';

describe('createBoundedQueue (slow-consumer policy)', () => {
  it('keeps at most `capacity` values, dropping the oldest and counting them', async () => {
    const drops: number[] = [];
    const queue = createBoundedQueue<number>({ capacity: 3, onDrop: (n) => drops.push(n) });
    for (let i = 0; i < 10; i += 1) queue.push(i);
    expect(queue.size).toBe(3);
    expect(queue.dropped).toBe(7);
    expect(drops).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect([await queue.pull(), await queue.pull(), await queue.pull()]).toEqual([
      { done: false, value: 7 },
      { done: false, value: 8 },
      { done: false, value: 9 },
    ]);
  });

  it('hands a value straight to a waiting reader, without buffering it', async () => {
    const queue = createBoundedQueue<string>({ capacity: 1 });
    const pending = queue.pull();
    queue.push('a');
    expect(await pending).toEqual({ done: false, value: 'a' });
    expect(queue.size).toBe(0);
  });

  it('ends after what is buffered; a failure arrives after the buffered values too', async () => {
    const ended = createBoundedQueue<number>({ capacity: 4 });
    ended.push(1);
    ended.end();
    ended.push(2); // ignored after the end
    expect(await ended.pull()).toEqual({ done: false, value: 1 });
    expect(await ended.pull()).toEqual({ done: true });

    const failed = createBoundedQueue<number>({ capacity: 4 });
    const boom = new Error('boom');
    failed.push(1);
    failed.fail(boom);
    expect(await failed.pull()).toEqual({ done: false, value: 1 });
    expect(await failed.pull()).toEqual({ done: true, error: boom });
  });

  it('close() empties the buffer and releases waiting readers at once', async () => {
    const queue = createBoundedQueue<number>({ capacity: 4 });
    const waiting = queue.pull();
    queue.close();
    expect(await waiting).toEqual({ done: true });
    queue.push(1);
    expect(queue.size).toBe(0);
    expect(await queue.pull()).toEqual({ done: true });
  });

  it('refuses a capacity that would make it unbounded or useless', () => {
    expect(() => createBoundedQueue({ capacity: 0 })).toThrow(RangeError);
    expect(() => createBoundedQueue({ capacity: Number.POSITIVE_INFINITY })).toThrow(RangeError);
  });
});
