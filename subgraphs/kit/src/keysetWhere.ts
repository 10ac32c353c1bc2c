import type { Keyset } from './pagination.ts';

/**
 * The keyset half of a page query over (createdAt, id), in either direction, for MikroORM's
 * `find` (the same filter works on the SQL and the MongoDB drivers). `pagination.ts` pages newest
 * first; lists read oldest first (a conversation's messages) use 'asc'.
 */
export type KeysetDirection = 'asc' | 'desc';

export type KeysetFilter =
  | Record<string, never>
  | {
      $or: [{ createdAt: { $gt: Date } | { $lt: Date } }, { createdAt: Date; id: { $gt: string } | { $lt: string } }];
    };

/** Rows strictly after `after` in the given order; no condition on the first page. */
export function keysetWhere(after: Keyset | null, direction: KeysetDirection): KeysetFilter {
  if (!after) return {};
  if (direction === 'asc') {
    return { $or: [{ createdAt: { $gt: after.createdAt } }, { createdAt: after.createdAt, id: { $gt: after.id } }] };
  }
  return { $or: [{ createdAt: { $lt: after.createdAt } }, { createdAt: after.createdAt, id: { $lt: after.id } }] };
}

/** The matching `orderBy`: createdAt, then id to break ties, both in the same direction. */
export function keysetOrder(direction: KeysetDirection): [{ createdAt: KeysetDirection }, { id: KeysetDirection }] {
  return [{ createdAt: direction }, { id: direction }];
}
