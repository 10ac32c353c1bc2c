import { benchGatewayOverhead } from './gatewayOverhead.bench.ts';
import { benchMonteCarlo } from './montecarlo.bench.ts';

/**
 * `npm run bench`: prints figures; asserts nothing. Durations can be set with BENCH_SECONDS,
 * concurrency with BENCH_CONCURRENCY. Needs the machine's PostgreSQL, NATS and Redis.
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

  const { ours, baseline, ratio } = await benchGatewayOverhead({ durationMs, concurrency });
  console.log(`\nTenantOverview, ${concurrency} concurrent clients, ${durationMs / 1000}s each`);
  console.table({
    'this gateway (JWT + signed claims)': { rps: fmt(ours.rps), p50_ms: fmt(ours.p50), p99_ms: fmt(ours.p99), requests: ours.requests, errors: ours.errors },
    'plain @apollo/gateway': { rps: fmt(baseline.rps), p50_ms: fmt(baseline.p50), p99_ms: fmt(baseline.p99), requests: baseline.requests, errors: baseline.errors },
  });
  console.log(`throughput ratio (ours / plain): ${ratio.toFixed(3)}`);
} catch (error) {
  console.error(error);
  process.exitCode = 1;
}
