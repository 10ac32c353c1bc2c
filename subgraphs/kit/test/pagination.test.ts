import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor, pageRequest, toConnection } from '../src/pagination.ts';

describe('keyset pagination', () => {
  const rows = Array.from({ length: 4 }, (_, i) => ({ id: `00000000-0000-4000-8000-00000000000${i}`, createdAt: new Date(Date.UTC(2026, 0, 10 - i)) }));

  it('round-trips cursors', () => {
    expect(decodeCursor(encodeCursor(rows[1]!))).toEqual({ id: rows[1]!.id, createdAt: rows[1]!.createdAt });
  });

  it('fetches one more row than asked to know about the next page', () => {
    const page = pageRequest({ first: 3 });
    expect(page.limit).toBe(4);
    const connection = toConnection(rows, page);
    expect(connection.edges.map((e) => e.node.id)).toEqual(rows.slice(0, 3).map((row) => row.id));
    expect(connection.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false, endCursor: encodeCursor(rows[2]!) });
    expect(toConnection(rows.slice(0, 2), page).pageInfo.hasNextPage).toBe(false);
  });

  it('refuses page sizes out of range and foreign cursors with BAD_USER_INPUT', () => {
    // Forged cursors whose id is no UUID, or whose date no timestamp column holds, would reach the
    // store as driver errors (INTERNAL_SERVER_ERROR) if they were let through.
    const forged = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const badCursors = [forged(['2026-01-01T00:00:00.000Z', 'nope']), forged(['-271821-04-20T00:00:00.000Z', rows[0]!.id]), forged(['2026-01-01T00:00:00.000Z', 7])];
    for (const args of [{ first: -1 }, { first: 101 }, { first: 1.5 }, { after: 'bm90IGEgY3Vyc29y' }, { after: '!!!' }, ...badCursors.map((after) => ({ after }))]) {
      expect(() => pageRequest(args)).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) }));
    }
  });
});
