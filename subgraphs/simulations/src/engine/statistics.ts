export type RunningStatistics = {
  push(value: number): void;
  readonly count: number;
  /** 0 until the first value arrives. */
  readonly mean: number;
  /** Sample variance (divides by n − 1); 0 for fewer than two values. */
  readonly variance: number;
  readonly stdDev: number;
  /** +Infinity / −Infinity until the first value arrives. */
  readonly min: number;
  readonly max: number;
};

/**
 * Welford's online algorithm: one pass, constant memory, and none of the cancellation that
 * `sumOfSquares / n − mean²` suffers when the mean is large next to the spread.
 */
export function createRunningStatistics(): RunningStatistics {
  let count = 0;
  let mean = 0;
  let squaredDeviations = 0;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  const variance = () => (count > 1 ? squaredDeviations / (count - 1) : 0);
  return {
    push(value) {
      count++;
      const delta = value - mean;
      mean += delta / count;
      squaredDeviations += delta * (value - mean);
      if (value < min) min = value;
      if (value > max) max = value;
    },
    get count() {
      return count;
    },
    get mean() {
      return mean;
    },
    get variance() {
      return variance();
    },
    get stdDev() {
      return Math.sqrt(variance());
    },
    get min() {
      return min;
    },
    get max() {
      return max;
    },
  };
}

export type HistogramBin = {
  lower: number;
  upper: number;
  count: number;
};

export type Summary = {
  count: number;
  mean: number;
  stdDev: number;
  min: number;
  max: number;
  p5: number;
  p10: number;
  p25: number;
  p50: number;
  p75: number;
  p90: number;
  p95: number;
  /** Equal-width bins from min to max; each is [lower, upper) except the last, which includes max. */
  histogram: HistogramBin[];
};

/**
 * Summarises finite samples. The input is not modified: percentiles and the histogram work on a
 * sorted copy. Throws RangeError on an empty input (nothing to summarise) or a non-finite value
 * (callers filter those out and count them separately).
 */
export function summarize(samples: Float64Array, bins = 20): Summary {
  if (!Number.isInteger(bins) || bins < 1) {
    throw new RangeError(`bins must be a positive integer, got ${bins}`);
  }
  if (samples.length === 0) {
    throw new RangeError('Cannot summarize an empty sample');
  }
  const running = createRunningStatistics();
  for (let i = 0; i < samples.length; i++) {
    const value = samples[i] as number;
    if (!Number.isFinite(value)) {
      throw new RangeError(`Cannot summarize a non-finite sample (${value} at index ${i})`);
    }
    running.push(value);
  }
  // Float64Array#sort compares numerically, unlike Array#sort's default string order.
  const sorted = samples.slice().sort();
  const at = (p: number) => percentile(sorted, p);
  return {
    count: running.count,
    mean: running.mean,
    stdDev: running.stdDev,
    min: running.min,
    max: running.max,
    p5: at(0.05),
    p10: at(0.1),
    p25: at(0.25),
    p50: at(0.5),
    p75: at(0.75),
    p90: at(0.9),
    p95: at(0.95),
    histogram: histogram(sorted, bins),
  };
}

/** Linear interpolation between closest ranks (R-7, the default of R, NumPy and Excel's PERCENTILE). */
export function percentile(sorted: Float64Array, p: number): number {
  const rank = (sorted.length - 1) * p;
  const below = Math.floor(rank);
  const lower = sorted[below] as number;
  if (below + 1 >= sorted.length) return lower;
  return lower + (rank - below) * ((sorted[below + 1] as number) - lower);
}

function histogram(sorted: Float64Array, bins: number): HistogramBin[] {
  const min = sorted[0] as number;
  const max = sorted[sorted.length - 1] as number;
  if (min === max) return [{ lower: min, upper: max, count: sorted.length }];

  // `span * i / bins` rather than `i * width` keeps round edges round (1..10 in 3 bins gives 4 and
  // 7, not 6.999…); interpolating is the fallback for when max − min overflows the double range.
  const span = max - min;
  const edge = (i: number) => {
    if (i === bins) return max;
    const t = i / bins;
    return Number.isFinite(span) ? min + (span * i) / bins : min * (1 - t) + max * t;
  };
  const result: HistogramBin[] = [];
  let index = 0;
  for (let bin = 0; bin < bins; bin++) {
    const lower = edge(bin);
    const upper = edge(bin + 1);
    const start = index;
    // Walking the sorted copy against the reported edges keeps every count consistent with the
    // bounds a client sees, which dividing by the width would not guarantee at the edges.
    if (bin === bins - 1) index = sorted.length;
    else while (index < sorted.length && (sorted[index] as number) < upper) index++;
    result.push({ lower, upper, count: index - start });
  }
  return result;
}
