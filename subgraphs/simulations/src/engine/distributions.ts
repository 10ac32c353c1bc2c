import type { Random } from './random.ts';

/** A probability distribution for one input variable; `kind` selects the parameters. */
export type Distribution =
  | { kind: 'uniform'; min: number; max: number }
  | { kind: 'normal'; mean: number; stdDev: number }
  | { kind: 'triangular'; min: number; mode: number; max: number }
  /** `mu` and `sigma` are the mean and standard deviation of the underlying normal (of ln X). */
  | { kind: 'lognormal'; mu: number; sigma: number };

export type DistributionKind = Distribution['kind'];

const PARAMETERS: Record<DistributionKind, readonly string[]> = {
  uniform: ['min', 'max'],
  normal: ['mean', 'stdDev'],
  triangular: ['min', 'mode', 'max'],
  lognormal: ['mu', 'sigma'],
};

/**
 * Lists every problem with a distribution, each a sentence naming the variable, so a client can
 * fix all of them in one go. An empty list means the distribution can be sampled.
 */
export function validateDistribution(name: string, distribution: Distribution): string[] {
  const label = `Variable ${JSON.stringify(name)}`;
  const kind = (distribution as { kind?: unknown } | null)?.kind;
  if (typeof kind !== 'string' || !Object.hasOwn(PARAMETERS, kind)) {
    return [
      `${label}: unknown distribution kind ${JSON.stringify(kind)}; expected one of ${Object.keys(PARAMETERS).join(', ')}`,
    ];
  }
  const problems: string[] = [];
  const parameters = distribution as unknown as Record<string, unknown>;
  for (const parameter of PARAMETERS[kind as DistributionKind]) {
    const value = parameters[parameter];
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      problems.push(`${label}: ${kind} ${parameter} must be a finite number, got ${String(value)}`);
    }
  }
  // Relations between parameters are only meaningful once each of them is a number.
  if (problems.length > 0) return problems;

  switch (distribution.kind) {
    case 'uniform':
      if (!(distribution.min < distribution.max)) {
        problems.push(`${label}: uniform min (${distribution.min}) must be less than max (${distribution.max})`);
      }
      break;
    case 'normal':
      if (!(distribution.stdDev > 0)) {
        problems.push(`${label}: normal stdDev must be greater than 0, got ${distribution.stdDev}`);
      }
      break;
    case 'triangular': {
      const { min, mode, max } = distribution;
      if (!(min < max)) {
        problems.push(`${label}: triangular min (${min}) must be less than max (${max})`);
      } else if (!(min <= mode && mode <= max)) {
        problems.push(`${label}: triangular mode (${mode}) must lie between min (${min}) and max (${max})`);
      }
      break;
    }
    case 'lognormal':
      if (!(distribution.sigma > 0)) {
        problems.push(`${label}: lognormal sigma must be greater than 0, got ${distribution.sigma}`);
      }
      break;
  }
  return problems;
}

/** Returns a function drawing one value per call. Expects a distribution that validated cleanly. */
export function createSampler(distribution: Distribution, random: Random): () => number {
  switch (distribution.kind) {
    case 'uniform': {
      const { min } = distribution;
      const width = distribution.max - distribution.min;
      return () => min + width * random.next();
    }
    case 'normal': {
      const { mean, stdDev } = distribution;
      const standardNormal = createStandardNormal(random);
      return () => mean + stdDev * standardNormal();
    }
    case 'triangular':
      return createTriangular(distribution.min, distribution.mode, distribution.max, random);
    case 'lognormal': {
      const { mu, sigma } = distribution;
      const standardNormal = createStandardNormal(random);
      return () => Math.exp(mu + sigma * standardNormal());
    }
  }
}

/**
 * Marsaglia's polar method: two normals per accepted pair, no trigonometry. The spare value lives
 * in this closure, so each sampler consumes the shared stream in a fixed, reproducible order.
 */
function createStandardNormal(random: Random): () => number {
  let spare = 0;
  let hasSpare = false;
  return () => {
    if (hasSpare) {
      hasSpare = false;
      return spare;
    }
    let u: number;
    let v: number;
    let s: number;
    do {
      u = 2 * random.next() - 1;
      v = 2 * random.next() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const factor = Math.sqrt((-2 * Math.log(s)) / s);
    spare = v * factor;
    hasSpare = true;
    return u * factor;
  };
}

/** Inverse-CDF sampling: one uniform draw per value. */
function createTriangular(min: number, mode: number, max: number, random: Random): () => number {
  const width = max - min;
  const modeAt = (mode - min) / width;
  const lowerArea = width * (mode - min);
  const upperArea = width * (max - mode);
  return () => {
    const u = random.next();
    return u < modeAt ? min + Math.sqrt(u * lowerArea) : max - Math.sqrt((1 - u) * upperArea);
  };
}
