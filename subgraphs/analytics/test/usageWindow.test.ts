import { describe, expect, it } from 'vitest';
import { toUsage, utcDay, windowDays, zeroTotals } from '../src/usageWindow.ts';

describe('usage window', () => {
  it('lists the last N UTC days, today last', () => {
    // 00:30 in UTC+2 is still the previous UTC day.
    const now = new Date('2024-03-01T00:30:00+02:00');
    expect(utcDay(now)).toBe('2024-02-29');
    expect(windowDays(now, 1)).toEqual(['2024-02-29']);
    expect(windowDays(now, 3)).toEqual(['2024-02-27', '2024-02-28', '2024-02-29']);
    const year = windowDays(new Date('2025-01-01T12:00:00Z'), 366);
    expect(year).toHaveLength(366);
    expect(year[0]).toBe('2024-01-02'); // 2024 is a leap year: 366 days back from 2025-01-01, today included
    expect(new Set(year).size).toBe(366);
  });

  it('zero-fills days without a bucket, keeps totals all-time', () => {
    const bucket = { messages: 2, simulations: 1, completions: 0, tokens: 30, costUsd: 0.5 };
    const usage = toUsage(
      { messages: 10, simulations: 3, completions: 1, tokens: 99, costUsd: 1.25 },
      new Map([['2024-02-28', bucket]]),
      ['2024-02-27', '2024-02-28', '2024-02-29'],
    );
    expect(usage).toMatchObject({ messagesTotal: 10, simulationsTotal: 3, completionsTotal: 1, tokensTotal: 99, costUsd: 1.25 });
    expect(usage.daily).toEqual([
      { date: '2024-02-27', ...zeroTotals },
      { date: '2024-02-28', ...bucket },
      { date: '2024-02-29', ...zeroTotals },
    ]);
  });
});
