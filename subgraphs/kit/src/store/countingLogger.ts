import type { Logger as OrmLogger, LogContext, LoggerNamespace } from '@mikro-orm/core';
import type { Logger } from '../log.ts';
import { OUTBOX_RELAY_TAG } from './outbox.ts';

const bookkeeping = /^\s*(begin|commit|rollback|savepoint|release savepoint|select set_config)/i;

/**
 * MikroORM logger that counts the statements a store sends (not transaction bookkeeping, nor the
 * outbox relay's background work), so tests can show that a page of 20 costs the same queries as
 * a page of 1. Debug logs every statement.
 */
export function createCountingLogger(log: Logger) {
  const counter = { statements: 0 };
  const logger: OrmLogger = {
    log(namespace: LoggerNamespace | string, message: string) {
      if (namespace === 'discovery' || namespace === 'info') return;
      log.debug(message, { orm: namespace });
    },
    error(namespace: LoggerNamespace | string, message: string) {
      log.error(message, { orm: namespace });
    },
    warn(namespace: LoggerNamespace | string, message: string) {
      log.warn(message, { orm: namespace });
    },
    logQuery(context: LogContext) {
      if (!context.query || bookkeeping.test(context.query) || context.query.startsWith(OUTBOX_RELAY_TAG)) return;
      counter.statements += 1;
      log.debug('sql', { query: context.query, took: context.took });
    },
    setDebugMode() {},
    isEnabled(namespace: LoggerNamespace) {
      return namespace === 'query';
    },
  };
  return { logger, counter };
}
