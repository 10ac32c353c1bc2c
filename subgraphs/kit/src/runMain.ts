import type { Logger } from './log.ts';
import { describeError } from './errors.ts';

export type Shutdown = () => Promise<void>;

/**
 * The only place a service process meets its signals: starts `main`, logs and exits 1 if start-up
 * fails, and on SIGINT/SIGTERM runs the shutdown `main` returned (which disposes in reverse order).
 * A second signal exits at once. Stray rejections are logged, never fatal.
 */
export function runMain(log: Logger, main: () => Promise<Shutdown>): void {
  let shutdown: Shutdown | undefined;
  let stopping = false;
  process.on('unhandledRejection', (reason) => log.error('unhandled rejection', { error: describeError(reason) }));
  let firstSignalAt = 0;
  const stop = (signal: string) => {
    // A terminal's Ctrl-C can reach us twice at once (from the terminal and forwarded by npm):
    // only a signal more than a second after the first means "exit now".
    if (stopping && Date.now() - firstSignalAt < 1_000) return;
    if (stopping) {
      log.warn('second signal, exiting now', { signal });
      process.exit(1);
    }
    stopping = true;
    firstSignalAt = Date.now();
    log.info('shutting down', { signal });
    const done = shutdown ? shutdown() : Promise.resolve();
    done.then(
      () => {
        log.info('stopped');
        process.exit(0);
      },
      (error: unknown) => {
        log.error('shutdown failed', { error: describeError(error) });
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
  main().then(
    (dispose) => {
      shutdown = dispose;
      if (stopping) void dispose().finally(() => process.exit(0));
    },
    (error: unknown) => {
      log.error('failed to start', { error: describeError(error) });
      process.exit(1);
    },
  );
}

/** Runs disposers in reverse order of acquisition, collecting every failure. */
export function createDisposer() {
  const stack: Array<{ name: string; dispose: () => Promise<void> | void }> = [];
  return {
    add(name: string, dispose: () => Promise<void> | void) {
      stack.push({ name, dispose });
    },
    async dispose(log?: Logger) {
      const failures: unknown[] = [];
      while (stack.length > 0) {
        const item = stack.pop()!;
        try {
          await item.dispose();
        } catch (error) {
          failures.push(error);
          log?.error('dispose failed', { resource: item.name, error: describeError(error) });
        }
      }
      if (failures.length > 0) throw new AggregateError(failures, 'some resources failed to close');
    },
  };
}
