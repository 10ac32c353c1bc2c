import { describe, expect, it } from 'vitest';
import { ConfigError, readEnv } from '../../kit/src/config.ts';
import type { Env } from '../../kit/src/config.ts';
import type { CompletionStream, ProviderClient } from '../src/providers/ProviderClient.ts';
import { createProviderClient } from '../src/providers/createProviderClient.ts';
import { describeProviderConfig, loadProviderConfig } from '../src/providers/loadProviderConfig.ts';
import type { FetchLike } from '../src/providers/openEventStream.ts';

function configFrom(env: Env) {
  const reader = readEnv(env);
  const config = loadProviderConfig(reader);
  reader.done();
  return config;
}

async function drain(stream: CompletionStream): Promise<string> {
  let text = '';
  for (let step = await stream.next(); !step.done; step = await stream.next()) text += step.value.text;
  return text;
}

const ask = (client: ProviderClient, model = 'm') => client.streamCompletion({ model, messages: [{ role: 'USER', content: 'hello' }] });

/** Records where a request would go and with which headers, answering with an empty completion (no network). */
function recordingFetch() {
  const calls: { url: string; headers: Record<string, string> }[] = [];
  const fetch: FetchLike = async (input, init) => {
    calls.push({ url: String(input), headers: Object.fromEntries(new Headers(init?.headers).entries()) });
    return new Response('data: {"choices":[{"delta":{"content":"hi"}}]}\n\ndata: [DONE]\n\n', {
      headers: { 'content-type': 'text/event-stream' },
    });
  };
  return { calls, fetch };
}

describe('provider configuration', () => {
  it('has working defaults and reports which kinds are usable', () => {
    const config = configFrom({});
    expect(config.openai).toEqual({ apiKey: undefined, baseUrl: 'https://api.openai.com/v1' });
    expect(config.anthropic.baseUrl).toBe('https://api.anthropic.com');
    expect(config.azureOpenai.apiVersion).toBe('2024-10-21');
    expect(config.dialogWordDelayMs).toBe(15);
    expect(describeProviderConfig(config)).toEqual({
      BUILTIN: true,
      OPENAI: false,
      AZURE_OPENAI: false,
      ANTHROPIC: false,
      OLLAMA: false,
      VLLM: false,
    });
    const full = configFrom({
      OPENAI_API_KEY: 'sk-1',
      AZURE_OPENAI_API_KEY: 'az',
      AZURE_OPENAI_ENDPOINT: 'https://x.openai.azure.com',
      ANTHROPIC_API_KEY: 'an',
      OLLAMA_BASE_URL: 'http://localhost:11434/v1',
      VLLM_BASE_URL: 'http://vllm:8000/v1',
    });
    expect(Object.values(describeProviderConfig(full)).every(Boolean)).toBe(true);
    expect(Object.isFrozen(full)).toBe(true);
  });

  it('reports every bad value at once', () => {
    const reader = readEnv({ OPENAI_BASE_URL: 'not a url', OLLAMA_BASE_URL: 'ftp://x', PROVIDER_TRUSTED_ORIGINS: 'https://ok.example, nope', DIALOG_WORD_DELAY_MS: '-1' });
    loadProviderConfig(reader);
    expect(() => reader.done()).toThrow(ConfigError);
    try {
      reader.done();
    } catch (error) {
      expect((error as ConfigError).problems).toEqual([
        'PROVIDER_TRUSTED_ORIGINS has "nope", which is not an http(s) URL',
        'OPENAI_BASE_URL must be a URL, got "not a url"',
        'OLLAMA_BASE_URL must be an http(s) URL',
        'DIALOG_WORD_DELAY_MS must be between 0 and 1000, got -1',
      ]);
    }
  });
});

describe('createProviderClient', () => {
  it('gives BUILTIN the dialog engine', async () => {
    const client = createProviderClient('BUILTIN', null, configFrom({}), { wordDelayMs: 0 });
    expect(client.provider).toBe('BUILTIN');
    expect(await drain(ask(client))).toMatch(/^Hello! I am the virtual assistant/);
  });

  it('fails at call time, as not_configured, for a kind without credentials or base URL', async () => {
    const config = configFrom({});
    for (const kind of ['OPENAI', 'AZURE_OPENAI', 'ANTHROPIC', 'OLLAMA', 'VLLM'] as const) {
      const client = createProviderClient(kind, null, config); // building never throws
      await expect(ask(client).next(), kind).rejects.toMatchObject({ name: 'ProviderError', kind: 'not_configured', provider: kind });
    }
  });

  it("never sends the platform's key to a provider row's untrusted base URL", async () => {
    const { calls, fetch } = recordingFetch();
    const config = configFrom({ OPENAI_API_KEY: 'sk-platform-secret', VLLM_BASE_URL: 'http://vllm.internal:8000/v1', VLLM_API_KEY: 'vllm-secret' });
    await expect(ask(createProviderClient('OPENAI', 'https://attacker.example/v1', config, { fetch })).next()).rejects.toMatchObject({
      kind: 'not_configured',
    });
    expect(calls).toHaveLength(0);

    // vLLM: the tenant's own server is called, without the platform's key.
    expect(await drain(ask(createProviderClient('VLLM', 'https://tenant-vllm.example/v1', config, { fetch })))).toBe('hi');
    expect(calls[0]).toMatchObject({ url: 'https://tenant-vllm.example/v1/chat/completions' });
    expect(calls[0]!.headers.authorization).toBeUndefined();
    // …and with it at the configured origin.
    await drain(ask(createProviderClient('VLLM', null, config, { fetch })));
    expect(calls[1]!.headers.authorization).toBe('Bearer vllm-secret');
  });

  it('sends the key to an origin listed in PROVIDER_TRUSTED_ORIGINS, and uses the row URL there', async () => {
    const { calls, fetch } = recordingFetch();
    const config = configFrom({ OPENAI_API_KEY: 'sk-platform-secret', PROVIDER_TRUSTED_ORIGINS: 'https://proxy.example' });
    await drain(ask(createProviderClient('OPENAI', 'https://proxy.example/openai/v1/', config, { fetch })));
    expect(calls[0]).toEqual({
      url: 'https://proxy.example/openai/v1/chat/completions',
      headers: expect.objectContaining({ authorization: 'Bearer sk-platform-secret' }),
    });
  });

  it('builds Azure deployment URLs with the api-version and the api-key header', async () => {
    const { calls, fetch } = recordingFetch();
    const config = configFrom({ AZURE_OPENAI_API_KEY: 'az-secret', AZURE_OPENAI_ENDPOINT: 'https://acme.openai.azure.com/', AZURE_OPENAI_API_VERSION: '2024-10-21' });
    await drain(ask(createProviderClient('AZURE_OPENAI', null, config, { fetch }), 'gpt 4o/mini'));
    expect(calls[0]!.url).toBe('https://acme.openai.azure.com/openai/deployments/gpt%204o%2Fmini/chat/completions?api-version=2024-10-21');
    expect(calls[0]!.headers['api-key']).toBe('az-secret');
    expect(calls[0]!.headers.authorization).toBeUndefined();
  });

  it('refuses a row base URL that is not http(s)', async () => {
    const client = createProviderClient('OLLAMA', 'file:///etc/passwd', configFrom({}));
    await expect(ask(client).next()).rejects.toMatchObject({ kind: 'not_configured' });
  });
});
