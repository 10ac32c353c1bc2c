/**
 * The gateway is healthy only when every subgraph answers its /health. Results are kept for a
 * second so that a burst of probes costs one round of checks.
 */
export function createSubgraphHealth(options: { subgraphUrls: Readonly<Record<string, string>>; timeoutMs?: number; cacheMs?: number }) {
  const timeoutMs = options.timeoutMs ?? 1_500;
  const cacheMs = options.cacheMs ?? 1_000;
  let last: { at: number; value: Promise<{ ok: boolean; details: Record<string, unknown> }> } | undefined;

  async function probe(url: string): Promise<string> {
    const healthUrl = new URL('/health', url);
    try {
      const response = await fetch(healthUrl, { signal: AbortSignal.timeout(timeoutMs) });
      await response.body?.cancel();
      return response.ok ? 'ok' : `status ${response.status}`;
    } catch (error) {
      return error instanceof Error ? `unreachable (${error.name})` : 'unreachable';
    }
  }

  async function check() {
    const entries = await Promise.all(
      Object.entries(options.subgraphUrls).map(async ([name, url]) => [name, await probe(url)] as const),
    );
    const subgraphs = Object.fromEntries(entries);
    return { ok: entries.every(([, status]) => status === 'ok'), details: { subgraphs } };
  }

  return function health() {
    const now = Date.now();
    if (!last || now - last.at > cacheMs) last = { at: now, value: check() };
    return last.value;
  };
}
