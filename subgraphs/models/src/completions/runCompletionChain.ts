import type { Logger } from '../../../kit/src/log.ts';
import type { ChatMessage, CompletionUsage, ProviderClient } from '../providers/ProviderClient.ts';
import { estimatePromptTokens, estimateTokens } from '../providers/ProviderClient.ts';
import { ProviderError, describeProviderFailure } from '../providers/ProviderError.ts';
import type { ProviderErrorKind } from '../providers/ProviderError.ts';

/** One model of a fallback chain, with the client that serves it and its prices. */
export interface ChainLink {
  modelId: string;
  /** The provider's name for the model (an Azure deployment name for Azure OpenAI). */
  modelName: string;
  client: ProviderClient;
  prices: { inputCostPerMillion: number; outputCostPerMillion: number };
}

export interface RunCompletionOptions {
  /** Models to try, in order: the chosen one, then the routing policy's fallbacks. */
  chain: readonly ChainLink[];
  messages: readonly ChatMessage[];
  maxTokens?: number;
  /** How long one model may take to produce its first piece of text before the next is tried. */
  firstTokenTimeoutMs: number;
  /** How long the whole completion may take, fallbacks included; past it the answer ends truncated. */
  overallTimeoutMs: number;
  /** Aborting stops the HTTP request in flight; the run then rejects with the signal's reason. */
  signal?: AbortSignal;
  /** Content of the result when every model failed. */
  failureReply?: string;
  log?: Logger;
}

export interface CompletionToken {
  type: 'token';
  /** 0, 1, 2… across the whole completion. */
  index: number;
  text: string;
}

export interface CompletionAttempt {
  modelId: string;
  /** Absent for the attempt that answered without failing. */
  error?: { kind: ProviderErrorKind | 'internal'; status?: number; message: string };
}

export interface CompletionResult {
  content: string;
  /** The model that answered; null when every model failed. */
  modelId: string | null;
  promptTokens: number;
  completionTokens: number;
  totalTokens: number;
  /** From the answering model's per-million prices. */
  costUsd: number;
  /** Every model tried, in order, with why it failed. */
  attempts: CompletionAttempt[];
  /** The answering model failed (or the overall timeout passed) after its first token: content is partial. */
  truncated: boolean;
  /** No model produced a first token: content is `failureReply`. */
  failed: boolean;
  /** Token counts are the ≈4-characters-a-token estimate rather than the provider's. */
  usageEstimated: boolean;
}

const discardedUsage: CompletionUsage = { promptTokens: 0, completionTokens: 0, estimated: true };

export const defaultFailureReply = 'Sorry, I cannot answer right now. Please try again in a moment.';

/**
 * Runs a completion down a fallback chain. A model that fails, or stays silent past the first-token
 * timeout, before its first piece of text is abandoned (its request aborted) for the next one. Once a
 * model has produced text it is the answer: a later failure ends the stream with what was produced,
 * marked `truncated`, because tokens already reached subscribers cannot be taken back.
 *
 * Yields the tokens as they arrive and returns the result (read it from the final `next()`).
 * Stopping the iteration early, or aborting `signal`, aborts the request in flight.
 */
export async function* runCompletionChain(options: RunCompletionOptions): AsyncGenerator<CompletionToken, CompletionResult, undefined> {
  const { chain, messages, signal: callerSignal } = options;
  const attempts: CompletionAttempt[] = [];
  const overall = new AbortController();
  const overallTimer = setTimeout(
    () => overall.abort(new ProviderError('completion', 'timeout', `the completion took longer than ${options.overallTimeoutMs} ms`)),
    options.overallTimeoutMs,
  );
  try {
    for (const link of chain) {
      if (callerSignal?.aborted) throw callerSignal.reason;
      if (overall.signal.aborted) break;
      const attempt = new AbortController();
      const signals = callerSignal ? [attempt.signal, overall.signal, callerSignal] : [attempt.signal, overall.signal];
      const signal = AbortSignal.any(signals);
      const firstTokenTimer = setTimeout(
        () =>
          attempt.abort(
            new ProviderError(link.client.provider, 'timeout', `no first token within ${options.firstTokenTimeoutMs} ms`),
          ),
        options.firstTokenTimeoutMs,
      );
      const stream = link.client.streamCompletion({ model: link.modelName, messages, maxTokens: options.maxTokens, signal });
      let content = '';
      let index = 0;
      let usage: CompletionUsage | undefined;
      let failure: unknown;
      try {
        for (;;) {
          // Raced with the signal: a client that ignores its signal still cannot hold the chain up.
          const step = await untilAborted(stream.next(), signal);
          if (step.done) {
            usage = step.value;
            break;
          }
          if (index === 0) clearTimeout(firstTokenTimer);
          content += step.value.text;
          yield { type: 'token', index: index++, text: step.value.text };
        }
      } catch (error) {
        if (callerSignal?.aborted) throw callerSignal.reason;
        // Name the deadline that fired rather than the client's own report of the abort.
        failure = attempt.signal.aborted ? attempt.signal.reason : overall.signal.aborted ? overall.signal.reason : error;
      } finally {
        clearTimeout(firstTokenTimer);
        attempt.abort(); // ends the request if it is still open (a failure, a timeout, or the consumer stopped)
        // Runs the client's own cleanup; the value passed is discarded.
        stream.return(discardedUsage).catch(() => undefined);
      }

      if (failure === undefined && index === 0) {
        failure = new ProviderError(link.client.provider, 'empty', 'the model produced no text');
      }
      if (failure !== undefined) {
        const error = describeProviderFailure(failure);
        attempts.push({ modelId: link.modelId, error });
        options.log?.warn('completion attempt failed', { modelId: link.modelId, provider: link.client.provider, ...error });
        if (index === 0) continue;
        return resultOf(link, content, messages, attempts, undefined, true);
      }
      attempts.push({ modelId: link.modelId });
      return resultOf(link, content, messages, attempts, usage, false);
    }
    if (callerSignal?.aborted) throw callerSignal.reason;
    for (const link of chain.slice(attempts.length)) {
      attempts.push({ modelId: link.modelId, error: { kind: 'timeout', message: 'not tried: the overall timeout had passed' } });
    }
    return {
      content: options.failureReply ?? defaultFailureReply,
      modelId: null,
      promptTokens: 0,
      completionTokens: 0,
      totalTokens: 0,
      costUsd: 0,
      attempts,
      truncated: false,
      failed: true,
      usageEstimated: false,
    };
  } finally {
    clearTimeout(overallTimer);
  }
}

function resultOf(
  link: ChainLink,
  content: string,
  messages: readonly ChatMessage[],
  attempts: CompletionAttempt[],
  usage: CompletionUsage | undefined,
  truncated: boolean,
): CompletionResult {
  // A truncated stream never reached the provider's usage report: estimate what was produced.
  const promptTokens = usage?.promptTokens ?? estimatePromptTokens(messages);
  const completionTokens = usage?.completionTokens ?? estimateTokens(content);
  return {
    content,
    modelId: link.modelId,
    promptTokens,
    completionTokens,
    totalTokens: promptTokens + completionTokens,
    costUsd: costOf(promptTokens, completionTokens, link.prices),
    attempts,
    truncated,
    failed: false,
    usageEstimated: usage ? usage.estimated : true,
  };
}

/** Dollars for the tokens at per-million prices, rounded to a nano-dollar to drop float noise. */
export function costOf(promptTokens: number, completionTokens: number, prices: ChainLink['prices']): number {
  const cost = (promptTokens * prices.inputCostPerMillion + completionTokens * prices.outputCostPerMillion) / 1_000_000;
  return Math.round(cost * 1e9) / 1e9;
}

/** The promise, or a rejection with the signal's reason as soon as it aborts. */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) {
    promise.catch(() => undefined);
    return Promise.reject(signal.reason);
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}
