import { badInput } from '../../../kit/src/errors.ts';
import { isUuid } from '../../../kit/src/isUuid.ts';
import type { ProviderKindName } from '../entities/Provider.ts';

/** Input rules of the models subgraph, as pure functions: each returns the clean value or throws BAD_USER_INPUT. */

export const LIMITS = {
  providerName: 100,
  modelName: 200,
  baseUrl: 2048,
  contextWindow: { min: 1, max: 10_000_000, fallback: 128_000 },
  firstTokenTimeoutMs: { min: 100, max: 120_000, fallback: 15_000 },
  fallbackChain: 5,
} as const;

export function requireText(field: string, value: string, max: number): string {
  const trimmed = value.trim();
  if (trimmed.length < 1 || trimmed.length > max) throw badInput(`\`${field}\` must be 1 to ${max} characters`, { field });
  return trimmed;
}

/** An id the store can look up; anything else would be a driver error, so it is refused here, by name. */
export function requireId(field: string, value: string): string {
  if (!isUuid(value)) throw badInput(`\`${field}\` ${JSON.stringify(value)} is not a valid id`, { field, id: value });
  return value.toLowerCase();
}

/**
 * http or https, without user or password (credentials come from configuration, and a URL is shown
 * to every member of the tenant). Blank means "the provider's default". BUILTIN calls no API.
 */
export function baseUrlFor(kind: ProviderKindName, value: string | null | undefined): string | null {
  const trimmed = value?.trim() ?? '';
  if (trimmed === '') return null;
  if (kind === 'BUILTIN') throw badInput('`baseUrl` must be null for a BUILTIN provider', { field: 'baseUrl' });
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    throw badInput('`baseUrl` must be an http or https URL', { field: 'baseUrl' });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw badInput('`baseUrl` must be an http or https URL', { field: 'baseUrl' });
  if (url.username || url.password) throw badInput('`baseUrl` must not contain credentials', { field: 'baseUrl' });
  if (url.href.length > LIMITS.baseUrl) throw badInput(`\`baseUrl\` must be at most ${LIMITS.baseUrl} characters`, { field: 'baseUrl' });
  return url.href;
}

export function intInRange(field: string, value: number | null | undefined, range: { min: number; max: number; fallback: number }): number {
  const v = value ?? range.fallback;
  if (!Number.isInteger(v) || v < range.min || v > range.max) {
    throw badInput(`\`${field}\` must be an integer from ${range.min} to ${range.max}`, { field });
  }
  return v;
}

/** A price in US dollars per million tokens: finite and not negative; null means the default, 0. */
export function cost(field: string, value: number | null | undefined): number {
  const v = value ?? 0;
  if (!Number.isFinite(v) || v < 0) throw badInput(`\`${field}\` must be a finite number of 0 or more`, { field });
  return v;
}

/** The fallback chain's own rules; that every id is a model of the tenant is checked against the store. */
export function fallbackChain(defaultModelId: string, ids: readonly string[] | null | undefined): string[] {
  const chain = (ids ?? []).map((id) => requireId('fallbackModelIds', id));
  if (chain.length > LIMITS.fallbackChain) {
    throw badInput(`\`fallbackModelIds\` may name at most ${LIMITS.fallbackChain} models`, { field: 'fallbackModelIds' });
  }
  const seen = new Set<string>();
  for (const id of chain) {
    if (id === defaultModelId) throw badInput(`\`fallbackModelIds\` must not contain the default model ${id}`, { field: 'fallbackModelIds', id });
    if (seen.has(id)) throw badInput(`\`fallbackModelIds\` names model ${id} twice`, { field: 'fallbackModelIds', id });
    seen.add(id);
  }
  return chain;
}
