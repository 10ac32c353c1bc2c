import type { ChatMessage, CompletionRequest, CompletionStream, ProviderClient } from './ProviderClient.ts';
import { estimatePromptTokens, estimateTokens } from './ProviderClient.ts';
import { ProviderError, redactReason } from './ProviderError.ts';
import { openEventStream } from './openEventStream.ts';
import type { FetchLike } from './openEventStream.ts';

/**
 * One client for every server that speaks OpenAI's chat-completions protocol. They differ only in
 * where the request goes and how the key travels:
 * - `openai` (OpenAI, Ollama, vLLM, any compatible server): POST {baseUrl}/chat/completions, `Authorization: Bearer`.
 * - `azure`: POST {endpoint}/openai/deployments/{model}/chat/completions?api-version=…, `api-key` header;
 *   the model name is the deployment name.
 */
export type OpenAiCompatibleOptions =
  | { flavor: 'openai'; provider: string; baseUrl: string; apiKey?: string; fetch?: FetchLike; maxTokensField?: 'max_tokens' | 'max_completion_tokens' }
  | { flavor: 'azure'; provider: string; endpoint: string; apiKey: string; apiVersion: string; fetch?: FetchLike };

interface ChatChunk {
  choices?: { delta?: { content?: string | null } | null }[] | null;
  usage?: { prompt_tokens?: number; completion_tokens?: number } | null;
  error?: unknown;
}

const trimSlash = (url: string) => url.replace(/\/+$/, '');

export function createOpenAiCompatibleClient(options: OpenAiCompatibleOptions): ProviderClient {
  const { provider, apiKey } = options;
  const secrets = [apiKey];
  const target = (model: string) => {
    if (options.flavor === 'azure') {
      const url = `${trimSlash(options.endpoint)}/openai/deployments/${encodeURIComponent(model)}/chat/completions`;
      return { url: `${url}?api-version=${encodeURIComponent(options.apiVersion)}`, headers: { 'api-key': options.apiKey } };
    }
    return {
      url: `${trimSlash(options.baseUrl)}/chat/completions`,
      headers: apiKey ? { authorization: `Bearer ${apiKey}` } : ({} as Record<string, string>),
    };
  };
  // OpenAI deprecated max_tokens (o-series models refuse it); compatible servers know only max_tokens.
  const maxTokensField = options.flavor === 'openai' ? (options.maxTokensField ?? 'max_tokens') : 'max_tokens';

  return {
    provider,
    async *streamCompletion(request: CompletionRequest): CompletionStream {
      const { url, headers } = target(request.model);
      const body: Record<string, unknown> = {
        model: request.model,
        messages: request.messages.map(toWireMessage),
        stream: true,
        // Without this, streamed responses carry no token counts.
        stream_options: { include_usage: true },
      };
      if (request.maxTokens !== undefined) body[maxTokensField] = request.maxTokens;

      let text = '';
      let usage: ChatChunk['usage'] = null;
      let done = false;
      for await (const event of openEventStream({ provider, url, headers, body, signal: request.signal, secrets, fetch: options.fetch })) {
        if (event.data === '[DONE]') {
          done = true;
          break;
        }
        const chunk = parseChunk(provider, event.data, secrets);
        if (chunk.usage) usage = chunk.usage;
        // Azure sends chunks with empty `choices` (content-filter results); the usage chunk has none either.
        const piece = chunk.choices?.[0]?.delta?.content;
        if (typeof piece === 'string' && piece.length > 0) {
          text += piece;
          yield { text: piece };
        }
      }
      if (!done) throw new ProviderError(provider, 'protocol', 'the stream ended before [DONE]');
      const promptTokens = usage?.prompt_tokens;
      const completionTokens = usage?.completion_tokens;
      if (typeof promptTokens === 'number' && typeof completionTokens === 'number') {
        return { promptTokens, completionTokens, estimated: false };
      }
      return { promptTokens: estimatePromptTokens(request.messages), completionTokens: estimateTokens(text), estimated: true };
    },
  };
}

function toWireMessage(message: ChatMessage): { role: string; content: string } {
  return { role: message.role.toLowerCase(), content: message.content };
}

function parseChunk(provider: string, data: string, secrets: readonly (string | undefined)[]): ChatChunk {
  let parsed: unknown;
  try {
    parsed = JSON.parse(data);
  } catch {
    throw new ProviderError(provider, 'protocol', 'a stream chunk is not JSON');
  }
  if (typeof parsed !== 'object' || parsed === null) throw new ProviderError(provider, 'protocol', 'a stream chunk is not an object');
  const chunk = parsed as ChatChunk;
  if (chunk.error !== undefined && chunk.error !== null) {
    // OpenAI and vLLM report mid-stream failures as a data chunk carrying `error`.
    const error = chunk.error as { message?: unknown } | string;
    const reason = typeof error === 'string' ? error : typeof error.message === 'string' ? error.message : 'stream error';
    throw new ProviderError(provider, 'upstream', redactReason(reason, secrets));
  }
  return chunk;
}
