import type { ProcessMemory, StreamingFigures } from './streaming.bench.ts';

/** The figures as bench/run.ts prints them. */
export function printStreamingFigures(f: StreamingFigures): void {
  const fixed = (n: number) => n.toFixed(1);
  console.log(`\nChat tokens through the gateway: local OpenAI-compatible server, ${f.tokens} tokens every ${f.intervalMs} ms, one conversation, N graphql-ws subscribers`);
  console.table(
    Object.fromEntries(
      f.fanOut.map((r) => [
        `N = ${r.subscribers}`,
        { 'tokens/s (all subscribers)': Math.round(r.tokensPerSecond), delivered: `${r.deliveredTokens}/${r.expectedTokens}`, p50_ms: fixed(r.p50Ms), p99_ms: fixed(r.p99Ms), max_ms: fixed(r.maxMs),
          ...Object.fromEntries(Object.entries(r.cpuPercent).map(([n, v]) => [`${n} CPU %`, Math.round(v)])) },
      ]),
    ),
  );
  const m = f.memory;
  console.log(`\nMemory per open subscription: ${m.subscriptions} messageStream subscriptions over ${m.sockets} sockets (${m.live} proved live afterwards), after a settling pause`);
  const row = (p: ProcessMemory) => ({
    'VmRSS before MB': p.rssMb.before,
    'VmRSS after MB': p.rssMb.after,
    'RSS bytes/subscription': Math.round(p.rssBytesPerSubscription),
    'heap bytes/subscription (after GC)': Math.round(p.heapBytesPerSubscription),
  });
  console.table({ gateway: row(m.gateway), 'conversations subgraph': row(m.conversations) });
}
