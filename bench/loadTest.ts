/** A closed-loop HTTP load generator: `concurrency` clients, each sending the next request when the last returns. */
export interface LoadResult {
  requests: number;
  errors: number;
  seconds: number;
  rps: number;
  p50: number;
  p99: number;
  /** Every request's latency in ms, sorted. */
  latencies: number[];
}

export async function loadTest(options: {
  url: string;
  body: string;
  headers: Record<string, string>;
  concurrency: number;
  durationMs: number;
  /** Checks a response; false counts as an error. */
  check?: (status: number, text: string) => boolean;
}): Promise<LoadResult> {
  const latencies: number[] = [];
  let errors = 0;
  const deadline = performance.now() + options.durationMs;
  const started = performance.now();
  const client = async () => {
    while (performance.now() < deadline) {
      const t0 = performance.now();
      try {
        const response = await fetch(options.url, { method: 'POST', headers: { 'content-type': 'application/json', ...options.headers }, body: options.body });
        const text = await response.text();
        if (options.check && !options.check(response.status, text)) errors += 1;
      } catch {
        errors += 1;
      }
      latencies.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, client));
  const seconds = (performance.now() - started) / 1000;
  return summarize(latencies, errors, seconds);
}

function summarize(latencies: number[], errors: number, seconds: number): LoadResult {
  latencies.sort((x, y) => x - y);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? Number.NaN;
  return { requests: latencies.length, errors, seconds, rps: latencies.length / seconds, p50: at(0.5), p99: at(0.99), latencies };
}

/**
 * Measures two setups in alternating rounds (a, b, a, b, ...), `durationMs` in all for each, so
 * drift of the machine over the run (caches, other load) falls on both alike rather than on
 * whichever runs second. Returns each side's rounds combined and each round's rate.
 */
export async function alternateLoad(
  a: (durationMs: number) => Promise<LoadResult>,
  b: (durationMs: number) => Promise<LoadResult>,
  options: { durationMs: number; rounds?: number },
): Promise<{ a: LoadResult; b: LoadResult; roundsA: number[]; roundsB: number[] }> {
  const rounds = options.rounds ?? 4;
  const each = options.durationMs / rounds;
  const resultsA: LoadResult[] = [];
  const resultsB: LoadResult[] = [];
  for (let round = 0; round < rounds; round += 1) {
    resultsA.push(await a(each));
    resultsB.push(await b(each));
  }
  const combine = (results: LoadResult[]) =>
    summarize(
      results.flatMap((r) => r.latencies),
      results.reduce((sum, r) => sum + r.errors, 0),
      results.reduce((sum, r) => sum + r.seconds, 0),
    );
  return { a: combine(resultsA), b: combine(resultsB), roundsA: resultsA.map((r) => r.rps), roundsB: resultsB.map((r) => r.rps) };
}
