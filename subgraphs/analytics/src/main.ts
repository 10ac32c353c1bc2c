import { join } from 'node:path';
import { bootSubgraph } from '../../kit/src/bootSubgraph.ts';
import { createLogger } from '../../kit/src/log.ts';
import { runMain } from '../../kit/src/runMain.ts';
import { startAnalytics } from './start.ts';

runMain(createLogger({ fields: { service: 'analytics' } }), () =>
  bootSubgraph('analytics', process.env, join(import.meta.dirname, '..', '..', '..'), startAnalytics),
);
