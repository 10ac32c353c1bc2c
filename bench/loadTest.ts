/** A closed-loop HTTP load generator: `concurrency` clients, each sending the next request when the last returns. */
export interface LoadResult {
  requests: number;
  errors: number;
  seconds: number;
  rps: number;
  p50: number;
  p99: number;
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
  latencies.sort((x, y) => x - y);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? Number.NaN;
  return { requests: latencies.length, errors, seconds, rps: latencies.length / seconds, p50: at(0.5), p99: at(0.99) };
}
