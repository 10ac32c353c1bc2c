import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Preloaded into the stack's processes by the streaming benchmark (NODE_OPTIONS="--expose-gc
 * --import bench/heapProbe.ts", BENCH_HEAP_PROBE_DIR): on SIGUSR2, a full GC and then
 * process.memoryUsage() written to <dir>/<pid>.json, so the benchmark can read live heap bytes
 * from outside, which RSS alone (heap pages kept committed by V8) does not show.
 */
const dir = process.env.BENCH_HEAP_PROBE_DIR;
if (dir) {
  process.on('SIGUSR2', () => {
    const gc = (globalThis as { gc?: () => void }).gc;
    gc?.();
    gc?.();
    writeFileSync(join(dir, `${process.pid}.json`), JSON.stringify({ gc: gc !== undefined, ...process.memoryUsage() }));
  });
}
