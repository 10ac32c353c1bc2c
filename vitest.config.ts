import { defineConfig } from 'vitest/config';

// Projects split by suffix: *.test.ts are unit tests (no I/O), *.int.test.ts talk to the
// real PostgreSQL, Redis and NATS of the machine, e2e/ starts the stack as separate processes.
export default defineConfig({
  resolve: {
    // Node resolves `graphql` (no "exports" map) to its CommonJS build, the one Apollo's CommonJS
    // packages and graphql-ws load; Vite would give our files the ESM build ("module") instead, and
    // two graphql instances refuse each other's schemas and errors. Tests load what production loads.
    alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }],
  },
  test: {
    // In CI a JSON report is written too, so .ci/run can print one plain closing line.
    reporters: process.env.CI ? ['default', ['json', { outputFile: '.data/vitest-report.json' }]] : ['default'],
    projects: [
      {
        test: {
          name: 'unit',
          include: ['{gateway,subgraphs,scripts}/**/test/**/*.test.ts', 'test/**/*.test.ts'],
          exclude: ['**/*.int.test.ts', '**/node_modules/**'],
        },
      },
      {
        test: {
          name: 'integration',
          include: ['{gateway,subgraphs,scripts}/**/test/**/*.int.test.ts', 'test/**/*.int.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // Waits on real servers (relay → NATS, PostgreSQL round trips) get what a loaded CI machine needs.
          expect: { poll: { timeout: 15_000 } },
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 240_000,
          expect: { poll: { timeout: 30_000 } },
          fileParallelism: false,
        },
      },
    ],
  },
});
