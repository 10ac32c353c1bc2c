import { join } from 'node:path';
import { bootSubgraph } from '../../kit/src/bootSubgraph.ts';
import { createLogger } from '../../kit/src/log.ts';
import { runMain } from '../../kit/src/runMain.ts';
import { startIntegrations } from './start.ts';

runMain(createLogger({ fields: { service: 'integrations' } }), () =>
  bootSubgraph('integrations', process.env, join(import.meta.dirname, '..', '..', '..'), startIntegrations),
);
