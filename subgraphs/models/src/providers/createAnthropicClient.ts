import type { ChatMessage, CompletionRequest, CompletionStream, ProviderClient } from './ProviderClient.ts';
import { estimatePromptTokens, estimateTokens } from './ProviderClient.ts';
import { ProviderError, redactReason } from './ProviderError.ts';
import { openEventStream } from './openEventStream.ts';
import type { FetchLike } from './openEventStream.ts';

export interface AnthropicClientOptions {
  /** Label for errors; `ANTHROPIC` by default. */
  provider?: string;
  /** API root without the version path, for example https://api.anthropic.com. */
  baseUrl: string;
  apiKey: string;
  /** The Messages API requires max_tokens; used when the request sets none. Default 1024. */
  defaultMaxTokens?: number;
  fetch?: FetchLike;
}

export const anthropicVersion = '2023-06-01';

interface AnthropicUsage {
  input_tokens?: number;
  output_tokens?: number;
  cache_creation_input_tokens?: number | null;
  cache_read_input_tokens?: number | null;
}

/**
 * Anthropic's Messages API, streamed: POST {baseUrl}/v1/messages with `stream: true`. Text arrives
 * in `content_block_delta` events (`text_delta`), prompt usage in `message_start`, the cumulative
 * output count in `message_delta`; `message_stop` ends a complete answer, an `error` event a failed one.
 */
export function createAnthropicClient(options: AnthropicClientOptions): ProviderClient {
  const provider = options.provider ?? 'ANTHROPIC';
  const secrets = [options.apiKey];
  const url = `${options.baseUrl.replace(/\/+$/, '')}/v1/messages`;
  const headers = { 'x-api-key': options.apiKey, 'anthropic-version': anthropicVersion };

  return {
    provider,
    async *streamCompletion(request: CompletionRequest): CompletionStream {
      const { system, messages } = toAnthropicMessages(request.messages);
      if (messages.length === 0) throw new ProviderError(provider, 'protocol', 'there is no user message to answer');
      const body: Record<string, unknown> = {
        model: request.model,
        max_tokens: request.maxTokens ?? options.defaultMaxTokens ?? 1024,
        messages,
        stream: true,
      };
      if (system) body.system = system;

      let text = '';
      let inputTokens: number | undefined;
      let outputTokens: number | undefined;
      let stopped = false;
      for await (const event of openEventStream({ provider, url, headers, body, signal: request.signal, secrets, fetch: options.fetch })) {
        // The SSE `event:` name and the JSON `type` agree; the JSON is authoritative.
        const data = parseEvent(provider, event.data);
        switch (data.type) {
          case 'message_start': {
            const usage = (data.message as { usage?: AnthropicUsage } | undefined)?.usage;
            if (usage) {
              inputTokens = promptTokensOf(usage);
              if (typeof usage.output_tokens === 'number') outputTokens = usage.output_tokens;
            }
            break;
          }
          case 'content_block_delta': {
            const delta = data.delta as { type?: unknown; text?: unknown } | undefined;
            // Other delta types (tool input JSON, thinking) are not part of a chat reply.
            if (delta?.type === 'text_delta' && typeof delta.text === 'string' && delta.text.length > 0) {
              text += delta.text;
              yield { text: delta.text };
            }
            break;
          }
          case 'message_delta': {
            const usage = data.usage as AnthropicUsage | undefined;
            if (typeof usage?.output_tokens === 'number') outputTokens = usage.output_tokens; // cumulative
            if (usage && typeof usage.input_tokens === 'number') inputTokens = promptTokensOf(usage);
            break;
          }
          case 'message_stop':
            stopped = true;
            break;
          case 'error': {
            const error = data.error as { type?: unknown; message?: unknown } | undefined;
            const reason = [error?.type, error?.message].filter((part) => typeof part === 'string').join(': ') || 'stream error';
            throw new ProviderError(provider, 'upstream', redactReason(reason, secrets));
          }
          default:
            // ping, content_block_start/stop and event types added later carry no text.
            break;
        }
        if (stopped) break;
      }
      if (!stopped) throw new ProviderError(provider, 'protocol', 'the stream ended before message_stop');
      if (inputTokens !== undefined && outputTokens !== undefined) {
        return { promptTokens: inputTokens, completionTokens: outputTokens, estimated: false };
      }
      return {
        promptTokens: inputTokens ?? estimatePromptTokens(request.messages),
        completionTokens: outputTokens ?? estimateTokens(text),
        estimated: true,
      };
    },
  };
}

/** Cached prompt tokens are reported apart from `input_tokens`; all of them are prompt. */
function promptTokensOf(usage: AnthropicUsage): number {
  return (usage.input_tokens ?? 0) + (usage.cache_creation_input_tokens ?? 0) + (usage.cache_read_input_tokens ?? 0);
}

/**
 * The Messages API takes system text as a top-level field, and a conversation of alternating turns
 * that starts with the user: SYSTEM messages become `system`, consecutive turns of one role are
 * joined, empty ones dropped, and leading assistant turns (a history window cut mid-exchange) dropped.
 */
export function toAnthropicMessages(messages: readonly ChatMessage[]): {
  system: string | undefined;
  messages: { role: 'user' | 'assistant'; content: string }[];
} {
  const system: string[] = [];
  const turns: { role: 'user' | 'assistant'; content: string }[] = [];
  for (const message of messages) {
    if (message.content.trim() === '') continue;
    if (message.role === 'SYSTEM') {
      system.push(message.content);
      continue;
    }
    const role = message.role === 'USER' ? 'user' : 'assistant';
    if (turns.length === 0 && role === 'assistant') continue;
    const last = turns.at(-1);
    if (last && last.role === role) last.content += `\n\n${message.content}`;
    else turns.push({ role, content: message.content });
  }
  return { system: system.length > 0 ? system.join('\n\n') : undefined, messages: turns };
}

function parseEvent(provider: string, data: string): Record<string, unknown> & { type?: unknown } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(data);
  } catch {
    throw new ProviderError(provider, 'protocol', 'a stream event is not JSON');
  }
  if (typeof parsed !== 'object' || parsed === null) throw new ProviderError(provider, 'protocol', 'a stream event is not an object');
  return parsed as Record<string, unknown>;
}
