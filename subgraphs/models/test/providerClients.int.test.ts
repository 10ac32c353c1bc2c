import { inspect } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { readEnv } from '../../kit/src/config.ts';
import { runCompletionChain } from '../src/completions/runCompletionChain.ts';
import type { ChainLink, CompletionResult, RunCompletionOptions } from '../src/completions/runCompletionChain.ts';
import type { ChatMessage, CompletionStream, CompletionUsage, ProviderClient } from '../src/providers/ProviderClient.ts';
import { ProviderError } from '../src/providers/ProviderError.ts';
import { createAnthropicClient } from '../src/providers/createAnthropicClient.ts';
import { createOpenAiCompatibleClient } from '../src/providers/createOpenAiCompatibleClient.ts';
import { createProviderClient } from '../src/providers/createProviderClient.ts';
import { loadProviderConfig } from '../src/providers/loadProviderConfig.ts';
import { anthropicSse, openAiSse, startProviderServer, writeSseInPieces } from './providerTestServer.ts';
import type { ProviderTestServer } from './providerTestServer.ts';

const OPENAI_KEY = 'sk-test-SECRET-0123456789abcdef';
const ANTHROPIC_KEY = 'sk-ant-test-SECRET-abcdef0123456789';
const messages: ChatMessage[] = [
  { role: 'SYSTEM', content: 'You are a support assistant.' },
  { role: 'USER', content: 'Where is my order?' },
];
// Multi-byte characters (2, 3 and 4 bytes) so 7-byte pieces split them.
const pieces = ['Grüße', ', your ', 'order ', '日本 ', 'shipped ', '👋'];

/** The SSE of `texts` up to (not including) the finish chunk: a stream that has not ended yet. */
const unfinishedOpenAiSse = (texts: string[]) => openAiSse(texts).split('data: {"id":"chatcmpl-1","object":"chat.completion.chunk","choices":[{"index":0,"delta":{},')[0]!;

const servers: ProviderTestServer[] = [];
async function server(respond: Parameters<typeof startProviderServer>[0]): Promise<ProviderTestServer> {
  const started = await startProviderServer(respond);
  servers.push(started);
  return started;
}
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function collect(stream: CompletionStream): Promise<{ texts: string[]; usage: CompletionUsage }> {
  const texts: string[] = [];
  for (;;) {
    const step = await stream.next();
    if (step.done) return { texts, usage: step.value };
    texts.push(step.value.text);
  }
}

async function runChain(options: Omit<RunCompletionOptions, 'messages'> & { messages?: ChatMessage[] }) {
  const stream = runCompletionChain({ messages, ...options });
  const texts: string[] = [];
  for (;;) {
    const step = await stream.next();
    if (step.done) return { texts, result: step.value as CompletionResult };
    texts.push(step.value.text);
  }
}

const openAi = (baseUrl: string): ProviderClient => createOpenAiCompatibleClient({ flavor: 'openai', provider: 'OPENAI', baseUrl, apiKey: OPENAI_KEY });
const link = (modelId: string, client: ProviderClient): ChainLink => ({
  modelId,
  modelName: `${modelId}-model`,
  client,
  prices: { inputCostPerMillion: 0.15, outputCostPerMillion: 0.6 },
});

/** Everything a leaked key could hide in: message, stack, own properties, cause. */
const everythingAbout = (error: unknown) => `${String(error)} ${inspect(error, { depth: 5 })} ${JSON.stringify(error)}`;

describe('OpenAI-compatible client over real HTTP', () => {
  it('streams the pieces in order across awkward chunk boundaries, then the usage from the final chunk', async () => {
    const provider = await server((_req, res) => writeSseInPieces(res, openAiSse(pieces, { usage: { prompt: 21, completion: 9 }, newline: '\r\n' })));
    const client = openAi(`${provider.url}/v1/`);
    const { texts, usage } = await collect(client.streamCompletion({ model: 'gpt-4o-mini', messages, maxTokens: 256 }));
    expect(texts).toEqual(pieces);
    expect(usage).toEqual({ promptTokens: 21, completionTokens: 9, estimated: false });
    const [request] = provider.requests;
    expect(request).toMatchObject({ method: 'POST', url: '/v1/chat/completions' });
    expect(request!.headers.authorization).toBe(`Bearer ${OPENAI_KEY}`);
    expect(request!.body).toEqual({
      model: 'gpt-4o-mini',
      messages: [
        { role: 'system', content: 'You are a support assistant.' },
        { role: 'user', content: 'Where is my order?' },
      ],
      stream: true,
      stream_options: { include_usage: true },
      max_tokens: 256,
    });
  });

  it('estimates usage (≈ characters / 4) when the server sends none', async () => {
    const provider = await server((_req, res) => writeSseInPieces(res, openAiSse(['abcd', 'efgh', 'i']), { pieceBytes: 13 }));
    const { usage } = await collect(openAi(provider.url).streamCompletion({ model: 'llama3', messages }));
    // Prompt: 28 + 18 characters → 7 + 5 tokens; completion: 9 characters → 3 tokens.
    expect(usage).toEqual({ promptTokens: 12, completionTokens: 3, estimated: true });
  });

  it('speaks Azure: deployment URL, api-version query, api-key header', async () => {
    const provider = await server((_req, res) => writeSseInPieces(res, openAiSse(['ok'], { usage: { prompt: 1, completion: 1 } })));
    const client = createOpenAiCompatibleClient({ flavor: 'azure', provider: 'AZURE_OPENAI', endpoint: provider.url, apiKey: 'azure-key', apiVersion: '2024-10-21' });
    expect((await collect(client.streamCompletion({ model: 'my-deployment', messages }))).texts).toEqual(['ok']);
    expect(provider.requests[0]!.url).toBe('/openai/deployments/my-deployment/chat/completions?api-version=2024-10-21');
    expect(provider.requests[0]!.headers['api-key']).toBe('azure-key');
    expect(provider.requests[0]!.headers.authorization).toBeUndefined();
  });

  it('turns HTTP 401 and 500 into ProviderErrors with the status and a reason, never the key', async () => {
    const provider = await server((req, res) => {
      if (req.body.model === 'unauthorized') {
        res.writeHead(401, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify({
            error: { message: `Incorrect API key provided: ${OPENAI_KEY}. You can find your API key at https://platform.openai.com.`, type: 'invalid_request_error' },
          }),
        );
      } else {
        res.writeHead(500, 'Internal Server Error');
        res.end('upstream exploded');
      }
    });
    const client = openAi(provider.url);
    const unauthorized = await collect(client.streamCompletion({ model: 'unauthorized', messages })).catch((e: unknown) => e);
    expect(unauthorized).toBeInstanceOf(ProviderError);
    expect(unauthorized).toMatchObject({ kind: 'http', status: 401, provider: 'OPENAI' });
    expect((unauthorized as Error).message).toMatch(/^OPENAI http 401: invalid_request_error: Incorrect API key provided: \[redacted\]/);
    expect(everythingAbout(unauthorized)).not.toContain('SECRET');
    const failed = await collect(client.streamCompletion({ model: 'broken', messages })).catch((e: unknown) => e);
    expect(failed).toMatchObject({ kind: 'http', status: 500, message: 'OPENAI http 500: Internal Server Error' });
  });

  it('reports a refused connection as a network error', async () => {
    const gone = await startProviderServer(() => undefined);
    await gone.close();
    const error = await collect(openAi(gone.url).streamCompletion({ model: 'm', messages })).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'ProviderError', kind: 'network' });
    expect((error as Error).message).toContain('ECONNREFUSED');
  });

  it('treats a stream that ends before [DONE] as a protocol error', async () => {
    const provider = await server((_req, res) => writeSseInPieces(res, openAiSse(['half'], { done: false })));
    const stream = openAi(provider.url).streamCompletion({ model: 'm', messages });
    expect(await stream.next()).toEqual({ done: false, value: { text: 'half' } });
    await expect(stream.next()).rejects.toMatchObject({ kind: 'protocol', message: 'OPENAI protocol: the stream ended before [DONE]' });
  });
});

describe('Anthropic client over real HTTP', () => {
  it('streams text deltas in order with usage from message_start and message_delta', async () => {
    const provider = await server((_req, res) => writeSseInPieces(res, anthropicSse(pieces, { input: 31, output: 12 }), { pieceBytes: 5 }));
    const client = createAnthropicClient({ baseUrl: `${provider.url}/`, apiKey: ANTHROPIC_KEY });
    const conversation: ChatMessage[] = [
      ...messages,
      { role: 'ASSISTANT', content: 'Let me check.' },
      { role: 'SYSTEM', content: 'Be brief.' },
      { role: 'USER', content: 'Thanks' },
      { role: 'USER', content: 'Any news?' },
    ];
    const { texts, usage } = await collect(client.streamCompletion({ model: 'claude-sonnet', messages: conversation }));
    expect(texts).toEqual(pieces);
    expect(usage).toEqual({ promptTokens: 31, completionTokens: 12, estimated: false });
    const [request] = provider.requests;
    expect(request!.url).toBe('/v1/messages');
    expect(request!.headers['x-api-key']).toBe(ANTHROPIC_KEY);
    expect(request!.headers['anthropic-version']).toBe('2023-06-01');
    expect(request!.body).toEqual({
      model: 'claude-sonnet',
      max_tokens: 1024,
      stream: true,
      system: 'You are a support assistant.\n\nBe brief.',
      messages: [
        { role: 'user', content: 'Where is my order?' },
        { role: 'assistant', content: 'Let me check.' },
        { role: 'user', content: 'Thanks\n\nAny news?' },
      ],
    });
  });

  it('fails on an error event and on a stream without message_stop', async () => {
    const provider = await server((req, res) =>
      writeSseInPieces(
        res,
        req.body.model === 'overloaded'
          ? anthropicSse([], { input: 1, output: 1 }, { stop: false }).split('event: content_block_start')[0] +
              'event: error\ndata: {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}\n\n'
          : anthropicSse(['cut'], { input: 1, output: 1 }, { stop: false }),
      ),
    );
    const client = createAnthropicClient({ baseUrl: provider.url, apiKey: ANTHROPIC_KEY });
    await expect(collect(client.streamCompletion({ model: 'overloaded', messages }))).rejects.toMatchObject({
      kind: 'upstream',
      message: 'ANTHROPIC upstream: overloaded_error: Overloaded',
    });
    await expect(collect(client.streamCompletion({ model: 'cut', messages }))).rejects.toMatchObject({ kind: 'protocol' });
  });

  it('turns HTTP 401 into a ProviderError without the key', async () => {
    const provider = await server((_req, res) => {
      res.writeHead(401, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ type: 'error', error: { type: 'authentication_error', message: `invalid x-api-key ${ANTHROPIC_KEY}` } }));
    });
    const error = await collect(createAnthropicClient({ baseUrl: provider.url, apiKey: ANTHROPIC_KEY }).streamCompletion({ model: 'm', messages })).catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ kind: 'http', status: 401, message: 'ANTHROPIC http 401: authentication_error: invalid x-api-key [redacted]' });
    expect(everythingAbout(error)).not.toContain('SECRET');
  });
});

describe('fallback chain over real HTTP', () => {
  it('moves to the next model when the first never sends a token, closing the silent connection', async () => {
    const silent = await server((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write(': still thinking\n\n'); // headers and a keep-alive, but never a token
    });
    const answering = await server((_req, res) => writeSseInPieces(res, openAiSse(['Your ', 'order ', 'shipped.'], { usage: { prompt: 40, completion: 3 } })));
    const started = Date.now();
    const { texts, result } = await runChain({
      chain: [link('silent', openAi(silent.url)), link('anthropic', createAnthropicClient({ baseUrl: 'http://127.0.0.1:1', apiKey: 'k' })), link('answering', openAi(answering.url))],
      // Long enough that the answering server's first piece (written in small delayed chunks) always arrives in time
      // on a loaded machine; the silent one still has to be given up on.
      firstTokenTimeoutMs: 2000,
      overallTimeoutMs: 20_000,
    });
    expect(Date.now() - started).toBeGreaterThanOrEqual(1990);
    expect(texts).toEqual(['Your ', 'order ', 'shipped.']);
    expect(result).toMatchObject({
      content: 'Your order shipped.',
      modelId: 'answering',
      promptTokens: 40,
      completionTokens: 3,
      totalTokens: 43,
      costUsd: (40 * 0.15 + 3 * 0.6) / 1e6,
      truncated: false,
      failed: false,
    });
    expect(result.attempts).toEqual([
      { modelId: 'silent', error: { kind: 'timeout', message: 'OPENAI timeout: no first token within 2000 ms' } },
      { modelId: 'anthropic', error: expect.objectContaining({ kind: 'network' }) },
      { modelId: 'answering' },
    ]);
    await expect(withTimeout(silent.requests[0]!.clientClosed, 5000)).resolves.toBe('done');
  });

  it('moves on at once after an HTTP error, and ends truncated when a model fails after its first token', async () => {
    const failing = await server((_req, res) => {
      res.writeHead(503);
      res.end('{"error":"overloaded"}');
    });
    const dropping = await server(async (_req, res) => {
      await writeSseInPieces(res, unfinishedOpenAiSse(['It ', 'left ']), { end: false });
      res.destroy(); // connection lost mid-answer
    });
    const never = await server((_req, res) => writeSseInPieces(res, openAiSse(['unused'])));
    const { texts, result } = await runChain({
      chain: [link('failing', openAi(failing.url)), link('dropping', openAi(dropping.url)), link('never', openAi(never.url))],
      firstTokenTimeoutMs: 2000,
      overallTimeoutMs: 10_000,
    });
    expect(texts).toEqual(['It ', 'left ']);
    expect(result).toMatchObject({ content: 'It left ', modelId: 'dropping', truncated: true, usageEstimated: true, completionTokens: 2 });
    expect(result.attempts).toEqual([
      { modelId: 'failing', error: { kind: 'http', status: 503, message: 'OPENAI http 503: overloaded' } },
      { modelId: 'dropping', error: expect.objectContaining({ kind: 'network' }) },
    ]);
    expect(never.requests).toHaveLength(0);
  });

  it('aborting stops the provider request: the server sees the connection close', async () => {
    const streaming = await server(async (req, res) => {
      await writeSseInPieces(res, unfinishedOpenAiSse(['first ']), { end: false });
      await withTimeout(req.clientClosed, 5000); // would go on streaming for 5 s
      if (!res.destroyed) await writeSseInPieces(res, openAiSse(['late']));
    });
    const controller = new AbortController();
    const stream = runCompletionChain({
      chain: [link('streaming', openAi(streaming.url))],
      messages,
      firstTokenTimeoutMs: 2000,
      overallTimeoutMs: 10_000,
      signal: controller.signal,
    });
    expect((await stream.next()).value).toEqual({ type: 'token', index: 0, text: 'first ' });
    const pending = stream.next();
    controller.abort(new Error('conversation deleted'));
    await expect(pending).rejects.toThrow('conversation deleted');
    // The server would stream on for 5 s; the close reaches it long before that.
    await expect(withTimeout(streaming.requests[0]!.clientClosed, 4000)).resolves.toBe('done');
  });

  it('builds the chain from configuration (createProviderClient) and falls back from an unconfigured kind', async () => {
    const provider = await server((_req, res) => writeSseInPieces(res, openAiSse(['configured'], { usage: { prompt: 2, completion: 1 } })));
    const env = readEnv({ OPENAI_API_KEY: OPENAI_KEY, OPENAI_BASE_URL: `${provider.url}/v1` });
    const config = loadProviderConfig(env);
    env.done();
    const { result } = await runChain({
      chain: [link('anthropic', createProviderClient('ANTHROPIC', null, config)), link('openai', createProviderClient('OPENAI', null, config))],
      firstTokenTimeoutMs: 2000,
      overallTimeoutMs: 10_000,
    });
    expect(result).toMatchObject({ content: 'configured', modelId: 'openai' });
    expect(result.attempts[0]).toEqual({
      modelId: 'anthropic',
      error: { kind: 'not_configured', message: 'ANTHROPIC not_configured: not configured: ANTHROPIC_API_KEY is not set' },
    });
    expect(provider.requests[0]!.url).toBe('/v1/chat/completions');
  });
});

/** 'done' when the promise settles within `ms`, else 'timeout'. */
function withTimeout(promise: Promise<unknown>, ms: number): Promise<'done' | 'timeout'> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve('timeout'), ms);
    void promise.then(() => {
      clearTimeout(timer);
      resolve('done');
    });
  });
}
