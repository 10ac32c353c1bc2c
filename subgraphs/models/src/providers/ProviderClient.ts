/**
 * What every completion source speaks, whatever its wire protocol: the OpenAI-compatible and
 * Anthropic HTTP clients and the built-in dialog-flow engine all stream text pieces through this.
 */

/** Roles as the platform names them (the conversations SDL's MessageRole). */
export const chatRoles = ['SYSTEM', 'USER', 'ASSISTANT'] as const;
export type ChatRole = (typeof chatRoles)[number];

export interface ChatMessage {
  role: ChatRole;
  content: string;
}

export interface CompletionRequest {
  /** The provider's name for the model (an Azure deployment name for Azure OpenAI). */
  model: string;
  messages: readonly ChatMessage[];
  /** Upper bound on completion tokens; a provider default applies when absent. */
  maxTokens?: number;
  /** Aborting stops the underlying HTTP request (or the dialog engine's timer) at once. */
  signal?: AbortSignal;
}

/** One piece of the completion's text, in order; never empty. */
export interface CompletionChunk {
  text: string;
}

export interface CompletionUsage {
  promptTokens: number;
  completionTokens: number;
  /** True when the provider sent no usage and the counts are the ≈4-characters-a-token estimate. */
  estimated: boolean;
}

/**
 * The stream of one completion: yields the text pieces, then RETURNS the usage (read it from the
 * final `next()` result, `{ done: true, value: usage }`; `for await` discards it). It throws a
 * ProviderError on any failure, including a stream that ends before the protocol says it is complete.
 */
export type CompletionStream = AsyncGenerator<CompletionChunk, CompletionUsage, undefined>;

export interface ProviderClient {
  /** A label for logs and errors (for example `OPENAI`), never a secret. */
  readonly provider: string;
  streamCompletion(request: CompletionRequest): CompletionStream;
}

/** The estimate used when a provider reports no usage: about four characters a token. */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

export function estimatePromptTokens(messages: readonly ChatMessage[]): number {
  return messages.reduce((sum, message) => sum + estimateTokens(message.content), 0);
}
