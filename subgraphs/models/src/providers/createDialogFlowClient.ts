import { setTimeout as sleep } from 'node:timers/promises';
import type { DialogFlow } from './DialogFlow.ts';
import type { CompletionRequest, CompletionStream, ProviderClient } from './ProviderClient.ts';
import { estimatePromptTokens, estimateTokens } from './ProviderClient.ts';
import { ProviderError } from './ProviderError.ts';
import { defaultDialogFlow } from './defaultDialogFlow.ts';
import { compileDialogFlow, splitIntoWords } from './matchDialogFlow.ts';
import type { DialogMatch } from './matchDialogFlow.ts';

export interface DialogFlowClientOptions {
  /** The tenant's flow (validated); the demo flow when absent. */
  flow?: DialogFlow;
  /** Pause between words, so the reply streams like a model's. Default 15 ms; 0 in tests. */
  wordDelayMs?: number;
  /** Called with the match, for logs and tests. */
  onMatch?: (match: DialogMatch) => void;
}

export const defaultWordDelayMs = 15;

/**
 * The built-in, offline engine behind the BUILTIN provider kind: answers the last USER message
 * from the tenant's flow and streams the reply word by word through the common client interface.
 */
export function createDialogFlowClient(options: DialogFlowClientOptions = {}): ProviderClient {
  const match = compileDialogFlow(options.flow ?? defaultDialogFlow);
  const wordDelayMs = options.wordDelayMs ?? defaultWordDelayMs;
  const provider = 'BUILTIN';
  return {
    provider,
    async *streamCompletion(request: CompletionRequest): CompletionStream {
      const { signal } = request;
      const aborted = () => new ProviderError(provider, 'aborted', 'the request was aborted', { cause: signal?.reason });
      if (signal?.aborted) throw aborted();
      const result = match(request.messages);
      options.onMatch?.(result);
      const words = splitIntoWords(result.reply);
      for (const [i, word] of words.entries()) {
        if (i > 0 && wordDelayMs > 0) {
          try {
            await sleep(wordDelayMs, undefined, { signal });
          } catch {
            throw aborted();
          }
        }
        if (signal?.aborted) throw aborted();
        yield { text: word };
      }
      return { promptTokens: estimatePromptTokens(request.messages), completionTokens: estimateTokens(result.reply), estimated: true };
    },
  };
}
