import { describe, expect, it } from 'vitest';
import { completionHistory } from '../src/services/completionHistory.ts';
import type { HistoryMessage } from '../src/services/completionHistory.ts';
import { toMessageStreamEvent } from '../src/services/messageStreamEvents.ts';

const user = (content: string): HistoryMessage => ({ role: 'USER', content });

describe('completionHistory', () => {
  it('keeps the newest 20 messages, oldest first', () => {
    const all = Array.from({ length: 30 }, (_, i) => user(`m${i}`));
    expect(completionHistory(all)).toEqual(all.slice(10));
  });

  it('stops before 16 KiB of UTF-8, but always keeps the newest whole', () => {
    const history = [user('x'.repeat(11_000)), user('ü'.repeat(3_000)), user('short')];
    expect(completionHistory(history).map((m) => m.content.length)).toEqual([3_000, 5]);
    expect(completionHistory([user('old'), user('y'.repeat(30_000))])).toEqual([user('y'.repeat(30_000))]);
    expect(completionHistory([])).toEqual([]);
  });
});

describe('toMessageStreamEvent', () => {
  const messageId = '01900000-0000-7000-8000-000000000001';
  it('maps tokens and completions, and drops anything malformed', () => {
    expect(toMessageStreamEvent({ type: 'token', messageId, index: 2, text: 'hi' })).toEqual({ kind: 'MessageToken', messageId, index: 2, text: 'hi' });
    expect(toMessageStreamEvent({ type: 'completed', messageId })).toEqual({ kind: 'MessageCompleted', messageId });
    for (const bad of [null, 'x', { type: 'token', messageId, index: -1, text: 'a' }, { type: 'token', messageId: 'nope', index: 0, text: 'a' }, { type: 'other', messageId }]) {
      expect(toMessageStreamEvent(bad)).toBeNull();
    }
  });
});
