/**
 * Why a provider call failed, in a form that is safe to log and to store in an attempt list:
 * a kind, the HTTP status when there was one, and a short reason with every known secret removed.
 */
export const providerErrorKinds = [
  /** The provider answered with a non-2xx status. */
  'http',
  /** Connection refused/reset, DNS, TLS, or the body stream broke. */
  'network',
  /** The provider reported an error inside the stream (an SSE `error` event or `{ error }` chunk). */
  'upstream',
  /** The response did not follow the protocol (bad JSON, stream ended early, oversized event). */
  'protocol',
  /** No credentials or base URL are configured for the provider kind. */
  'not_configured',
  /** The caller's AbortSignal fired. */
  'aborted',
  /** A deadline of the fallback runner passed. */
  'timeout',
  /** The provider finished without producing any text. */
  'empty',
] as const;
export type ProviderErrorKind = (typeof providerErrorKinds)[number];

export interface ProviderErrorOptions {
  status?: number;
  cause?: unknown;
}

export class ProviderError extends Error {
  readonly kind: ProviderErrorKind;
  readonly provider: string;
  readonly status: number | undefined;
  constructor(provider: string, kind: ProviderErrorKind, reason: string, options: ProviderErrorOptions = {}) {
    const status = options.status === undefined ? '' : ` ${options.status}`;
    super(`${provider} ${kind}${status}: ${reason}`, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'ProviderError';
    this.kind = kind;
    this.provider = provider;
    this.status = options.status;
  }
}

const maxReasonLength = 200;

/**
 * Shortens a provider-supplied reason and removes the given secrets from it: providers echo parts
 * of a rejected key ("Incorrect API key provided: sk-…"), and error reasons end up in logs and events.
 */
export function redactReason(reason: string, secrets: readonly (string | undefined)[]): string {
  let text = reason.replace(/\s+/g, ' ').trim();
  for (const secret of secrets) {
    if (secret && secret.length >= 4) text = text.split(secret).join('[redacted]');
  }
  // Key-shaped tokens (sk-…, sk-ant-…) even when they are not the configured key.
  text = text.replace(/\b(sk|sk-ant|sk-proj)-[A-Za-z0-9_*.-]{4,}/g, '[redacted]');
  return text.length > maxReasonLength ? `${text.slice(0, maxReasonLength - 1)}…` : text;
}

/** Pulls the human reason out of the error bodies the supported providers send. */
export function reasonFromErrorBody(body: string): string | undefined {
  try {
    const parsed: unknown = JSON.parse(body);
    if (typeof parsed !== 'object' || parsed === null) return undefined;
    const error = (parsed as { error?: unknown }).error;
    if (typeof error === 'string') return error; // Ollama, vLLM
    if (typeof error === 'object' && error !== null) {
      const { message, type } = error as { message?: unknown; type?: unknown };
      if (typeof message === 'string') return typeof type === 'string' ? `${type}: ${message}` : message;
    }
    const message = (parsed as { message?: unknown }).message;
    return typeof message === 'string' ? message : undefined;
  } catch {
    return undefined;
  }
}

/** A short, secret-free description of any error for an attempt record or a log line. */
export function describeProviderFailure(error: unknown): { kind: ProviderErrorKind | 'internal'; status?: number; message: string } {
  if (error instanceof ProviderError) {
    return error.status === undefined
      ? { kind: error.kind, message: error.message }
      : { kind: error.kind, status: error.status, message: error.message };
  }
  return { kind: 'internal', message: redactReason(error instanceof Error ? error.message : String(error), []) };
}
