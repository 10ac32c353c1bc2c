export type Random = {
  /** A uniformly distributed number in [0, 1) with 32 bits of resolution. */
  next(): number;
};

const TWO_POW_32 = 4294967296;

/**
 * A seeded sfc32 generator. Only 32-bit integer operations (`| 0`, `>>>`, `Math.imul`) are used,
 * so the sequence is the same on every platform and Node version — which is what makes a stored
 * simulation reproducible from its seed.
 *
 * Any safe integer is accepted as a seed: the low and high 32 bits both feed splitmix32, so
 * seeds such as `Date.now()` do not collide just because their low bits agree.
 */
export function createRandom(seed: number): Random {
  if (!Number.isSafeInteger(seed)) {
    throw new RangeError(`Seed must be a safe integer, got ${seed}`);
  }
  let mixState = (seed >>> 0) ^ Math.imul(Math.floor(seed / TWO_POW_32) >>> 0, 0x9e3779b1);
  const splitmix32 = (): number => {
    mixState = (mixState + 0x9e3779b9) | 0;
    let z = mixState;
    z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
    z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
    return (z ^ (z >>> 15)) | 0;
  };

  let a = splitmix32();
  let b = splitmix32();
  let c = splitmix32();
  let d = splitmix32();

  const nextInt32 = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t;
  };
  // sfc32's authors discard the first outputs so that similar seeds have diverged by the time
  // anything is used.
  for (let i = 0; i < 15; i++) nextInt32();

  return { next: () => (nextInt32() >>> 0) / TWO_POW_32 };
}
