import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor, pageRequest, toConnection } from '../src/pagination.ts';

describe('keyset pagination', () => {
  const rows = Array.from({ length: 4 }, (_, i) => ({ id: `id-${i}`, createdAt: new Date(Date.UTC(2026, 0, 10 - i)) }));

  it('round-trips cursors', () => {
    expect(decodeCursor(encodeCursor(rows[1]!))).toEqual({ id: 'id-1', createdAt: rows[1]!.createdAt });
  });

  it('fetches one more row than asked to know about the next page', () => {
    const page = pageRequest({ first: 3 });
    expect(page.limit).toBe(4);
    const connection = toConnection(rows, page);
    expect(connection.edges.map((e) => e.node.id)).toEqual(['id-0', 'id-1', 'id-2']);
    expect(connection.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false, endCursor: encodeCursor(rows[2]!) });
    expect(toConnection(rows.slice(0, 2), page).pageInfo.hasNextPage).toBe(false);
  });

  it('refuses page sizes out of range and foreign cursors with BAD_USER_INPUT', () => {
    for (const args of [{ first: -1 }, { first: 101 }, { first: 1.5 }, { after: 'bm90IGEgY3Vyc29y' }, { after: '!!!' }]) {
      expect(() => pageRequest(args)).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) }));
    }
  });
});
