import { createRandom } from '../subgraphs/simulations/src/engine/random.ts';
import { runSimulation } from '../subgraphs/simulations/src/engine/runSimulation.ts';
import { summarize } from '../subgraphs/simulations/src/engine/statistics.ts';

/**
 * Monte Carlo iterations per second of the engine (parsed expression, named distributions,
 * progress accounting, summary) against a hand-written typed-array loop doing the same sampling
 * with the same generator and the same summary. The ratio is the figure: what the generality costs.
 */
const spec = {
  variables: [
    { name: 'price', distribution: { kind: 'normal' as const, mean: 10, stdDev: 1 } },
    { name: 'cost', distribution: { kind: 'triangular' as const, min: 4, mode: 6, max: 9 } },
  ],
  expression: 'price - cost',
  seed: 7,
};

function plainLoop(iterations: number, seed: number): number {
  const random = createRandom(seed);
  const out = new Float64Array(iterations);
  const a = 4, c = 6, b = 9;
  const split = (c - a) / (b - a);
  let spare = Number.NaN;
  for (let i = 0; i < iterations; i += 1) {
    // normal(10, 1) by the polar method, keeping the spare deviate
    let z: number;
    if (!Number.isNaN(spare)) {
      z = spare;
      spare = Number.NaN;
    } else {
      let u: number, v: number, s: number;
      do {
        u = random.next() * 2 - 1;
        v = random.next() * 2 - 1;
        s = u * u + v * v;
      } while (s >= 1 || s === 0);
      const f = Math.sqrt((-2 * Math.log(s)) / s);
      z = u * f;
      spare = v * f;
    }
    const price = 10 + z;
    const r = random.next();
    const cost = r < split ? a + Math.sqrt(r * (b - a) * (c - a)) : b - Math.sqrt((1 - r) * (b - a) * (b - c));
    out[i] = price - cost;
  }
  return summarize(out).mean;
}

function rate(fn: () => void, iterations: number, repeats: number): number {
  fn(); // warm up the JIT
  let best = Number.POSITIVE_INFINITY;
  for (let r = 0; r < repeats; r += 1) {
    const t0 = performance.now();
    fn();
    best = Math.min(best, performance.now() - t0);
  }
  return iterations / (best / 1000);
}

export function benchMonteCarlo(iterations = 2_000_000, repeats = 3) {
  const engine = rate(() => void runSimulation({ ...spec, iterations }, { progressEvery: 100_000 }), iterations, repeats);
  const plain = rate(() => void plainLoop(iterations, spec.seed), iterations, repeats);
  return { iterations, engine, plain, ratio: engine / plain };
}
