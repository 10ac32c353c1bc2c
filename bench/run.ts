import { benchGatewayOverhead } from './gatewayOverhead.bench.ts';
import { benchMonteCarlo } from './montecarlo.bench.ts';
import { benchPersisted } from './persisted.bench.ts';
import { benchStreaming } from './streaming.bench.ts';
import { printStreamingFigures } from './printStreamingFigures.ts';

/**
 * `npm run bench`: prints figures; asserts nothing. Durations can be set with BENCH_SECONDS,
 * concurrency with BENCH_CONCURRENCY. Needs the machine's PostgreSQL, NATS and Redis.
 * Streaming: BENCH_SUBSCRIBERS (comma-separated N, default 1,10,50), BENCH_TOKENS (200),
 * BENCH_TOKEN_INTERVAL_MS (10), BENCH_OPEN_SUBSCRIPTIONS (500, 20 per socket).
 */
const durationMs = Number(process.env.BENCH_SECONDS ?? 10) * 1000;
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 16);
const fmt = (n: number) => n.toFixed(1);

try {
  const mc = benchMonteCarlo();
  console.log(`\nMonte Carlo, price - cost (normal, triangular), ${mc.iterations.toLocaleString('en')} iterations, best of 3`);
  console.table({
    'engine (runSimulation)': { 'iterations/s': Math.round(mc.engine).toLocaleString('en') },
    'plain typed-array loop': { 'iterations/s': Math.round(mc.plain).toLocaleString('en') },
  });
  console.log(`engine / plain loop: ${mc.ratio.toFixed(3)}`);

  const { ours, baseline, ratio, rounds } = await benchGatewayOverhead({ durationMs, concurrency });
  console.log(`\nTenantOverview, ${concurrency} concurrent clients, ${durationMs / 1000}s each in 4 alternating rounds`);
  console.table({
    'this gateway (JWT + signed claims)': { rps: fmt(ours.rps), p50_ms: fmt(ours.p50), p99_ms: fmt(ours.p99), requests: ours.requests, errors: ours.errors },
    'plain @apollo/gateway': { rps: fmt(baseline.rps), p50_ms: fmt(baseline.p50), p99_ms: fmt(baseline.p99), requests: baseline.requests, errors: baseline.errors },
  });
  console.log(`throughput ratio (ours / plain): ${ratio.toFixed(3)}; rps per round, ours ${rounds.ours.map(fmt).join(' ')}, plain ${rounds.baseline.map(fmt).join(' ')}`);

  const pq = await benchPersisted({ durationMs, concurrency });
  console.log(`\nTenantOverview through the gateway: APQ hash vs full query, ${concurrency} concurrent clients, ${durationMs / 1000}s each in 4 alternating rounds`);
  console.table({
    [`persisted (hash only, ${pq.requestBytes.persisted} B body)`]: { rps: fmt(pq.persisted.rps), p50_ms: fmt(pq.persisted.p50), p99_ms: fmt(pq.persisted.p99), requests: pq.persisted.requests, errors: pq.persisted.errors },
    [`full query (${pq.requestBytes.full} B body)`]: { rps: fmt(pq.full.rps), p50_ms: fmt(pq.full.p50), p99_ms: fmt(pq.full.p99), requests: pq.full.requests, errors: pq.full.errors },
  });
  console.log(`throughput ratio (persisted / full): ${pq.ratio.toFixed(3)}; rps per round, persisted ${pq.rounds.persisted.map(fmt).join(' ')}, full ${pq.rounds.full.map(fmt).join(' ')}`);

  const env = process.env;
  printStreamingFigures(
    await benchStreaming({
      ...(env.BENCH_SUBSCRIBERS ? { subscribers: env.BENCH_SUBSCRIBERS.split(',').map(Number) } : {}),
      ...(env.BENCH_TOKENS ? { tokens: Number(env.BENCH_TOKENS) } : {}),
      ...(env.BENCH_TOKEN_INTERVAL_MS ? { intervalMs: Number(env.BENCH_TOKEN_INTERVAL_MS) } : {}),
      ...(env.BENCH_OPEN_SUBSCRIPTIONS ? { subscriptions: Number(env.BENCH_OPEN_SUBSCRIPTIONS) } : {}),
    }),
  );
} catch (error) {
  console.error(error);
  process.exitCode = 1;
}
