import type { ProviderKindName } from '../entities/Provider.ts';
import type { DialogFlow } from './DialogFlow.ts';
import type { CompletionStream, ProviderClient } from './ProviderClient.ts';
import { ProviderError } from './ProviderError.ts';
import { createAnthropicClient } from './createAnthropicClient.ts';
import { createDialogFlowClient } from './createDialogFlowClient.ts';
import { createOpenAiCompatibleClient } from './createOpenAiCompatibleClient.ts';
import { originOf } from './loadProviderConfig.ts';
import { publicOnlyFetch } from './publicOnlyFetch.ts';
import type { ProviderConfig } from './loadProviderConfig.ts';
import type { FetchLike } from './openEventStream.ts';

export interface ProviderClientOptions {
  /** The tenant's dialog flow, for BUILTIN; the demo flow when absent. */
  dialogFlow?: DialogFlow;
  /** Overrides config.dialogWordDelayMs (tests use 0). */
  wordDelayMs?: number;
  /** Replaces the network (tests), including the public-only fetch of untrusted keyless rows. */
  fetch?: FetchLike;
}

/**
 * The client for a provider row: its kind picks the protocol, its `baseUrl` (when set) overrides the
 * configured one. Nothing fails here: a kind that lacks credentials or a base URL gets a client whose
 * every call fails with `not_configured`, so a fallback chain simply moves on to its next model.
 *
 * A row's baseUrl is tenant data. The platform's key goes only to a configured origin or one listed
 * in PROVIDER_TRUSTED_ORIGINS; otherwise OpenAI/Azure/Anthropic are "not configured" for that row.
 * Ollama and vLLM rows elsewhere are called without a key and only on public addresses
 * (publicOnlyFetch): a tenant cannot point the platform at its own network or cloud metadata.
 */
export function createProviderClient(
  kind: ProviderKindName,
  baseUrl: string | null,
  config: ProviderConfig,
  options: ProviderClientOptions = {},
): ProviderClient {
  const { fetch } = options;
  const rowUrl = baseUrl?.trim() || undefined;
  if (rowUrl !== undefined && !originOf(rowUrl) && kind !== 'BUILTIN') {
    return notConfigured(kind, 'the provider base URL is not an http(s) URL');
  }
  const trusted = (configured: string | undefined) => {
    if (rowUrl === undefined) return true;
    const origin = originOf(rowUrl);
    return origin !== undefined && (origin === (configured && originOf(configured)) || config.trustedOrigins.includes(origin));
  };
  switch (kind) {
    case 'BUILTIN':
      return createDialogFlowClient({ flow: options.dialogFlow, wordDelayMs: options.wordDelayMs ?? config.dialogWordDelayMs });
    case 'OPENAI': {
      const { apiKey } = config.openai;
      if (!apiKey) return notConfigured(kind, 'OPENAI_API_KEY is not set');
      if (!trusted(config.openai.baseUrl)) return notConfigured(kind, untrustedReason);
      // OpenAI itself wants max_completion_tokens; a compatible server behind a row URL may not know it.
      const official = originOf(rowUrl ?? config.openai.baseUrl) === 'https://api.openai.com';
      return createOpenAiCompatibleClient({
        flavor: 'openai',
        provider: kind,
        baseUrl: rowUrl ?? config.openai.baseUrl,
        apiKey,
        fetch,
        maxTokensField: official ? 'max_completion_tokens' : 'max_tokens',
      });
    }
    case 'AZURE_OPENAI': {
      const { apiKey, apiVersion } = config.azureOpenai;
      const endpoint = rowUrl ?? config.azureOpenai.endpoint;
      if (!apiKey) return notConfigured(kind, 'AZURE_OPENAI_API_KEY is not set');
      if (!endpoint) return notConfigured(kind, 'AZURE_OPENAI_ENDPOINT is not set');
      if (!trusted(config.azureOpenai.endpoint)) return notConfigured(kind, untrustedReason);
      return createOpenAiCompatibleClient({ flavor: 'azure', provider: kind, endpoint, apiKey, apiVersion, fetch });
    }
    case 'ANTHROPIC': {
      const { apiKey } = config.anthropic;
      if (!apiKey) return notConfigured(kind, 'ANTHROPIC_API_KEY is not set');
      if (!trusted(config.anthropic.baseUrl)) return notConfigured(kind, untrustedReason);
      return createAnthropicClient({ provider: kind, baseUrl: rowUrl ?? config.anthropic.baseUrl, apiKey, fetch });
    }
    case 'OLLAMA': {
      const url = rowUrl ?? config.ollama.baseUrl;
      if (!url) return notConfigured(kind, 'OLLAMA_BASE_URL is not set');
      const guarded = !trusted(config.ollama.baseUrl);
      return createOpenAiCompatibleClient({ flavor: 'openai', provider: kind, baseUrl: url, fetch: guarded ? (fetch ?? publicOnlyFetch) : fetch });
    }
    case 'VLLM': {
      const url = rowUrl ?? config.vllm.baseUrl;
      if (!url) return notConfigured(kind, 'VLLM_BASE_URL is not set');
      const guarded = !trusted(config.vllm.baseUrl);
      const apiKey = guarded ? undefined : config.vllm.apiKey;
      return createOpenAiCompatibleClient({ flavor: 'openai', provider: kind, baseUrl: url, apiKey, fetch: guarded ? (fetch ?? publicOnlyFetch) : fetch });
    }
  }
}

const untrustedReason = "the provider's base URL is not a configured or trusted origin (PROVIDER_TRUSTED_ORIGINS)";

/** A client that fails at call time, so the failure is recorded as an attempt and the chain moves on. */
export function notConfigured(provider: string, reason: string): ProviderClient {
  return {
    provider,
    async *streamCompletion(): CompletionStream {
      throw new ProviderError(provider, 'not_configured', `not configured: ${reason}`);
    },
  };
}
