import { describe, expect, it } from 'vitest';
import { keysetOrder, keysetWhere } from '../../kit/src/keysetWhere.ts';
import { characterCount, estimateTokens } from '../src/estimateTokens.ts';
import { isUuid, newId } from '../src/newId.ts';

describe('newId', () => {
  it('makes version-7 UUIDs that sort in creation order, even within one millisecond', () => {
    const ids = Array.from({ length: 5_000 }, () => newId(1_767_225_600_000));
    for (const id of ids) {
      expect(isUuid(id)).toBe(true);
      expect(id[14]).toBe('7');
      expect('89ab').toContain(id[19]);
    }
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
    const later = newId(Date.now());
    expect(later > ids.at(-1)!).toBe(true);
  });

  it('recognises UUIDs only', () => {
    expect(isUuid('0190a1b2-0000-7000-8000-000000000001')).toBe(true);
    expect(isUuid('not-a-uuid')).toBe(false);
    expect(isUuid("0190a1b2-0000-7000-8000-000000000001' or 1=1")).toBe(false);
  });
});

describe('estimateTokens', () => {
  it('counts one token per four characters, rounded up, by code point', () => {
    expect(estimateTokens('')).toBe(0);
    expect(estimateTokens('Hello')).toBe(2);
    expect(estimateTokens('abcd')).toBe(1);
    expect(characterCount('😀😀')).toBe(2);
    expect(estimateTokens('😀😀😀😀😀')).toBe(2);
  });
});

describe('keysetWhere', () => {
  const after = { createdAt: new Date('2026-01-01T00:00:00Z'), id: 'x' };
  it('reads after the cursor in either direction, with id breaking ties', () => {
    expect(keysetWhere(null, 'asc')).toEqual({});
    expect(keysetWhere(after, 'asc')).toEqual({ $or: [{ createdAt: { $gt: after.createdAt } }, { createdAt: after.createdAt, id: { $gt: 'x' } }] });
    expect(keysetWhere(after, 'desc')).toEqual({ $or: [{ createdAt: { $lt: after.createdAt } }, { createdAt: after.createdAt, id: { $lt: 'x' } }] });
    expect(keysetOrder('asc')).toEqual([{ createdAt: 'asc' }, { id: 'asc' }]);
  });
});
