import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readEnv } from '../../kit/src/config.ts';
import type { Env } from '../../kit/src/config.ts';
import type { ProviderClient } from '../src/providers/ProviderClient.ts';
import { createProviderClient } from '../src/providers/createProviderClient.ts';
import { loadProviderConfig } from '../src/providers/loadProviderConfig.ts';
import { publicOnlyFetch } from '../src/providers/publicOnlyFetch.ts';
import { openAiSse, startProviderServer, writeSseInPieces } from './providerTestServer.ts';
import type { ProviderTestServer } from './providerTestServer.ts';

// A tenant's Ollama/vLLM base URL is tenant data: over real sockets, the platform never connects
// from a row's URL to this host or a private network unless the operator trusts that origin.
describe('provider rows pointing at private addresses', () => {
  let server: ProviderTestServer;
  const port = () => new URL(server.url).port;
  const config = (env: Env = {}) => loadProviderConfig(readEnv({ VLLM_API_KEY: 'vllm-secret', ...env }));
  const collect = async (client: ProviderClient) => {
    let text = '';
    for await (const token of client.streamCompletion({ model: 'm', messages: [{ role: 'USER', content: 'hi' }] })) text += token.text;
    return text;
  };

  beforeAll(async () => {
    server = await startProviderServer((_req, res) => writeSseInPieces(res, openAiSse(['from ', 'inside'])));
  });
  afterAll(async () => {
    await server?.close();
  });

  it('refuses a row URL naming a loopback or private IP, and one whose host name resolves to one, before any request', async () => {
    for (const kind of ['OLLAMA', 'VLLM'] as const) {
      for (const host of ['127.0.0.1', 'localhost', '[::ffff:127.0.0.1]']) {
        const client = createProviderClient(kind, `http://${host}:${port()}/v1`, config());
        await expect(collect(client), `${kind} ${host}`).rejects.toMatchObject({
          name: 'ProviderError',
          kind: 'network',
          message: expect.stringMatching(/private or reserved address/),
        });
      }
    }
    expect(server.requests).toHaveLength(0);
  });

  it('connects where the operator configured or trusted the origin (and only then sends the vLLM key)', async () => {
    const origin = `http://127.0.0.1:${port()}`;
    expect(await collect(createProviderClient('OLLAMA', null, config({ OLLAMA_BASE_URL: `${origin}/v1` })))).toBe('from inside');
    expect(await collect(createProviderClient('OLLAMA', `${origin}/v1`, config({ PROVIDER_TRUSTED_ORIGINS: origin })))).toBe('from inside');
    expect(await collect(createProviderClient('VLLM', `${origin}/v1`, config({ VLLM_BASE_URL: `${origin}/v1` })))).toBe('from inside');
    expect(server.requests).toHaveLength(3);
    expect(server.requests[2]!.headers.authorization).toBe('Bearer vllm-secret');
  });

  it('publicOnlyFetch itself refuses private targets with a fetch TypeError whose cause says why', async () => {
    await expect(publicOnlyFetch(`http://127.0.0.1:${port()}/`)).rejects.toMatchObject({ cause: { code: 'EPRIVATEADDRESS' } });
    await expect(publicOnlyFetch(`http://localhost:${port()}/`)).rejects.toMatchObject({ cause: { code: 'EPRIVATEADDRESS' } });
    await expect(publicOnlyFetch('http://169.254.169.254/latest/meta-data/')).rejects.toMatchObject({ cause: { code: 'EPRIVATEADDRESS' } });
    expect(server.requests).toHaveLength(3);
  });
});
