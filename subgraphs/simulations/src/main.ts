import { join } from 'node:path';
import { bootSubgraph } from '../../kit/src/bootSubgraph.ts';
import { createLogger } from '../../kit/src/log.ts';
import { runMain } from '../../kit/src/runMain.ts';
import { startSimulations } from './start.ts';

runMain(createLogger({ fields: { service: 'simulations' } }), () =>
  bootSubgraph('simulations', process.env, join(import.meta.dirname, '..', '..', '..'), startSimulations),
);
