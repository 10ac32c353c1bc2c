import { ProviderError, reasonFromErrorBody, redactReason } from './ProviderError.ts';
import { SseEventTooLargeError } from './createSseDecoder.ts';
import type { SseEvent } from './createSseDecoder.ts';
import { readSseEvents } from './readSseEvents.ts';

export type FetchLike = typeof fetch;

export interface EventStreamRequest {
  /** Label for errors (`OPENAI`, `ANTHROPIC`, …). */
  provider: string;
  url: string;
  headers: Record<string, string>;
  body: unknown;
  signal?: AbortSignal;
  /** Values that must never appear in an error reason (the API key). */
  secrets: readonly (string | undefined)[];
  fetch?: FetchLike;
}

const maxErrorBody = 4096;

/**
 * POSTs a JSON request that answers with an SSE stream and yields its events. Every failure comes
 * out as a ProviderError: `http` with the status and the provider's short reason, `network`, `protocol`,
 * or `aborted` when the caller's signal fired. Returning early (or aborting) ends the HTTP request.
 */
export async function* openEventStream(request: EventStreamRequest): AsyncGenerator<SseEvent, void, undefined> {
  const { provider, secrets } = request;
  const local = new AbortController();
  const signal = request.signal ? AbortSignal.any([request.signal, local.signal]) : local.signal;
  const failure = (error: unknown, during: string): ProviderError => {
    if (request.signal?.aborted) return new ProviderError(provider, 'aborted', 'the request was aborted', { cause: request.signal.reason });
    if (error instanceof ProviderError) return error;
    if (error instanceof SseEventTooLargeError) return new ProviderError(provider, 'protocol', error.message);
    return new ProviderError(provider, 'network', redactReason(`${during}: ${networkReason(error)}`, secrets));
  };
  try {
    let response: Response;
    try {
      if (request.signal?.aborted) throw request.signal.reason;
      response = await (request.fetch ?? fetch)(request.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'text/event-stream', ...request.headers },
        body: JSON.stringify(request.body),
        signal,
        // Providers do not redirect API calls; following one would carry api-key/x-api-key headers
        // (which fetch does not strip across origins) to wherever the redirect points.
        redirect: 'error',
      });
    } catch (error) {
      throw failure(error, 'request failed');
    }
    if (!response.ok) {
      const body = await readBounded(response).catch(() => '');
      const reason = reasonFromErrorBody(body) ?? (response.statusText || 'request rejected');
      throw new ProviderError(provider, 'http', redactReason(reason, secrets), { status: response.status });
    }
    if (!response.body) throw new ProviderError(provider, 'protocol', 'the response has no body');
    try {
      yield* readSseEvents(response.body);
    } catch (error) {
      throw failure(error, 'stream broke');
    }
  } finally {
    // Ends the request whether the stream finished, failed or the consumer stopped early.
    local.abort();
  }
}

/** The first bytes of an error response: enough for the provider's reason, never an unbounded read. */
async function readBounded(response: Response): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  try {
    while (text.length < maxErrorBody) {
      const { done, value } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
  return text.slice(0, maxErrorBody);
}

/** undici reports `fetch failed` / `terminated` with the useful part (ECONNREFUSED, …) in `cause`. */
function networkReason(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause;
  if (cause instanceof Error) {
    const code = (cause as { code?: unknown }).code;
    return typeof code === 'string' && !cause.message.includes(code) ? `${code} ${cause.message}` : cause.message;
  }
  return error.message;
}
