import { createServer } from 'node:http';
import type { IncomingHttpHeaders, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A real HTTP server on a free port that plays a provider in the integration tests: it records
 * each request and lets the test script the response (SSE in awkward pieces, errors, silence).
 */
export interface ReceivedRequest {
  method: string;
  /** Path and query. */
  url: string;
  headers: IncomingHttpHeaders;
  body: Record<string, unknown>;
  /** Resolves when the client closes the connection before the response ended. */
  clientClosed: Promise<void>;
}

export interface ProviderTestServer {
  url: string;
  requests: ReceivedRequest[];
  close(): Promise<void>;
}

export type Respond = (request: ReceivedRequest, res: ServerResponse) => Promise<void> | void;

export async function startProviderServer(respond: Respond): Promise<ProviderTestServer> {
  const requests: ReceivedRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      let resolveClosed!: () => void;
      const clientClosed = new Promise<void>((resolve) => (resolveClosed = resolve));
      res.on('close', () => {
        if (!res.writableFinished) resolveClosed();
      });
      const text = Buffer.concat(chunks).toString('utf8');
      const request: ReceivedRequest = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
        clientClosed,
      };
      requests.push(request);
      Promise.resolve(respond(request, res)).catch(() => res.destroy());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Sends `text` as an SSE body in pieces of `pieceBytes` bytes with a pause between them, so lines,
 * CRLFs and multi-byte characters arrive split across reads. Stops quietly if the client went away.
 */
export async function writeSseInPieces(res: ServerResponse, text: string, options: { pieceBytes?: number; delayMs?: number; end?: boolean } = {}) {
  const { pieceBytes = 7, delayMs = 1, end = true } = options;
  if (!res.headersSent) res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  const bytes = Buffer.from(text, 'utf8');
  for (let start = 0; start < bytes.length; start += pieceBytes) {
    if (res.destroyed) return;
    res.write(bytes.subarray(start, start + pieceBytes));
    await pause(delayMs);
  }
  if (end && !res.destroyed) res.end();
}

export function openAiSse(pieces: string[], options: { usage?: { prompt: number; completion: number }; newline?: string; done?: boolean } = {}): string {
  const nl = options.newline ?? '\n';
  const event = (data: unknown) => `data: ${typeof data === 'string' ? data : JSON.stringify(data)}${nl}${nl}`;
  const chunk = (delta: Record<string, unknown>, finish: string | null = null) => ({
    id: 'chatcmpl-1',
    object: 'chat.completion.chunk',
    choices: [{ index: 0, delta, finish_reason: finish }],
    usage: null,
  });
  let body = `: keep-alive${nl}${nl}` + event(chunk({ role: 'assistant', content: '' }));
  for (const piece of pieces) body += event(chunk({ content: piece }));
  body += event(chunk({}, 'stop'));
  if (options.usage) {
    const { prompt, completion } = options.usage;
    body += event({ id: 'chatcmpl-1', choices: [], usage: { prompt_tokens: prompt, completion_tokens: completion, total_tokens: prompt + completion } });
  }
  if (options.done !== false) body += event('[DONE]');
  return body;
}

export function anthropicSse(pieces: string[], usage: { input: number; output: number }, options: { stop?: boolean } = {}): string {
  const event = (type: string, data: Record<string, unknown>) => `event: ${type}\ndata: ${JSON.stringify({ type, ...data })}\n\n`;
  let body =
    event('message_start', {
      message: { id: 'msg_1', type: 'message', role: 'assistant', content: [], model: 'claude', usage: { input_tokens: usage.input, output_tokens: 1 } },
    }) +
    event('content_block_start', { index: 0, content_block: { type: 'text', text: '' } }) +
    event('ping', {});
  for (const text of pieces) body += event('content_block_delta', { index: 0, delta: { type: 'text_delta', text } });
  body += event('content_block_stop', { index: 0 });
  body += event('message_delta', { delta: { stop_reason: 'end_turn', stop_sequence: null }, usage: { output_tokens: usage.output } });
  if (options.stop !== false) body += event('message_stop', {});
  return body;
}
