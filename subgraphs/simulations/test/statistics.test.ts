import { describe, expect, it } from 'vitest';
import { createRunningStatistics, summarize } from '../src/engine/statistics.ts';

describe('createRunningStatistics', () => {
  it('starts empty', () => {
    const stats = createRunningStatistics();
    expect([stats.count, stats.mean, stats.variance, stats.stdDev]).toEqual([0, 0, 0, 0]);
    expect(stats.min).toBe(Number.POSITIVE_INFINITY);
    expect(stats.max).toBe(Number.NEGATIVE_INFINITY);
  });

  it('matches a two-pass computation, even around a large offset', () => {
    const values = [4, 7, 13, 16].map((x) => 1e9 + x);
    const stats = createRunningStatistics();
    for (const value of values) stats.push(value);
    expect(stats.count).toBe(4);
    expect(stats.mean).toBe(1e9 + 10);
    expect(stats.variance).toBeCloseTo(30, 9); // sample variance: (36 + 9 + 9 + 36) / 3
    expect(stats.stdDev).toBeCloseTo(Math.sqrt(30), 9);
    expect([stats.min, stats.max]).toEqual([1e9 + 4, 1e9 + 16]);
  });
});

describe('summarize', () => {
  const shuffled = Float64Array.from([7, 3, 10, 1, 5, 9, 2, 8, 6, 4]);

  it('interpolates percentiles linearly between closest ranks', () => {
    const summary = summarize(shuffled, 3);
    expect(summary).toMatchObject({ count: 10, min: 1, max: 10 });
    expect(summary.mean).toBeCloseTo(5.5, 12);
    expect(summary.stdDev).toBeCloseTo(Math.sqrt(55 / 6), 12);
    expect(summary.p5).toBeCloseTo(1.45, 12);
    expect(summary.p10).toBeCloseTo(1.9, 12);
    expect(summary.p25).toBeCloseTo(3.25, 12);
    expect(summary.p50).toBe(5.5);
    expect(summary.p75).toBeCloseTo(7.75, 12);
    expect(summary.p90).toBeCloseTo(9.1, 12);
    expect(summary.p95).toBeCloseTo(9.55, 12);
  });

  it('leaves its input unsorted', () => {
    const copy = shuffled.slice();
    summarize(shuffled);
    expect(shuffled).toEqual(copy);
  });

  it('bins equal widths from min to max, the last bin including max', () => {
    expect(summarize(shuffled, 3).histogram).toEqual([
      { lower: 1, upper: 4, count: 3 },
      { lower: 4, upper: 7, count: 3 },
      { lower: 7, upper: 10, count: 4 },
    ]);
    const twenty = summarize(shuffled).histogram;
    expect(twenty).toHaveLength(20);
    expect(twenty.reduce((sum, bin) => sum + bin.count, 0)).toBe(10);
    expect(twenty[0]!.lower).toBe(1);
    expect(twenty[19]!.upper).toBe(10);
  });

  it('keeps bins finite when max − min overflows', () => {
    const histogram = summarize(Float64Array.from([-Number.MAX_VALUE, 0, Number.MAX_VALUE]), 2).histogram;
    expect(histogram).toEqual([
      { lower: -Number.MAX_VALUE, upper: 0, count: 1 },
      { lower: 0, upper: Number.MAX_VALUE, count: 2 },
    ]);
  });

  it('uses a single bin when all samples are equal', () => {
    const summary = summarize(Float64Array.from([2, 2, 2]));
    expect(summary).toMatchObject({ mean: 2, stdDev: 0, min: 2, max: 2, p5: 2, p50: 2, p95: 2 });
    expect(summary.histogram).toEqual([{ lower: 2, upper: 2, count: 3 }]);
  });

  it('summarises a single sample', () => {
    expect(summarize(Float64Array.from([-3]))).toMatchObject({ count: 1, mean: -3, stdDev: 0, p25: -3, p75: -3 });
  });

  it('rejects empty input, non-finite samples and a bad bin count', () => {
    expect(() => summarize(new Float64Array(0))).toThrow('Cannot summarize an empty sample');
    expect(() => summarize(Float64Array.from([1, Number.NaN]))).toThrow('non-finite sample (NaN at index 1)');
    expect(() => summarize(Float64Array.from([1]), 0)).toThrow(RangeError);
    expect(() => summarize(Float64Array.from([1]), 2.5)).toThrow(RangeError);
  });
});
