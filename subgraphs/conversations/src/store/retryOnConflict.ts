import { OptimisticLockError } from '@mikro-orm/core';

/**
 * Runs a write again when it lost a race: an optimistic-lock miss (another request bumped the same
 * conversation first) or a MongoDB transient transaction error (a write conflict inside a
 * transaction). Each attempt is a fresh transaction, so nothing of a lost attempt remains.
 */
export async function retryOnConflict<T>(attempt: () => Promise<T>, maxAttempts = 12): Promise<T> {
  for (let n = 1; ; n += 1) {
    try {
      return await attempt();
    } catch (error) {
      if (n >= maxAttempts || !isConflict(error)) throw error;
      // Jittered exponential backoff (capped) so the racers do not collide again in lockstep.
      await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(100, 2 ** n)));
    }
  }
}

const WRITE_CONFLICT = 112;

function isConflict(error: unknown): boolean {
  if (error instanceof OptimisticLockError) return true;
  // MikroORM wraps driver errors, copying their own fields: the label set and code survive.
  const driver = error as { errorLabelSet?: unknown; code?: unknown } | null;
  const labels = driver?.errorLabelSet;
  return (labels instanceof Set && labels.has('TransientTransactionError')) || driver?.code === WRITE_CONFLICT;
}
