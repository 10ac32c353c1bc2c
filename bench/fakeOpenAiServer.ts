import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Microseconds since the epoch on this machine's clock (the benchmark's one clock). */
export const nowMicros = () => Math.round((performance.timeOrigin + performance.now()) * 1000);

export interface FakeOpenAiServer {
  /** Base URL including the API version path, as OPENAI_BASE_URL expects. */
  baseUrl: string;
  origin: string;
  /** Completions requested so far. */
  requests(): number;
  close(): Promise<void>;
}

/**
 * A local OpenAI-compatible chat-completions server (POST /v1/chat/completions, stream: true over
 * SSE) that emits `tokens` tokens, one every `intervalMs`, each token's text being `t<epochMicros> `
 * stamped when it is written, so a client on the same machine can compute provider-to-client latency.
 * A last user message containing "warmup" gets only 3 tokens (used to check subscribers are live).
 */
export async function startFakeOpenAiServer(options: { tokens: number; intervalMs: number }): Promise<FakeOpenAiServer> {
  let count = 0;
  const server = createServer((req, res) => {
    if (req.method !== 'POST' || !req.url?.endsWith('/chat/completions')) {
      res.writeHead(404).end();
      return;
    }
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      count += 1;
      let tokens = options.tokens;
      try {
        const body = JSON.parse(Buffer.concat(chunks).toString()) as { messages?: { role: string; content: string }[] };
        const lastUser = body.messages?.filter((m) => m.role === 'user').at(-1)?.content ?? '';
        if (lastUser.includes('warmup')) tokens = 3;
      } catch {
        // a malformed body still gets a stream; the benchmark only cares about timing
      }
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
      const send = (data: unknown) => res.write(`data: ${typeof data === 'string' ? data : JSON.stringify(data)}\n\n`);
      const start = performance.now();
      let sent = 0;
      // Absolute schedule (start + i × interval) so timer drift does not slow the pace down.
      const tick = () => {
        if (res.destroyed) return;
        send({ choices: [{ index: 0, delta: { content: `t${nowMicros()} ` } }] });
        sent += 1;
        if (sent < tokens) {
          setTimeout(tick, Math.max(0, start + sent * options.intervalMs - performance.now()));
          return;
        }
        send({ choices: [], usage: { prompt_tokens: 10, completion_tokens: tokens } });
        send('[DONE]');
        res.end();
      };
      tick();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    baseUrl: `${origin}/v1`,
    origin,
    requests: () => count,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
