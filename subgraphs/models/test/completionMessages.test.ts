import { describe, expect, it } from 'vitest';
import { completionMessageLimits, toChatMessages } from '../src/completions/toChatMessages.ts';
import { toAnthropicMessages } from '../src/providers/createAnthropicClient.ts';

describe('toChatMessages (the messages of a completion.requested event)', () => {
  it('accepts roles in either case and refuses anything malformed', () => {
    expect(toChatMessages([{ role: 'user', content: 'hi' }, { role: 'ASSISTANT', content: 'hello' }])).toEqual([
      { role: 'USER', content: 'hi' },
      { role: 'ASSISTANT', content: 'hello' },
    ]);
    expect(toChatMessages('nope')).toBeNull();
    expect(toChatMessages([{ role: 'tool', content: 'x' }])).toBeNull();
    expect(toChatMessages([{ role: 'USER', content: 42 }])).toBeNull();
    expect(toChatMessages([null])).toBeNull();
  });

  it('keeps the most recent messages within the limits', () => {
    const many = Array.from({ length: 80 }, (_, i) => ({ role: 'USER', content: `m${i}` }));
    const kept = toChatMessages(many)!;
    expect(kept).toHaveLength(completionMessageLimits.messages);
    expect(kept.at(-1)!.content).toBe('m79');
    const big = 'x'.repeat(completionMessageLimits.characters);
    expect(toChatMessages([{ role: 'USER', content: 'old' }, { role: 'USER', content: big }])!.map((m) => m.content.length)).toEqual([big.length]);
  });
});

describe('toAnthropicMessages', () => {
  it('lifts SYSTEM text out, joins consecutive turns, drops empty and leading assistant turns', () => {
    expect(
      toAnthropicMessages([
        { role: 'ASSISTANT', content: 'cut-off answer' },
        { role: 'SYSTEM', content: 'Be kind.' },
        { role: 'USER', content: 'a' },
        { role: 'USER', content: '   ' },
        { role: 'USER', content: 'b' },
        { role: 'ASSISTANT', content: 'c' },
      ]),
    ).toEqual({
      system: 'Be kind.',
      messages: [
        { role: 'user', content: 'a\n\nb' },
        { role: 'assistant', content: 'c' },
      ],
    });
    expect(toAnthropicMessages([{ role: 'ASSISTANT', content: 'only' }])).toEqual({ system: undefined, messages: [] });
  });
});
