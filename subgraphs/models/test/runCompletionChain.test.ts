import { describe, expect, it } from 'vitest';
import { costOf, runCompletionChain } from '../src/completions/runCompletionChain.ts';
import type { ChainLink, CompletionResult, CompletionToken, RunCompletionOptions } from '../src/completions/runCompletionChain.ts';
import type { CompletionRequest, CompletionStream, ProviderClient } from '../src/providers/ProviderClient.ts';
import { ProviderError } from '../src/providers/ProviderError.ts';

/**
 * In-process providers scripted step by step (the real HTTP clients are exercised against real
 * servers in providerClients.int.test.ts). `hang` waits forever and ignores the signal on purpose:
 * the runner must not depend on a client honouring it.
 */
type Step = { text: string } | { fail: string } | { hang: true } | { waitMs: number };

function scripted(provider: string, steps: Step[], seen: CompletionRequest[] = []): ProviderClient {
  return {
    provider,
    async *streamCompletion(request): CompletionStream {
      seen.push(request);
      for (const step of steps) {
        if ('text' in step) yield { text: step.text };
        else if ('fail' in step) throw new ProviderError(provider, 'http', step.fail, { status: 500 });
        else if ('hang' in step) await new Promise(() => undefined);
        else await new Promise((resolve) => setTimeout(resolve, step.waitMs));
      }
      return { promptTokens: 10, completionTokens: steps.length, estimated: false };
    },
  };
}

const link = (modelId: string, client: ProviderClient, input = 1, output = 2): ChainLink => ({
  modelId,
  modelName: `${modelId}-name`,
  client,
  prices: { inputCostPerMillion: input, outputCostPerMillion: output },
});

async function run(options: Partial<RunCompletionOptions> & { chain: ChainLink[] }) {
  const stream = runCompletionChain({ messages: [{ role: 'USER', content: 'question' }], firstTokenTimeoutMs: 1000, overallTimeoutMs: 5000, ...options });
  const tokens: CompletionToken[] = [];
  for (;;) {
    const step = await stream.next();
    if (step.done) return { tokens, result: step.value as CompletionResult };
    tokens.push(step.value);
  }
}

describe('runCompletionChain', () => {
  it('streams the first model that answers, with indices, usage and cost from its prices', async () => {
    const seen: CompletionRequest[] = [];
    const { tokens, result } = await run({
      chain: [link('a', scripted('A', [{ text: 'Hel' }, { text: 'lo' }], seen), 3, 15)],
      maxTokens: 50,
    });
    expect(tokens).toEqual([
      { type: 'token', index: 0, text: 'Hel' },
      { type: 'token', index: 1, text: 'lo' },
    ]);
    expect(seen[0]).toMatchObject({ model: 'a-name', maxTokens: 50 });
    expect(result).toEqual({
      content: 'Hello',
      modelId: 'a',
      promptTokens: 10,
      completionTokens: 2,
      totalTokens: 12,
      costUsd: costOf(10, 2, { inputCostPerMillion: 3, outputCostPerMillion: 15 }),
      attempts: [{ modelId: 'a' }],
      truncated: false,
      failed: false,
      usageEstimated: false,
    });
    expect(result.costUsd).toBe(0.00006);
  });

  it('moves on when a model fails before its first token, or produces nothing', async () => {
    const { tokens, result } = await run({
      chain: [link('a', scripted('A', [{ fail: 'boom' }])), link('b', scripted('B', [])), link('c', scripted('C', [{ text: 'ok' }]))],
    });
    expect(tokens.map((t) => t.text)).toEqual(['ok']);
    expect(result.modelId).toBe('c');
    expect(result.attempts).toEqual([
      { modelId: 'a', error: { kind: 'http', status: 500, message: 'A http 500: boom' } },
      { modelId: 'b', error: { kind: 'empty', message: 'B empty: the model produced no text' } },
      { modelId: 'c' },
    ]);
  });

  it('moves on after the first-token timeout, aborting the silent model', async () => {
    const seen: CompletionRequest[] = [];
    const started = Date.now();
    const { result } = await run({
      chain: [link('slow', scripted('S', [{ hang: true }], seen)), link('b', scripted('B', [{ text: 'fast' }]))],
      firstTokenTimeoutMs: 100,
    });
    // It waited for the timeout; the silent model never answers, so moving on at all is the timeout's doing.
    expect(Date.now() - started).toBeGreaterThanOrEqual(95);
    expect(result.content).toBe('fast');
    expect(result.attempts[0]).toEqual({ modelId: 'slow', error: { kind: 'timeout', message: 'S timeout: no first token within 100 ms' } });
    expect(seen[0]!.signal!.aborted).toBe(true);
  });

  it('does not apply the first-token timeout once text flows', async () => {
    const { result } = await run({
      chain: [link('a', scripted('A', [{ text: 'one ' }, { waitMs: 150 }, { text: 'two' }]))],
      firstTokenTimeoutMs: 100,
    });
    expect(result).toMatchObject({ content: 'one two', truncated: false });
  });

  it('ends truncated, with estimated usage, when the model fails after its first token', async () => {
    const { tokens, result } = await run({
      chain: [link('a', scripted('A', [{ text: 'partial ' }, { fail: 'lost' }])), link('b', scripted('B', [{ text: 'never' }]))],
    });
    expect(tokens.map((t) => t.text)).toEqual(['partial ']);
    expect(result).toMatchObject({
      content: 'partial ',
      modelId: 'a',
      truncated: true,
      failed: false,
      usageEstimated: true,
      promptTokens: 2, // "question" = 8 characters
      completionTokens: 2,
      attempts: [{ modelId: 'a', error: { kind: 'http' } }],
    });
  });

  it('ends truncated when the overall timeout passes mid-answer', async () => {
    const { result } = await run({
      chain: [link('a', scripted('A', [{ text: 'so far' }, { hang: true }]))],
      overallTimeoutMs: 100,
    });
    expect(result).toMatchObject({ content: 'so far', truncated: true, attempts: [{ modelId: 'a', error: { kind: 'timeout' } }] });
  });

  it('fails with the apology when no model answers, listing models the deadline left untried', async () => {
    const { tokens, result } = await run({
      chain: [link('a', scripted('A', [{ hang: true }])), link('b', scripted('B', [{ text: 'late' }]))],
      firstTokenTimeoutMs: 1000,
      overallTimeoutMs: 100,
      failureReply: 'Sorry!',
    });
    expect(tokens).toEqual([]);
    expect(result).toMatchObject({ content: 'Sorry!', modelId: null, failed: true, totalTokens: 0, costUsd: 0 });
    expect(result.attempts.map((a) => [a.modelId, a.error?.kind])).toEqual([
      ['a', 'timeout'],
      ['b', 'timeout'],
    ]);
    const empty = await run({ chain: [] });
    expect(empty.result).toMatchObject({ failed: true, attempts: [] });
  });

  it("rejects with the caller's abort reason and aborts the client's signal", async () => {
    const seen: CompletionRequest[] = [];
    const controller = new AbortController();
    const stream = runCompletionChain({
      chain: [link('a', scripted('A', [{ text: 'first' }, { hang: true }], seen)), link('b', scripted('B', [{ text: 'x' }]))],
      messages: [],
      firstTokenTimeoutMs: 1000,
      overallTimeoutMs: 5000,
      signal: controller.signal,
    });
    expect((await stream.next()).value).toMatchObject({ text: 'first' });
    const pending = stream.next();
    controller.abort(new Error('shutting down'));
    await expect(pending).rejects.toThrow('shutting down');
    expect(seen).toHaveLength(1);
    expect(seen[0]!.signal!.aborted).toBe(true);
  });

  it('aborts the request in flight when the consumer stops reading', async () => {
    const seen: CompletionRequest[] = [];
    const stream = runCompletionChain({
      chain: [link('a', scripted('A', [{ text: 'one' }, { text: 'two' }], seen))],
      messages: [],
      firstTokenTimeoutMs: 1000,
      overallTimeoutMs: 5000,
    });
    await stream.next();
    await stream.return(undefined as never);
    expect(seen[0]!.signal!.aborted).toBe(true);
  });
});
