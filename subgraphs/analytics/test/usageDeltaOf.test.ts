import { describe, expect, it } from 'vitest';
import { createEvent } from '../../kit/src/bus/PlatformEvent.ts';
import type { PlatformEvent } from '../../kit/src/bus/PlatformEvent.ts';
import { usageDeltaOf } from '../src/usageDeltaOf.ts';

const tenantId = '11111111-2222-4333-8444-555555555555';
const at = new Date('2024-02-29T23:59:59.999Z');
const event = (type: string, data: Record<string, unknown> = {}) => createEvent(type, tenantId, 'tests', data, at);

describe('usageDeltaOf', () => {
  it('buckets by the UTC day of occurredAt', () => {
    const delta = usageDeltaOf({ ...event('message.created'), occurredAt: '2024-03-01T01:30:00+02:00' });
    expect(delta).toMatchObject({ kind: 'count', day: '2024-02-29' });
    expect(usageDeltaOf(event('simulation.completed'))).toMatchObject({ day: '2024-02-29' });
  });

  it('counts each event type', () => {
    expect(usageDeltaOf(event('tenant.created'))).toEqual({
      kind: 'count',
      day: '2024-02-29',
      increment: { messages: 0, simulations: 0, completions: 0, tokens: 0, costUsd: 0 },
      problems: [],
    });
    expect(usageDeltaOf(event('message.created', { tokenCount: 42 }))).toMatchObject({
      increment: { messages: 1, tokens: 42, simulations: 0, completions: 0, costUsd: 0 },
      problems: [],
    });
    // A message without a token count is normal (not every publisher knows it): no problem reported.
    expect(usageDeltaOf(event('message.created'))).toMatchObject({ increment: { messages: 1, tokens: 0 }, problems: [] });
    expect(usageDeltaOf(event('simulation.completed', { runId: 'x' }))).toMatchObject({ increment: { simulations: 1 } });
    expect(usageDeltaOf(event('completion.finished', { totalTokens: 1500, costUsd: 0.0125 }))).toMatchObject({
      increment: { completions: 1, tokens: 1500, costUsd: 0.0125 },
      problems: [],
    });
  });

  it('counts malformed data fields as 0 and names them', () => {
    const bad = usageDeltaOf(event('completion.finished', { totalTokens: '1500', costUsd: -1 }));
    expect(bad).toMatchObject({ kind: 'count', increment: { completions: 1, tokens: 0, costUsd: 0 } });
    expect(bad.kind === 'count' && bad.problems).toEqual([
      'data.totalTokens must be a non-negative whole number, got "1500"',
      'data.costUsd must be a non-negative number, got -1',
    ]);
    const missing = usageDeltaOf(event('completion.finished'));
    expect(missing.kind === 'count' && missing.problems).toEqual(['data.totalTokens is missing', 'data.costUsd is missing']);
    for (const tokenCount of [1.5, Number.NaN, -3, 2 ** 60, true, { n: 1 }]) {
      const delta = usageDeltaOf(event('message.created', { tokenCount }));
      expect(delta).toMatchObject({ kind: 'count', increment: { messages: 1, tokens: 0 } });
      expect(delta.kind === 'count' && delta.problems).toHaveLength(1);
    }
    expect(usageDeltaOf(event('completion.finished', { totalTokens: 1, costUsd: Number.POSITIVE_INFINITY }))).toMatchObject({
      increment: { costUsd: 0 },
    });
  });

  it('rejects envelopes it cannot attribute, instead of failing on them forever', () => {
    const base: PlatformEvent = event('message.created');
    expect(usageDeltaOf({ ...base, id: 'not-a-uuid' })).toEqual({ kind: 'rejected', reason: 'event id is not a UUID' });
    expect(usageDeltaOf({ ...base, tenantId: 'acme' })).toEqual({ kind: 'rejected', reason: 'tenantId is not a UUID' });
    expect(usageDeltaOf({ ...base, occurredAt: 'yesterday' })).toEqual({ kind: 'rejected', reason: 'occurredAt is not a date' });
    expect(usageDeltaOf({ ...base, type: 'tenant.deleted' })).toMatchObject({ kind: 'rejected' });
  });
});
