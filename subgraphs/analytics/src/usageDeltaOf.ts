import type { PlatformEvent } from '../../kit/src/bus/PlatformEvent.ts';
import { utcDay } from './usageWindow.ts';

/** The events analytics counts; the consumer subscribes to exactly these. */
export const usageEventTypes = ['tenant.created', 'message.created', 'simulation.completed', 'completion.finished'] as const;
export type UsageEventType = (typeof usageEventTypes)[number];

export interface UsageIncrement {
  messages: number;
  simulations: number;
  completions: number;
  tokens: number;
  costUsd: number;
}

/**
 * What one event adds to its tenant's day. `problems` lists data fields that were present but
 * unusable (counted as 0): a publisher bug must show in the logs, never block the stream.
 * `rejected` is for envelopes that cannot be attributed at all (bad id, tenant or time): retrying
 * them would fail the same way forever.
 */
export type UsageDelta =
  | { kind: 'count'; day: string; increment: UsageIncrement; problems: string[] }
  | { kind: 'rejected'; reason: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUsageEventType(type: string): type is UsageEventType {
  return (usageEventTypes as readonly string[]).includes(type);
}

export function usageDeltaOf(event: PlatformEvent): UsageDelta {
  if (!UUID.test(event.id)) return { kind: 'rejected', reason: 'event id is not a UUID' };
  if (!UUID.test(event.tenantId)) return { kind: 'rejected', reason: 'tenantId is not a UUID' };
  if (!isUsageEventType(event.type)) return { kind: 'rejected', reason: `event type ${event.type} is not counted` };
  const occurredAt = new Date(event.occurredAt);
  if (Number.isNaN(occurredAt.getTime())) return { kind: 'rejected', reason: 'occurredAt is not a date' };

  const problems: string[] = [];
  const increment: UsageIncrement = { messages: 0, simulations: 0, completions: 0, tokens: 0, costUsd: 0 };
  switch (event.type) {
    case 'tenant.created':
      // Opens the tenant's first bucket with zeros, so usage exists from day one.
      break;
    case 'message.created':
      increment.messages = 1;
      increment.tokens = wholeNumber(event.data, 'tokenCount', false, problems);
      break;
    case 'simulation.completed':
      increment.simulations = 1;
      break;
    case 'completion.finished':
      increment.completions = 1;
      increment.tokens = wholeNumber(event.data, 'totalTokens', true, problems);
      increment.costUsd = amount(event.data, 'costUsd', true, problems);
      break;
  }
  return { kind: 'count', day: utcDay(occurredAt), increment, problems };
}

function wholeNumber(data: Record<string, unknown>, field: string, required: boolean, problems: string[]): number {
  const value = data[field];
  if (value === undefined || value === null) {
    if (required) problems.push(`data.${field} is missing`);
    return 0;
  }
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    problems.push(`data.${field} must be a non-negative whole number, got ${JSON.stringify(value)}`);
    return 0;
  }
  return value;
}

function amount(data: Record<string, unknown>, field: string, required: boolean, problems: string[]): number {
  const value = data[field];
  if (value === undefined || value === null) {
    if (required) problems.push(`data.${field} is missing`);
    return 0;
  }
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    problems.push(`data.${field} must be a non-negative number, got ${JSON.stringify(value)}`);
    return 0;
  }
  return value;
}
