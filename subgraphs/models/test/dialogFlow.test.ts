import { describe, expect, it } from 'vitest';
import { validateDialogFlow } from '../src/providers/DialogFlow.ts';
import type { DialogFlow } from '../src/providers/DialogFlow.ts';
import type { ChatMessage } from '../src/providers/ProviderClient.ts';
import { ProviderError } from '../src/providers/ProviderError.ts';
import { createDialogFlowClient } from '../src/providers/createDialogFlowClient.ts';
import { defaultDialogFlow } from '../src/providers/defaultDialogFlow.ts';
import { compileDialogFlow, splitIntoWords } from '../src/providers/matchDialogFlow.ts';

const user = (content: string): ChatMessage => ({ role: 'USER', content });
const demo = compileDialogFlow(defaultDialogFlow);

describe('dialog flow validation', () => {
  it('accepts the demo flow', () => {
    expect(validateDialogFlow(defaultDialogFlow)).toEqual({ ok: true, flow: defaultDialogFlow });
  });

  it('reports every problem at once', () => {
    const result = validateDialogFlow({
      fallbackReply: '  ',
      intents: [
        { name: 'a', patterns: ['ok'], reply: 'fine' },
        { name: 'A', patterns: ['ok'], reply: 'duplicate name' },
        { name: '', patterns: [], reply: '' },
        { name: 'regex', patterns: ['/(unclosed/', '/(a+)+$/', 42], reply: 'x' },
      ],
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([
      'fallbackReply must be 1 to 4000 characters of text',
      'intents[1].name "A" is used twice',
      'intents[2].name must be 1 to 64 characters',
      'intents[2].reply must be 1 to 4000 characters of text',
      'intents[2].patterns must list 1 to 50 patterns',
      expect.stringMatching(/^intents\[3\]\.patterns\[0\] is not a valid regular expression/),
      'intents[3].patterns[1] repeats a repeated group, which can take exponential time; simplify it',
      'intents[3].patterns[2] must be 1 to 200 characters',
    ]);
  });

  it('refuses what is not a flow', () => {
    expect(validateDialogFlow(null)).toEqual({ ok: false, problems: ['the flow must be an object'] });
    expect(validateDialogFlow({ fallbackReply: 'x', intents: 'no' })).toEqual({ ok: false, problems: ['intents must be a list'] });
  });
});

describe('dialog flow matching', () => {
  it('answers the seeded demo conversations with the right intents', () => {
    const intentOf = (text: string) => demo([user(text)]).intent;
    expect(intentOf('Hi! I ordered a standing desk last week, order #1042.')).toBe('order_status');
    expect(intentOf('The tracking page has not changed for three days.')).toBe('order_status');
    expect(intentOf('Can you check whether it has shipped?')).toBe('order_status');
    expect(intentOf('Where is my order?')).toBe('order_status');
    expect(intentOf('Hello, we would like to move our team of 25 to annual billing.')).toBe('billing');
    expect(intentOf('Do we keep our integrations when we switch?')).toBe('billing');
    expect(intentOf('And is there a discount for nonprofits?')).toBe('billing');
    expect(intentOf('Can I talk to a real person please')).toBe('human_handoff');
    expect(intentOf('Thank you so much')).toBe('thanks');
    expect(intentOf('HELLO there')).toBe('greeting');
    expect(intentOf('Quelle est la météo ?')).toBeNull();
  });

  it('answers the LAST user message, and the fallback when there is none', () => {
    const messages: ChatMessage[] = [user('Where is my order?'), { role: 'ASSISTANT', content: 'It shipped.' }, user('thanks!')];
    expect(demo(messages).intent).toBe('thanks');
    expect(demo([{ role: 'SYSTEM', content: 'order order order' }])).toEqual({ intent: null, reply: defaultDialogFlow.fallbackReply });
  });

  it('matches keywords as whole words, regexes as written, and breaks ties by listing order', () => {
    const flow: DialogFlow = {
      fallbackReply: 'fallback',
      intents: [
        { name: 'first', patterns: ['cat'], reply: 'first' },
        { name: 'second', patterns: ['dog', 'cat food'], reply: 'second' },
        { name: 'code', patterns: ['/\\bcode-\\d{2}\\b/'], reply: 'code' },
      ],
    };
    const match = compileDialogFlow(flow);
    expect(match([user('concatenate')]).intent).toBeNull(); // "cat" inside a word
    expect(match([user('my CAT')]).intent).toBe('first');
    expect(match([user('cat and dog')]).intent).toBe('first'); // 1 vs 1: listed first wins
    expect(match([user('dog wants cat   food')]).intent).toBe('second'); // 1 vs 2
    expect(match([user('error CODE-42 again')]).intent).toBe('code');
  });

  it('splits a reply into word pieces that add up to the reply', () => {
    for (const reply of ['Hello there, friend!', '  leading and trailing  ', 'one', 'multi\nline\treply']) {
      const words = splitIntoWords(reply);
      expect(words.join('')).toBe(reply);
      expect(words.every((word) => word.trim() !== '')).toBe(true);
    }
    expect(splitIntoWords('Hello there, friend!')).toEqual(['Hello ', 'there, ', 'friend!']);
  });
});

describe('dialog flow client', () => {
  it('streams the reply word by word, then returns estimated usage', async () => {
    const client = createDialogFlowClient({ wordDelayMs: 0 });
    const messages = [user('Where is my order?')];
    const stream = client.streamCompletion({ model: 'dialog-flow-1', messages });
    const pieces: string[] = [];
    let step = await stream.next();
    while (!step.done) {
      pieces.push(step.value.text);
      step = await stream.next();
    }
    const reply = defaultDialogFlow.intents.find((i) => i.name === 'order_status')!.reply;
    expect(pieces.join('')).toBe(reply);
    expect(pieces.length).toBe(reply.split(/\s+/).length);
    expect(step.value).toEqual({ promptTokens: Math.ceil('Where is my order?'.length / 4), completionTokens: Math.ceil(reply.length / 4), estimated: true });
  });

  it('pauses between words and stops at once when aborted', async () => {
    // A pause far longer than the test's timeout: only the abort can end the wait.
    const client = createDialogFlowClient({ wordDelayMs: 600_000 });
    const controller = new AbortController();
    const stream = client.streamCompletion({ model: 'm', messages: [user('hello')], signal: controller.signal });
    expect((await stream.next()).value).toEqual({ text: 'Hello! ' });
    const second = stream.next();
    setTimeout(() => controller.abort(), 20);
    await expect(second).rejects.toMatchObject({ name: 'ProviderError', kind: 'aborted' });
    await expect(client.streamCompletion({ model: 'm', messages: [], signal: controller.signal }).next()).rejects.toBeInstanceOf(ProviderError);
  });
});
