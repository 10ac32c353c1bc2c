import type { EnvReader } from '../../../kit/src/config.ts';

/**
 * Provider credentials and endpoints, read once from the environment. Keys live only here (never
 * in the database, logs or events). Base URLs of the OpenAI-compatible servers include the API
 * version path (https://api.openai.com/v1, http://localhost:11434/v1); Anthropic's does not.
 */
export interface ProviderConfig {
  readonly openai: { readonly apiKey: string | undefined; readonly baseUrl: string };
  readonly azureOpenai: { readonly apiKey: string | undefined; readonly endpoint: string | undefined; readonly apiVersion: string };
  readonly anthropic: { readonly apiKey: string | undefined; readonly baseUrl: string };
  readonly ollama: { readonly baseUrl: string | undefined };
  readonly vllm: { readonly baseUrl: string | undefined; readonly apiKey: string | undefined };
  /**
   * Origins, besides the configured base URLs, that a provider row's `baseUrl` may point at and still
   * receive the platform's key. Rows are tenant data: an untrusted origin must never get the key.
   */
  readonly trustedOrigins: readonly string[];
  /** Pause between the built-in engine's words. */
  readonly dialogWordDelayMs: number;
  /** Upper bound on one whole completion, all fallbacks included. */
  readonly completionTimeoutMs: number;
}

export const providerConfigDefaults = {
  openaiBaseUrl: 'https://api.openai.com/v1',
  anthropicBaseUrl: 'https://api.anthropic.com',
  azureApiVersion: '2024-10-21',
  dialogWordDelayMs: 15,
  completionTimeoutMs: 120_000,
} as const;

export function loadProviderConfig(env: EnvReader): ProviderConfig {
  const trustedOrigins: string[] = [];
  for (const entry of (env.optional('PROVIDER_TRUSTED_ORIGINS') ?? '').split(',')) {
    const value = entry.trim();
    if (value === '') continue;
    const origin = originOf(value);
    if (origin) trustedOrigins.push(origin);
    else env.problem(`PROVIDER_TRUSTED_ORIGINS has ${JSON.stringify(value)}, which is not an http(s) URL`);
  }
  const httpUrl = (name: string, fallback?: string) => {
    const value = env.url(name, fallback);
    // env.url already reported a value that is no URL at all; this catches file:, ftp: and the like.
    if (value !== undefined && URL.canParse(value) && !originOf(value)) env.problem(`${name} must be an http(s) URL`);
    return value;
  };
  return Object.freeze({
    openai: Object.freeze({
      apiKey: env.optional('OPENAI_API_KEY'),
      baseUrl: httpUrl('OPENAI_BASE_URL', providerConfigDefaults.openaiBaseUrl) ?? providerConfigDefaults.openaiBaseUrl,
    }),
    azureOpenai: Object.freeze({
      apiKey: env.optional('AZURE_OPENAI_API_KEY'),
      endpoint: httpUrl('AZURE_OPENAI_ENDPOINT'),
      apiVersion: env.optional('AZURE_OPENAI_API_VERSION') ?? providerConfigDefaults.azureApiVersion,
    }),
    anthropic: Object.freeze({
      apiKey: env.optional('ANTHROPIC_API_KEY'),
      baseUrl: httpUrl('ANTHROPIC_BASE_URL', providerConfigDefaults.anthropicBaseUrl) ?? providerConfigDefaults.anthropicBaseUrl,
    }),
    ollama: Object.freeze({ baseUrl: httpUrl('OLLAMA_BASE_URL') }),
    vllm: Object.freeze({ baseUrl: httpUrl('VLLM_BASE_URL'), apiKey: env.optional('VLLM_API_KEY') }),
    trustedOrigins: Object.freeze(trustedOrigins),
    dialogWordDelayMs: env.int('DIALOG_WORD_DELAY_MS', providerConfigDefaults.dialogWordDelayMs, { min: 0, max: 1000 }),
    completionTimeoutMs: env.int('COMPLETION_TIMEOUT_MS', providerConfigDefaults.completionTimeoutMs, { min: 1000, max: 600_000 }),
  });
}

/** Which provider kinds can be called without a row-level base URL; for health details, never secrets. */
export function describeProviderConfig(config: ProviderConfig): Record<string, boolean> {
  return {
    BUILTIN: true,
    OPENAI: config.openai.apiKey !== undefined,
    AZURE_OPENAI: config.azureOpenai.apiKey !== undefined && config.azureOpenai.endpoint !== undefined,
    ANTHROPIC: config.anthropic.apiKey !== undefined,
    OLLAMA: config.ollama.baseUrl !== undefined,
    VLLM: config.vllm.baseUrl !== undefined,
  };
}

/** `scheme://host[:port]` of an http(s) URL, or undefined for anything else. */
export function originOf(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.origin : undefined;
  } catch {
    return undefined;
  }
}
