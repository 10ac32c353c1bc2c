import type { Usage, UsageDay } from './generated/resolvers.ts';

export const MIN_USAGE_DAYS = 1;
export const MAX_USAGE_DAYS = 366;

const DAY_MS = 86_400_000;

/** The UTC calendar day of an instant, as YYYY-MM-DD (the bucket key of usage_daily). */
export function utcDay(instant: Date): string {
  return instant.toISOString().slice(0, 10);
}

/** The `days` UTC days ending with today's, oldest first. */
export function windowDays(now: Date, days: number): string[] {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return Array.from({ length: days }, (_, i) => utcDay(new Date(today - (days - 1 - i) * DAY_MS)));
}

export interface UsageTotals {
  messages: number;
  simulations: number;
  completions: number;
  tokens: number;
  costUsd: number;
}

export const zeroTotals: UsageTotals = Object.freeze({ messages: 0, simulations: 0, completions: 0, tokens: 0, costUsd: 0 });

/** Totals plus the window, every day present (zeros where nothing happened), oldest first. */
export function toUsage(totals: UsageTotals, buckets: ReadonlyMap<string, UsageTotals>, window: readonly string[]): Usage {
  const daily: UsageDay[] = window.map((date) => {
    const b = buckets.get(date) ?? zeroTotals;
    return {
      date,
      messages: b.messages,
      simulations: b.simulations,
      completions: b.completions,
      tokens: b.tokens,
      costUsd: b.costUsd,
    };
  });
  return {
    messagesTotal: totals.messages,
    simulationsTotal: totals.simulations,
    completionsTotal: totals.completions,
    tokensTotal: totals.tokens,
    costUsd: totals.costUsd,
    daily,
  };
}
