import { badInput } from './errors.ts';
import { isUuid } from './isUuid.ts';

/**
 * Relay-style connections over a keyset (createdAt, id): stable under concurrent inserts and
 * one indexed range scan per page, however deep the page.
 */
export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

export interface PageArgs {
  first?: number | null;
  after?: string | null;
}
export interface Keyset {
  createdAt: Date;
  id: string;
}
export interface PageRequest {
  /** Rows to fetch: one more than asked, to learn whether a next page exists. */
  limit: number;
  size: number;
  after: Keyset | null;
}
export interface Edge<T> {
  cursor: string;
  node: T;
}
export interface Connection<T> {
  edges: Edge<T>[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
}

export function encodeCursor(key: Keyset): string {
  return Buffer.from(JSON.stringify([key.createdAt.toISOString(), key.id])).toString('base64url');
}

export function decodeCursor(cursor: string): Keyset {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    // Every id of the platform is a UUID: a forged cursor with anything else must not reach a
    // uuid column as a driver error, nor a date outside what a timestamp column holds.
    if (Array.isArray(value) && value.length === 2 && typeof value[0] === 'string' && isUuid(value[1])) {
      const createdAt = new Date(value[0]);
      const year = createdAt.getUTCFullYear();
      if (!Number.isNaN(createdAt.getTime()) && year >= 1 && year <= 9999) return { createdAt, id: value[1] };
    }
  } catch {
    // fall through to the typed error below
  }
  throw badInput('The cursor given in `after` is not one this API issued', { argument: 'after' });
}

export function pageRequest(args: PageArgs): PageRequest {
  const size = args.first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(size) || size < 0 || size > MAX_PAGE_SIZE) {
    throw badInput(`\`first\` must be between 0 and ${MAX_PAGE_SIZE}, got ${size}`, { argument: 'first' });
  }
  return { size, limit: size + 1, after: args.after ? decodeCursor(args.after) : null };
}

/** Builds the connection from rows fetched newest first with `limit` = size + 1. */
export function toConnection<T extends Keyset>(rows: readonly T[], page: PageRequest): Connection<T> {
  const nodes = rows.slice(0, page.size);
  const edges = nodes.map((node) => ({ cursor: encodeCursor(node), node }));
  return {
    edges,
    pageInfo: {
      hasNextPage: rows.length > page.size,
      hasPreviousPage: page.after !== null,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}
